"""Checks across records and files: unique ids, references, units, measures and years.

The schema checks one record at a time; these checks need the whole catalogue. Figure checks
are vectorised over one frame so that a national catalogue of a million figures is checked in
about a second.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .problems import Problem

if TYPE_CHECKING:
    from .loader import RawCatalogue

#: Measures whose figures may be negative (a fall is a negative growth rate).
SIGNED_MEASURES = {"growth_rate"}
PERCENT_BASES = {"percent", "percentage_point"}


def cross_check(raw: "RawCatalogue") -> list[Problem]:
    problems: list[Problem] = []
    ids = {section: [r["id"] for r in records] for section, records in raw.records.items()}
    for section in raw.records:
        problems.extend(_duplicates(raw, section, ids[section]))
    known = {section: set(values) for section, values in ids.items()}

    def refs(section: str, field: str, target: str, what: str) -> None:
        for index, record in enumerate(raw.records[section]):
            value = record.get(field)
            if value is not None and value not in known[target]:
                problems.append(raw.problem(section, index, field, f"unknown {what} '{value}'"
                                            f"{_nearest(value, known[target])}"))

    refs("regions", "parent", "regions", "region")
    refs("units", "base_unit", "base_units", "base unit")
    refs("indicators", "category", "categories", "category")
    refs("indicators", "concept", "indicators", "concept (an indicator id)")
    problems.extend(_check_indicators(raw))
    problems.extend(_check_sources(raw))
    problems.extend(_check_figures(raw, known))
    for index, record in enumerate(raw.records["contradictions"]):
        for figure_id in record["figures"]:
            if figure_id not in known["figures"]:
                problems.append(raw.problem("contradictions", index, "figures",
                                            f"unknown figure '{figure_id}'{_nearest(figure_id, known['figures'])}"))
    return problems


def _nearest(value: str, choices: set) -> str:
    """A 'did you mean' hint for a mistyped reference (skipped for huge id sets: too slow)."""
    import difflib

    if len(choices) > 20000:
        return ""
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _duplicates(raw: "RawCatalogue", section: str, values: list[str]) -> list[Problem]:
    series = pd.Series(values, dtype=object)
    dup = series[series.duplicated(keep=False)]
    problems = []
    first_at: dict[str, int] = {}
    for index, value in dup.items():
        if value not in first_at:
            first_at[value] = index
            continue
        shown, line = raw.locate(section, first_at[value], "id")
        problems.append(raw.problem(section, index, "id",
                                    f"duplicate id '{value}'; first defined at {shown}:{line}"))
    return problems


def _check_indicators(raw: "RawCatalogue") -> list[Problem]:
    problems = []
    by_id = {r["id"]: r for r in raw.records["indicators"]}
    for index, record in enumerate(raw.records["indicators"]):
        concept = record.get("concept")
        if concept is None or concept == record["id"] or concept not in by_id:
            continue
        canonical = by_id[concept]
        if canonical.get("concept", concept) != concept:
            problems.append(raw.problem("indicators", index, "concept",
                                        f"'{concept}' itself belongs to concept '{canonical['concept']}'; "
                                        f"name that concept directly"))
        if canonical["measure"] != record["measure"]:
            problems.append(raw.problem("indicators", index, "measure",
                                        f"is '{record['measure']}' but its concept '{concept}' is "
                                        f"'{canonical['measure']}'; a stock and a flow (or a rate) are "
                                        f"different concepts"))
    return problems


def _check_sources(raw: "RawCatalogue") -> list[Problem]:
    problems = []
    for index, record in enumerate(raw.records["sources"]):
        if not record.get("seed_file") and not record.get("url"):
            problems.append(raw.problem("sources", index, "", "needs a seed_file (a document in "
                                                              "shared/seeds) or a url"))
        if not record.get("seed_file") and record.get("url") and not record.get("grade"):
            problems.append(raw.problem("sources", index, "grade", "an external page needs a grade: "
                                                                   "official or media"))
    return problems


def figure_frame(raw: "RawCatalogue") -> pd.DataFrame:
    """The figure records as one frame (built once, shared by the checks and the catalogue)."""
    cached = getattr(raw, "_figure_frame", None)
    if cached is None:
        cached = pd.DataFrame.from_records(raw.records["figures"]) if raw.records["figures"] else pd.DataFrame(
            columns=["id", "region", "indicator", "figure_kind", "year", "value", "unit", "comparator", "quote",
                     "source"])
        raw._figure_frame = cached
    return cached


def _check_figures(raw: "RawCatalogue", known: dict[str, set]) -> list[Problem]:
    figures = figure_frame(raw)
    if figures.empty:
        return []
    problems: list[Problem] = []

    def report(mask: pd.Series, field: str, message) -> None:
        for index in mask[mask].index:
            text = message(figures.loc[index]) if callable(message) else message
            problems.append(raw.problem("figures", int(index), field, text))

    for field, section, what in (("region", "regions", "region"), ("indicator", "indicators", "indicator"),
                                 ("unit", "units", "unit"), ("source", "sources", "source")):
        column = figures[field] if field in figures else pd.Series([None] * len(figures))
        if field == "source":
            report(column.isna(), field, "is required (or set 'source:' at the top of the file)")
        unknown = column.notna() & ~column.isin(known[section])
        report(unknown, field, lambda row, f=field, s=section, w=what:
               f"unknown {w} '{row[f]}'{_nearest(row[f], known[s])}"
               + ("; add it to data/units.yaml" if f == "unit" else ""))

    if "period_start" in figures:
        report(figures["period_start"].notna() & (figures["period_start"] > figures["year"]), "period_start",
               lambda row: f"the period starts in {int(row['period_start'])}, after its year {row['year']}")
    if "as_of" in figures:
        as_of_year = pd.to_numeric(figures["as_of"].str[:4], errors="coerce")
        report(as_of_year.notna() & (as_of_year != figures["year"]), "as_of",
               lambda row: f"is in another year than the figure's year {row['year']}")
    notes = [c for c in ("note_en", "note_zh") if c in figures]
    has_note = figures[notes].notna().any(axis=1) if notes else pd.Series(False, index=figures.index)
    report(figures["value"].isna() & ~has_note, "value",
           "is missing (null); a missing value needs a note_en saying why (for example '— in the table')")

    indicators = pd.DataFrame.from_records(raw.records["indicators"]) if raw.records["indicators"] else None
    units = pd.DataFrame.from_records(raw.records["units"]) if raw.records["units"] else None
    if indicators is None or units is None:
        return problems
    measure = figures["indicator"].map(indicators.set_index("id")["measure"])
    concept_map = indicators.set_index("id")["concept"] if "concept" in indicators else None
    concept = figures["indicator"].map(concept_map) if concept_map is not None else figures["indicator"]
    concept = concept.fillna(figures["indicator"])
    base = figures["unit"].map(units.drop_duplicates("id").set_index("id")["base_unit"])
    checkable = measure.notna() & base.notna()

    negative = checkable & (figures["value"] < 0) & ~measure.isin(SIGNED_MEASURES) & (base != "percentage_point")
    report(negative, "value", lambda row: f"is negative ({row['value']:g}); a count, amount or share "
                                          f"cannot be below zero")
    report(checkable & (base == "percent") & ~measure.isin(["share", "growth_rate"]), "unit",
           lambda row: f"is a percentage but indicator '{row['indicator']}' is not a share or growth rate")
    report(checkable & measure.isin(["share", "growth_rate"]) & ~base.isin(PERCENT_BASES), "unit",
           lambda row: f"'{row['unit']}' is not a percentage, but indicator '{row['indicator']}' is a "
                       f"share or growth rate")
    report(checkable & ((measure == "binary") != (base == "binary")), "unit",
           lambda row: "a yes/no goal uses unit 是否 with a binary indicator, and only then")
    report(checkable & (measure == "binary") & figures["value"].notna() & ~figures["value"].isin([0, 1]),
           "value", "a yes/no figure is 1 (achieved) or 0 (not achieved)")

    # Every figure of one concept must share a base unit, or side-by-side charts would mix scales.
    known_base = base[checkable]
    if not known_base.empty:
        majority = known_base.groupby(concept[checkable]).agg(lambda s: s.value_counts().index[0])
        expected = concept.map(majority)
        report(checkable & expected.notna() & (base != expected), "unit",
               lambda row: f"'{row['unit']}' has another base unit than the other figures of concept "
                           f"'{concept[row.name]}' ({majority[concept[row.name]]})")

    # A target or milestone cannot be due before the baseline it starts from.
    kind = figures["figure_kind"]
    baseline_year = figures[kind == "baseline"].groupby(["region", "indicator"])["year"].min()
    if not baseline_year.empty:
        keys = pd.MultiIndex.from_frame(figures[["region", "indicator"]])
        start = pd.Series(baseline_year.reindex(keys).to_numpy(), index=figures.index)
        report(kind.isin(["target", "milestone"]) & start.notna() & (figures["year"] < start), "year",
               lambda row: f"the {row['figure_kind']} year {row['year']} is before its baseline year "
                           f"{int(start[row.name])}")

    sources = {r["id"]: r for r in raw.records["sources"]}
    if "quote_is_summary" in figures:
        summary = figures["quote_is_summary"].fillna(False).astype(bool)
        seeded = figures["source"].map(lambda s: bool(sources.get(s, {}).get("seed_file")))
        report(summary & seeded, "quote_is_summary",
               "a figure from a seed document needs a verbatim quote, not a summary")
    return problems
