"""Synthetic catalogues with the real schema, deterministic from a seed, at several scales.

    python bench/generate.py --scale 100x --out /tmp/catalogue-100x

Each region gets one file of figures: a 2020 baseline, a 2025 target and yearly observations for
every indicator. Values follow a noisy growth path so that every status occurs. Written to a
temporary folder; never committed.
"""
from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

SCALES = {  # name: (regions, indicators, observation years)
    "1x": (3, 10, 8),
    "10x": (30, 10, 8),
    "100x": (100, 30, 8),
    "national": (3000, 40, 8),
}
MEASURES = ["level"] * 6 + ["share", "growth_rate", "increment", "binary"]


def _quote(value) -> str:
    return f'"数值为{value}"'


def generate(scale: str, out: Path, seed: int = 20261121) -> dict:
    regions, indicators, years = SCALES[scale]
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "figures").mkdir(parents=True)
    lines = ["regions:"]
    lines += [f"  - {{id: r{i:04d}, name_zh: 地区{i}, name_en: Region {i}, level: county}}" for i in range(regions)]
    lines += ["base_units:", "  - {id: count, name_zh: 个, name_en: count}", "  - {id: percent, name_zh: \"%\", name_en: \"%\"}",
              "  - {id: binary, name_zh: 是否, name_en: yes/no}",
              "units:", "  - {id: 个, name_en: units, base_unit: count, factor: 1}",
              "  - {id: 万个, name_en: 10 thousand units, base_unit: count, factor: 10000}",
              "  - {id: \"%\", name_en: \"%\", base_unit: percent, factor: 1}",
              "  - {id: 是否, name_en: yes/no, base_unit: binary, factor: 1}",
              "categories:"] + [f"  - {{id: c{k}, name_zh: 领域{k}, name_en: Category {k}}}" for k in range(8)]
    lines.append("indicators:")
    measures = []
    for j in range(indicators):
        measure = MEASURES[j % len(MEASURES)]
        measures.append(measure)
        lines.append(f"  - {{id: i{j:03d}, name_zh: 指标{j}, name_en: Indicator {j}, category: c{j % 8}, "
                     f"measure: {measure}, direction: higher}}")
    lines += ["sources:", "  - {id: synthetic, title_zh: 合成数据, title_en: Synthetic data, issuer_zh: 基准测试, "
              "issuer_en: Benchmark, kind: statistics, seed_file: synthetic.txt}"]
    (out / "reference.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    count = 0
    for i in range(regions):
        body = ["source: synthetic", "figures:"]
        for j, measure in enumerate(measures):
            unit, base = {"level": ("个", rng.randint(50, 5000)), "share": ("%", rng.randint(5, 40)),
                          "growth_rate": ("%", rng.randint(3, 12)), "increment": ("个", rng.randint(10, 500)),
                          "binary": ("是否", 1)}[measure]
            growth = rng.uniform(-0.05, 0.25)

            def add(fid, kind, year, value, comparator="=", extra=""):
                nonlocal count
                body.append(f"  - {{id: {fid}, region: r{i:04d}, indicator: i{j:03d}, figure_kind: {kind}, "
                            f"year: {year}, value: {value}, unit: \"{unit}\", comparator: \"{comparator}\", "
                            f"quote: {_quote(value)}{extra}}}")
                count += 1

            prefix = f"r{i:04d}-i{j:03d}"
            if measure == "binary":
                add(f"{prefix}-t", "target", 2025, 1)
                for k, year in enumerate(range(2025 - years + 1, 2026)):
                    if rng.random() < 0.3:
                        add(f"{prefix}-o{k}", "observation", year, 1)
                continue
            period = ", period_start: 2021" if measure in ("growth_rate", "increment") else ""
            if measure in ("level", "share"):
                add(f"{prefix}-b", "baseline", 2020, base)
            target = round(base * (1 + abs(growth) + 0.1) ** 5, 1) if measure == "level" else base
            add(f"{prefix}-t", "target", 2025, target, ">=", period)
            for k, year in enumerate(range(2018, 2018 + years)):
                value = round(base * (1 + growth) ** (year - 2020) * rng.uniform(0.97, 1.03), 1)
                extra = f", period_start: {year}" if measure in ("growth_rate", "increment") else ""
                add(f"{prefix}-o{k}", "observation", year, max(value, 0), "=", extra)
        (out / "figures" / f"r{i:04d}.yaml").write_text("\n".join(body) + "\n", encoding="utf-8")
    return {"scale": scale, "regions": regions, "indicators": indicators, "figures": count, "folder": str(out)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=SCALES, default="1x")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20261121)
    print(generate(parser.parse_args().scale, parser.parse_args().out, parser.parse_args().seed))
