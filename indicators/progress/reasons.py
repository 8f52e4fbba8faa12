"""One sentence per verdict, in Chinese and English, quoting the numbers that decided it."""
from __future__ import annotations


from ..i18n import STATUS_LABELS
from ..numbers import format_number, format_quantity
from .comparators import symbol


def _quantity(row: dict, base_value, lang: str) -> str:
    """A base-unit value as a reader expects it: in the target's written unit in Chinese (11万个),
    in base units with English scale words in English (110,000; 1.9 trillion yuan)."""
    return format_quantity(base_value, lang, row.get("unit"), row.get("factor") or 1.0, row.get("base_unit"))


def _pct(rate) -> str:
    """Rates with one decimal, as plans write them: 12.3 %/yr."""
    return f"{rate * 100:.1f}"


def explain(row: dict) -> tuple[str, str]:
    status = row["status"]
    zh_status, en_status = STATUS_LABELS[status]["zh"], STATUS_LABELS[status]["en"].lower()
    comparator = symbol(row["comparator"])
    target_zh = f"{comparator}{_quantity(row, row.get('target_base'), 'zh')}"
    target_en = f"{comparator} {_quantity(row, row.get('target_base'), 'en')}".strip()
    year_t = row["target_year"]
    latest_zh, latest_en = _quantity(row, row.get("latest_base"), "zh"), _quantity(row, row.get("latest_base"), "en")
    latest_year = row.get("latest_label") or row.get("latest_year")
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
        zh = f"{latest_year}年为{latest_zh}，{verb_zh}目标{target_zh}"
        en = f"{latest_en} in {latest_year} {'meets' if status == 'met' else 'falls short of'} the target {target_en}"
    elif status == "unknown":
        zh = f"目标年{year_t}年已过，目录中没有{year_t}年的数值"
        en = f"the target year {year_t} has passed and the catalogue has no figure for {year_t}"
        if row.get("bound_only"):
            zh += f"（{latest_year}年仅知{latest_zh}以上，无法判断）"
            en += f" (only a lower bound, {latest_en} in {latest_year}, is known)"
        elif latest_year is not None:
            zh += f"（最近为{latest_year}{'' if '-' in str(latest_year) else '年'}的{latest_zh}）"
            en += f" (the last was {latest_en} in {latest_year})"
    elif method == "cagr":
        zh = (f"需年均增长{_pct(row['required_rate'])}%，{row['baseline_year']}年以来实际年均"
              f"{_pct(row['observed_rate'])}%")
        en = (f"needs {_pct(row['required_rate'])} %/yr, observed {_pct(row['observed_rate'])} %/yr "
              f"since {row['baseline_year']}")
    elif method == "linear":
        zh = (f"需每年增加{_quantity(row, row['required_slope'], 'zh')}，{row['baseline_year']}年以来实际每年"
              f"{_quantity(row, row['observed_slope'], 'zh')}")
        en = (f"needs {_quantity(row, row['required_slope'], 'en')} a year, observed "
              f"{_quantity(row, row['observed_slope'], 'en')} a year since {row['baseline_year']}")
    elif method == "increment_pace":
        start = row.get("period_start") or year_t
        zh = (f"{start}—{year_t}年需新增{target_zh}，截至{latest_year}年已新增{latest_zh}"
              f"（为所需进度的{format_number(row['ratio'] * 100, digits=3)}%）")
        en = (f"needs {target_en} in {start}-{year_t}; {latest_en} by {latest_year} "
              f"({format_number(row['ratio'] * 100, digits=3)} % of the required pace)")
    elif method == "increment" and latest_year is not None:
        zh = f"{latest_year}年新增{latest_zh}，目标{target_zh}"
        en = f"{latest_en} added by {latest_year} against a target of {target_en}"
    elif method == "growth_rate" and latest_year is not None:
        zh = f"目标增速{target_zh}，{latest_year}年实际{latest_zh}"
        en = f"target growth {target_en}, observed {latest_en} in {latest_year}"
    elif row.get("baseline_year") is not None:
        zh = f"只有{row['baseline_year']}年的基期值，此后没有观测值"
        en = f"only the {row['baseline_year']} baseline; no observation since"
    else:
        zh, en = "目录中没有基期值或观测值", "the catalogue has no baseline or observation for it"

    if row.get("baseline_from") == "observation" and row.get("method") in ("cagr", "linear"):
        zh += f"（缺基期值，以{row['baseline_year']}年观测值代替）"
        en += f" (no baseline: the {row['baseline_year']} observation stands in)"
    return f"{zh}：{zh_status}", f"{en}: {en_status}"
