"""A corpus of malformed catalogues, each with the error it must give (file, line, field, message)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from indicators.catalogue import CatalogueError, load_catalogue

GOOD = """  - id: z-1
    region: alpha
    indicator: stations
    figure_kind: observation
    year: 2022
    value: 150
    unit: 个
    comparator: "="
    quote: "基站150个"
"""


def figure(**changes) -> str:
    """The GOOD figure with fields replaced (value None removes the field)."""
    lines = []
    for line in GOOD.splitlines():
        key = line.strip("- ").split(":")[0]
        if key in changes:
            if changes[key] is None:
                changes.pop(key)
                continue
            prefix = line[: line.index(key)]
            lines.append(f"{prefix}{key}: {changes.pop(key)}")
        else:
            lines.append(line)
    lines += [f"    {k}: {v}" for k, v in changes.items()]
    return "\n".join(lines) + "\n"


def figures_file(*records: str) -> str:
    return "source: plan\nfigures:\n" + "".join(records)


# (name, file, content, expected line or None, field fragment, message fragment)
CASES = [
    ("broken_yaml", "figures/bad.yaml", "figures:\n  - id: x\n    region: [alpha\n", 4, "", "is not valid YAML"),
    ("tab_indent", "figures/bad.yaml", "figures:\n\t- id: x\n", 2, "", "not tabs"),
    ("year_as_text", "figures/bad.yaml", figures_file(figure(year='"2025"')), 7, "figures[0].year",
     "expected a whole number"),
    ("typo_key", "figures/bad.yaml", figures_file(figure(qoute='"x"')), 12, "figures[0].qoute",
     "did you mean 'quote'?"),
    ("missing_quote", "figures/bad.yaml", figures_file(figure(quote=None)), 3, "figures[0]",
     "is required but missing"),
    ("blank_quote", "figures/bad.yaml", figures_file(figure(quote='"   "')), 11, "figures[0].quote", "must contain text"),
    ("duplicate_id", "figures/bad.yaml", figures_file(figure(id="a-1")), 3, "figures", "duplicate id 'a-1'"),
    ("unknown_region", "figures/bad.yaml", figures_file(figure(region="gamma")), 4, "region",
     "unknown region 'gamma'"),
    ("unknown_source", "figures/bad.yaml", figures_file(figure(source="nowhere")), 12, "source",
     "unknown source 'nowhere'"),
    ("unknown_indicator", "figures/bad.yaml", figures_file(figure(indicator="stationz")), 5, "indicator",
     "did you mean 'stations'?"),
    ("unknown_concept", "extra.yaml",
     "indicators:\n  - {id: towers, name_zh: 铁塔, name_en: Towers, category: infrastructure, measure: level, "
     "direction: higher, concept: nothing}\n", 2, "concept", "unknown concept"),
    ("stock_and_flow_one_concept", "extra.yaml",
     "indicators:\n  - {id: towers_new, name_zh: 新建铁塔, name_en: New towers, category: infrastructure, "
     "measure: increment, direction: higher, concept: stations}\n", 2, "measure", "a stock and a flow"),
    ("target_before_baseline", "figures/bad.yaml", figures_file(figure(figure_kind="target", year=2019)), 7,
     "year", "before its baseline year 2020"),
    ("unknown_unit", "figures/bad.yaml", figures_file(figure(unit="座")), 9, "unit", "unknown unit '座'"),
    ("negative_count", "figures/bad.yaml", figures_file(figure(value=-5)), 8, "value", "is negative"),
    ("value_not_a_number", "figures/bad.yaml", figures_file(figure(value="many")), 8, "value",
     "expected a number, got 'many'"),
    ("value_number_as_text", "figures/bad.yaml", figures_file(figure(value='"150"')), 8, "value",
     "text, not a number"),
    ("value_boolean", "figures/bad.yaml", figures_file(figure(value="yes")), 8, "value", "expected a number"),
    ("impossible_year", "figures/bad.yaml", figures_file(figure(year=3025)), 7, "year",
     "a year between 1949 and 2100"),
    ("period_after_year", "figures/bad.yaml", figures_file(figure(period_start=2024)), 12, "period_start",
     "after its year 2022"),
    ("as_of_other_year", "figures/bad.yaml", figures_file(figure(as_of='"2021-06"')), 12, "as_of",
     "another year"),
    ("as_of_bad_format", "figures/bad.yaml", figures_file(figure(as_of='"2022/06"')), 12, "as_of", "YYYY-MM"),
    ("bad_comparator", "figures/bad.yaml", figures_file(figure(comparator='"≥"')), 10, "comparator", "expected"),
    ("bad_figure_kind", "figures/bad.yaml", figures_file(figure(figure_kind="goal")), 6, "figure_kind",
     "'baseline', 'target', 'milestone' or 'observation'"),
    ("top_level_list", "figures/bad.yaml", "- id: x\n- id: y\n", 1, "", "must be a mapping of sections"),
    ("unknown_section", "figures/bad.yaml", "source: plan\nfigure:\n" + GOOD, 2, "figure",
     "did you mean 'figures'?"),
    ("section_not_list", "figures/bad.yaml", "figures: {id: x}\n", 1, "figures", "expected a list of records"),
    ("record_not_mapping", "figures/bad.yaml", "figures:\n  - just text\n", 2, "figures[0]", "expected a record"),
    ("missing_value_without_note", "figures/bad.yaml", figures_file(figure(value="null")), 8, "value",
     "needs a note_en"),
    ("percent_on_a_level", "figures/bad.yaml", figures_file(figure(unit='"%"')), 9, "unit",
     "is a percentage but indicator 'stations'"),
    ("bad_id", "figures/bad.yaml", figures_file(figure(id='"Z 1"')), 3, "figures[0].id", "expected an id"),
    ("source_without_file_or_url", "extra.yaml",
     "sources:\n  - {id: other, title_zh: 甲, title_en: A, issuer_zh: 乙, issuer_en: B, kind: news}\n", 2,
     "sources", "needs a seed_file"),
    ("zero_unit_factor", "extra.yaml", "units:\n  - {id: 千个, name_en: k, base_unit: count, factor: 0}\n", 2,
     "factor", "greater than 0"),
    ("duplicate_region_across_files", "extra.yaml",
     "regions:\n  - {id: alpha, name_zh: 甲, name_en: A, level: district}\n", 2, "regions", "duplicate id 'alpha'"),
    ("contradiction_unknown_figure", "extra.yaml",
     "contradictions:\n  - {id: c1, figures: [a-1, a-9], kind: heading_vs_body, description_zh: 甲, "
     "description_en: A}\n", 2, "figures", "unknown figure 'a-9'"),
    ("mixed_scales_in_a_concept", "figures/bad.yaml", figures_file(figure(unit="亿元")), 9, "unit",
     "another base unit"),
    ("summary_for_a_seed", "figures/bad.yaml", figures_file(figure(quote_is_summary="true")), 12,
     "quote_is_summary", "needs a verbatim quote"),
    ("python_object_tag", "figures/bad.yaml", "figures: !!python/object/apply:os.system ['echo pwned']\n", 1, "",
     "asks for a program object"),
    ("alias_bomb", "figures/bad.yaml",
     'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
     + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
               f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8)),
     1, "", "anchor or alias"),
    ("empty_file", "figures/bad.yaml", "", 1, "", "is empty"),
    ("only_a_comment", "figures/bad.yaml", "# nothing here\n", 1, "", "is empty"),
]


@pytest.mark.parametrize("name, path, content, line, field, message", CASES, ids=[c[0] for c in CASES])
def test_bad_catalogue_gives_its_error(minimal_catalogue: Path, name, path, content, line, field, message):
    target = minimal_catalogue / path
    target.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(minimal_catalogue)
    problems = caught.value.problems
    matching = [p for p in problems if message in p.message and field in p.field]
    assert matching, f"no problem with {field!r} / {message!r} in:\n{caught.value}"
    problem = matching[0]
    if problem.file.endswith(path):
        assert line is None or problem.line == line, problem
    else:  # a duplicate is reported where it is defined again, naming the first place
        assert f"{path}:{line}" in problem.message, problem


def test_corpus_has_at_least_thirty_cases():
    assert len(CASES) >= 30


def test_not_utf8(minimal_catalogue: Path):
    (minimal_catalogue / "figures" / "bad.yaml").write_bytes("figures:\n  - quote: 基站\n".encode("gbk"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(minimal_catalogue)
    [problem] = caught.value.problems
    assert problem.file.endswith("bad.yaml") and problem.line == 2 and "is not UTF-8" in problem.message


def test_file_of_tens_of_megabytes_is_refused_without_parsing(minimal_catalogue: Path):
    big = minimal_catalogue / "figures" / "big.yaml"
    with big.open("w", encoding="utf-8") as handle:
        line = "# " + "x" * 1000 + "\n"
        for _ in range(40 * 1024):
            handle.write(line)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(minimal_catalogue)
    assert any("MiB" in p.message and p.file.endswith("big.yaml") for p in caught.value.problems)


def test_every_error_is_reported_in_one_pass(minimal_catalogue: Path):
    content = figures_file(figure(id="x-1", region="gamma"), figure(id="x-2", unit="座"),
                           figure(id="x-3", year='"soon"'))
    (minimal_catalogue / "figures" / "bad.yaml").write_text(content, encoding="utf-8")
    (minimal_catalogue / "extra.yaml").write_text("figure: []\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(minimal_catalogue)
    messages = str(caught.value)
    for fragment in ("unknown region 'gamma'", "unknown unit '座'", "expected a whole number", "unknown section"):
        assert fragment in messages
    assert len(caught.value.problems) == 4


def test_valid_records_are_not_dropped_when_another_is_bad(minimal_catalogue: Path):
    """An invalid record must stop the load; it never loads the rest half-way."""
    (minimal_catalogue / "figures" / "bad.yaml").write_text(figures_file(figure(region="gamma")), encoding="utf-8")
    with pytest.raises(CatalogueError):
        load_catalogue(minimal_catalogue)
    (minimal_catalogue / "figures" / "bad.yaml").write_text(figures_file(figure()), encoding="utf-8")
    catalogue = load_catalogue(minimal_catalogue)
    assert set(catalogue.figures["id"]) == {"a-1", "a-2", "b-1", "z-1"}


def test_missing_folder(tmp_path: Path):
    with pytest.raises(CatalogueError, match="is not a folder"):
        load_catalogue(tmp_path / "nope")


def _run(args, env_data: Path, cwd: Path):
    import os

    env = {**os.environ, "INDICATORS_DATA": str(env_data)}
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_cli_validate_lists_problems_and_exits_1(minimal_catalogue: Path):
    (minimal_catalogue / "figures" / "bad.yaml").write_text(figures_file(figure(region="gamma", unit="座")),
                                                            encoding="utf-8")
    result = _run([sys.executable, "-m", "indicators.cli", "validate", str(minimal_catalogue)], minimal_catalogue,
                  Path.cwd())
    assert result.returncode == 1
    assert "bad.yaml:4: figures[0].region (id z-1): unknown region 'gamma'" in result.stderr
    assert "unknown unit '座'" in result.stderr and "Traceback" not in result.stderr


def test_app_refuses_to_start_on_an_invalid_catalogue(minimal_catalogue: Path):
    (minimal_catalogue / "figures" / "bad.yaml").write_text("figures:\n\t- id: x\n", encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    result = _run([sys.executable, str(root / "app.py")], minimal_catalogue, root)
    assert result.returncode == 1
    assert "bad.yaml:2" in result.stderr and "not tabs" in result.stderr
    assert "Traceback" not in result.stderr
