"""The shipped catalogue: it loads, every figure is traceable, and the exports list every figure."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from indicators.catalogue import load_catalogue
from indicators.catalogue.provenance import check_figures, chinese_number
from indicators.exports import EXPORT_COLUMNS
from indicators.settings import data_dir, external_figures_file, seeds_dir

REGIONS_WITH_FIGURES = {"sichuan", "luzhou", "yongchuan", "luojiang", "china", "deyang", "chongqing",
                        "chengdu_chongqing"}


def test_shipped_catalogue_validates():
    result = subprocess.run([sys.executable, "-m", "indicators.cli", "validate", str(data_dir())],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_catalogue_is_substantial_and_covers_every_region(shipped):
    figures = shipped.figures
    assert len(figures) >= 200
    assert REGIONS_WITH_FIGURES <= set(figures["region"])
    assert (figures["source"] == "luojiang-plan-2021").sum() >= 100
    assert set(figures["figure_kind"]) == {"baseline", "target", "milestone", "observation"}
    assert {"level", "increment", "growth_rate", "share", "binary"} <= set(figures["measure"])


def test_every_quote_is_verbatim_in_its_source_with_its_number(shipped):
    seeds = seeds_dir()
    assert seeds.is_dir(), f"the source documents are expected in {seeds} (set INDICATORS_SEEDS)"
    problems = check_figures(shipped.figures, shipped.sources, seeds, external_figures_file())
    assert not problems, "\n".join(problems)


def test_external_figures_are_graded_and_addressed(shipped):
    external = shipped.sources[shipped.sources["seed_file"].isna()]
    assert not external.empty
    assert external["url"].notna().all() and external["grade"].isin(["official", "media"]).all()
    used = shipped.figures[shipped.figures["source"].isin(external["id"])]
    assert used["quote_is_summary"].any()  # summaries are marked as such, not passed off as quotes


def test_values_in_base_units_go_through_the_registry(shipped):
    figures = shipped.figures.dropna(subset=["value"])
    factors = shipped.units.set_index("id")["factor"]
    expected = figures["value"] * figures["unit"].astype(str).map(factors)
    assert (abs(figures["value_base"] - expected) <= 1e-9 * expected.abs().clip(lower=1)).all()


def test_contradictions_are_recorded(shipped):
    assert len(shipped.contradictions) >= 2
    known = set(shipped.figures["id"])
    for figures in shipped.contradictions["figures"]:
        assert set(figures) <= known


def test_stocks_and_flows_never_share_a_concept(shipped):
    measures = shipped.figures.groupby("concept", observed=True)["measure"].nunique()
    assert (measures == 1).all()
    base_units = shipped.figures.groupby("concept", observed=True)["base_unit"].nunique()
    assert (base_units == 1).all()


def test_number_check_catches_a_wrong_number(shipped):
    wrong = shipped.figures.head(30).copy()
    wrong["value"] = wrong["value"] + 0.123
    problems = check_figures(wrong, shipped.sources, seeds_dir(), external_figures_file())
    assert any("does not appear in its quote" in p or "does not read as" in p for p in problems)


@pytest.mark.parametrize("text, number", [("三十五", 35), ("两万", 20000), ("千亿", 1e11), ("1.5万", 15000)])
def test_chinese_numerals(text, number):
    assert chinese_number(text) == number


def _export(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indicators.cli", "export", *args], capture_output=True,
                          timeout=120)


def test_csv_export_lists_every_figure_with_bom(shipped):
    result = _export("--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    assert len(rows) == len(shipped.figures)
    assert list(rows[0].keys()) == EXPORT_COLUMNS
    assert {r["id"] for r in rows} == set(shipped.figures["id"])
    assert all(r["quote"] for r in rows) and all(r["region_zh"] and r["region_en"] for r in rows)


def test_export_by_region_xlsx_and_json(tmp_path, shipped):
    out = tmp_path / "lj.xlsx"
    result = _export("--format", "xlsx", "--region", "luojiang", "--output", str(out))
    assert result.returncode == 0, result.stderr
    import openpyxl

    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["figures", "sources", "about"]
    rows = list(book["figures"].iter_rows(values_only=True))
    assert list(rows[0]) == EXPORT_COLUMNS
    assert len(rows) - 1 == (shipped.figures["region"] == "luojiang").sum()
    about = dict(book["about"].iter_rows(min_row=2, values_only=True))
    assert "luojiang" in about["filter: region"]
    result = _export("--format", "json", "--region", "sichuan", "--region", "luzhou")
    document = json.loads(result.stdout)
    assert {f["region"] for f in document["figures"]} == {"sichuan", "luzhou"}
    assert document["columns"] == EXPORT_COLUMNS


def test_export_rejects_unknown_region():
    result = _export("--region", "atlantis")
    assert result.returncode == 2 and b"unknown region" in result.stderr


def test_cache_is_used_and_never_stale(minimal_catalogue, tmp_path, monkeypatch):
    import os
    import time

    from indicators.catalogue import cache

    monkeypatch.setenv("INDICATORS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("INDICATORS_CACHE", "1")
    first = load_catalogue(minimal_catalogue, use_cache=True)
    assert len(list((tmp_path / "cache").glob("catalogue-*.pickle"))) == 1
    key = cache.fingerprint(minimal_catalogue)
    assert load_catalogue(minimal_catalogue, use_cache=True).figures.equals(first.figures)
    plan = minimal_catalogue / "figures" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("value: 100", "value: 101")
                    .replace("基站100个", "基站101个"), encoding="utf-8")
    os.utime(plan, ns=(time.time_ns(), time.time_ns()))
    assert cache.fingerprint(minimal_catalogue) != key
    edited = load_catalogue(minimal_catalogue, use_cache=True)
    assert 101 in set(edited.figures["value"])
    (minimal_catalogue / "figures" / "plan.yaml").write_text("figures: [", encoding="utf-8")
    with pytest.raises(Exception, match="not valid YAML"):
        load_catalogue(minimal_catalogue, use_cache=True)
