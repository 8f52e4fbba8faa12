"""Is every figure traceable? Quotes must stand verbatim in their source, with the figure's number.

Used by the test suite and by `indicators check-sources`. Whitespace is ignored (the seed texts
break lines and table cells arbitrarily); nothing else is: punctuation and digits must match.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

_SPACE = re.compile(r"\s+")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10_000, "亿": 100_000_000}


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def chinese_number(text: str) -> float | None:
    """'三十五' -> 35, '两万' -> 20000, '千亿' -> 1e11, '1.5万' -> 15000; None if not a number."""
    text = text.strip()
    match = re.fullmatch(r"([\d.]+)([万亿]?)", text)
    if match:
        return float(match.group(1)) * _LARGE.get(match.group(2), 1)
    total, section, digit = 0.0, 0.0, None
    if not text or any(ch not in _DIGITS and ch not in _SMALL and ch not in _LARGE for ch in text):
        return None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (digit if digit is not None else 1) * _SMALL[ch]
            digit = None
        else:
            section += digit or 0
            total = (total + (section or 1)) * _LARGE[ch]
            section, digit = 0.0, None
    return total + section + (digit or 0)


def number_forms(value: float) -> set[str]:
    """Ways the figure's number may be written in its quote: 12, 12.0, 1.4, 32,681, 110,000."""
    forms = {f"{value:f}".rstrip("0").rstrip("."), f"{value:g}"}
    if float(value).is_integer():
        forms.add(f"{int(value):,}")
    return forms


def check_figures(figures: pd.DataFrame, sources: pd.DataFrame, seeds_dir: Path,
                  external_file: Path | None = None) -> list[str]:
    """Problems with the figures' quotes: not verbatim in the source, or without the figure's number."""
    texts: dict[str, str] = {}
    problems = []
    by_source = sources.set_index("id")
    external = squeeze(external_file.read_text(encoding="utf-8")) if external_file and external_file.exists() else None
    for row in figures.to_dict("records"):
        source = by_source.loc[row["source"]]
        seed = source.get("seed_file")
        if isinstance(seed, str):
            if seed not in texts:
                path = seeds_dir / seed
                texts[seed] = squeeze(path.read_text(encoding="utf-8")) if path.exists() else ""
            haystack, where = texts[seed], f"seed {seed}"
        elif external is not None:
            haystack, where = external, "external-figures.md"
        else:
            continue
        quote = squeeze(row["quote"])
        if not haystack:
            problems.append(f"{row['id']}: its source file {where} was not found in {seeds_dir}")
            continue
        if quote not in haystack:
            problems.append(f"{row['id']}: quote not found verbatim in {where}: {row['quote']!r}")
        if row["value"] is None or pd.isna(row["value"]) or row["unit"] == "是否" or row.get("quote_is_summary"):
            continue
        written = row.get("number_in_quote")
        if isinstance(written, str):
            parsed = chinese_number(written)
            if written not in row["quote"]:
                problems.append(f"{row['id']}: number_in_quote {written!r} is not in the quote")
            elif parsed is None or not any(abs(parsed - v) <= 1e-9 * max(1, abs(v))
                                           for v in (row["value"], row["value_base"])):
                problems.append(f"{row['id']}: number_in_quote {written!r} does not read as {row['value']:g}")
            continue
        plain = quote.replace(",", "").replace("，", "")
        if not any(form.replace(",", "") in plain for form in number_forms(row["value"])):
            problems.append(f"{row['id']}: the value {row['value']:g} does not appear in its quote {row['quote']!r}")
    return problems
