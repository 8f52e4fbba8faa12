"""One sentence per verdict, in Chinese and English, quoting the numbers that decided it."""
from __future__ import annotations

import math

from ..i18n import STATUS_LABELS
from ..numbers import format_number
from .comparators import symbol


def _value(row: dict, base_value) -> str:
    """A base-unit value shown in the target's unit as written (万个, 亿元, %)."""
    if base_value is None or (isinstance(base_value, float) and math.isnan(base_value)):
        return "—"
    return format_number(base_value / (row.get("factor") or 1.0))


def _pct(rate) -> str:
    """Rates with one decimal, as plans write them: 12.3 %/yr."""
    return f"{rate * 100:.1f}"


def explain(row: dict) -> tuple[str, str]:
    status = row["status"]
    zh_status, en_status = STATUS_LABELS[status]["zh"], STATUS_LABELS[status]["en"].lower()
    unit = row["unit"] or ""
    unit_en = "" if unit == "是否" else (unit if unit == "%" else f" {unit}")
    unit_zh = "" if unit == "是否" else unit
    target = f"{symbol(row['comparator'])} {_value(row, row.get('target_base'))}".strip()
    year_t = row["target_year"]
    latest = _value(row, row.get("latest_base"))
    latest_year = row.get("latest_year")
    method = row.get("method")

    if method == "no_target_value":
        zh, en = "规划未给出目标数值", "the plan gives no number for this target"
    elif method == "binary":
        if status == "met":
            zh, en = f"{latest_year}年已报告达成", f"reported achieved in {latest_year}"
        elif status == "missed":
            zh, en = f"截至{year_t}年未见达成", f"not achieved by {year_t}"
        elif status == "unknown":
            zh, en = f"目标年{year_t}年已过，目录中没有是否达成的记录", \
                f"the target year {year_t} has passed and the catalogue has no report on it"
        else:
            zh, en = "尚无达成情况的报告", "no report yet on whether it has been achieved"
    elif status in ("met", "missed") and latest_year is not None and method in ("level", "cagr", "linear"):
        verb_zh = "达到" if status == "met" else "未达到"
        zh = f"{latest_year}年为{latest}{unit_zh}，{verb_zh}目标{target}{unit_zh}"
        en = f"{latest}{unit_en} in {latest_year} {'meets' if status == 'met' else 'falls short of'} " \
             f"the target {target}{unit_en}"
    elif status == "unknown":
        zh = f"目标年{year_t}年已过，目录中没有{year_t}年的数值"
        en = f"the target year {year_t} has passed and the catalogue has no figure for {year_t}"
        if latest_year is not None:
            zh += f"（最近为{latest_year}年的{latest}{unit_zh}）"
            en += f" (the last was {latest}{unit_en} in {latest_year})"
    elif method == "cagr":
        zh = (f"需年均增长{_pct(row['required_rate'])}%，{row['baseline_year']}年以来实际年均"
              f"{_pct(row['observed_rate'])}%")
        en = (f"needs {_pct(row['required_rate'])} %/yr, observed {_pct(row['observed_rate'])} %/yr "
              f"since {row['baseline_year']}")
    elif method == "linear":
        per = row["factor"] or 1.0
        req = format_number(row["required_slope"] / per)
        obs = format_number(row["observed_slope"] / per)
        zh = f"需每年增加{req}{unit_zh}，{row['baseline_year']}年以来实际每年{obs}{unit_zh}"
        en = f"needs {req}{unit_en} a year, observed {obs}{unit_en} a year since {row['baseline_year']}"
    elif method == "increment_pace":
        start = row.get("period_start") or year_t
        zh = (f"{start}—{year_t}年需新增{target}{unit_zh}，截至{latest_year}年已新增{latest}{unit_zh}"
              f"（为所需进度的{format_number(row['ratio'] * 100, digits=3)}%）")
        en = (f"needs {target}{unit_en} in {start}-{year_t}; {latest}{unit_en} by {latest_year} "
              f"({format_number(row['ratio'] * 100, digits=3)} % of the required pace)")
    elif method == "increment" and latest_year is not None:
        zh = f"{latest_year}年新增{latest}{unit_zh}，目标{target}{unit_zh}"
        en = f"{latest}{unit_en} added by {latest_year} against a target of {target}{unit_en}"
    elif method == "growth_rate" and latest_year is not None:
        zh = f"目标增速{target}%，{latest_year}年实际{latest}%"
        en = f"target growth {target} %, observed {latest} % in {latest_year}"
    elif row.get("baseline_year") is not None:
        zh = f"只有{row['baseline_year']}年的基期值，此后没有观测值"
        en = f"only the {row['baseline_year']} baseline; no observation since"
    else:
        zh, en = "目录中没有基期值或观测值", "the catalogue has no baseline or observation for it"

    if row.get("baseline_from") == "observation" and row.get("baseline_year") is not None:
        zh += f"（缺基期值，以{row['baseline_year']}年观测值代替）"
        en += f" (no baseline: the {row['baseline_year']} observation stands in)"
    return f"{zh}：{zh_status}", f"{en}: {en_status}"
