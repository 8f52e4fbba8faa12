"""Benchmarks: load, warm start, memory, callbacks and exports at several catalogue scales.

    python bench/run.py                      # 1x, 10x and 100x
    python bench/run.py --scales national    # about 1.2 million figures (several minutes, ~GBs of RAM)

Prints, per scale: cold load beside the bare C-loader parse of the same YAML (ratio), warm start
through the cache, peak memory, each view's callback time (median and 95th percentile through the
Flask test client) beside a callback that does nothing, and CSV/XLSX export times. Catalogues are
generated into a temporary folder (bench/generate.py) and removed afterwards.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

PARSE_ONLY = """
import sys, time, yaml
from pathlib import Path
files = sorted(p for p in Path(sys.argv[1]).rglob('*.yaml'))
start = time.perf_counter()
for p in files:
    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""
COLD_LOAD = """
import resource, sys, time
from indicators.catalogue import load_catalogue
start = time.perf_counter()
catalogue = load_catalogue(sys.argv[1])
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
WARM_START = """
import resource, sys, time
start = time.perf_counter()
from indicators.catalogue import load_catalogue
from indicators.web.server import create_app
catalogue = load_catalogue(sys.argv[1], use_cache=True)
loaded = time.perf_counter()
app = create_app(catalogue)
print(loaded - start, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def python(code: str, *args: str, env: dict | None = None) -> list[float]:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, **(env or {})}, check=True)
    return [float(x) for x in result.stdout.split()]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def time_callbacks(folder: Path, repeats: int) -> dict:
    """Server-side time per callback of each view, through Flask's test client."""
    from dash import Input, Output

    from indicators.catalogue import load_catalogue
    from indicators.web.server import create_app

    catalogue = load_catalogue(folder, use_cache=True)
    app = create_app(catalogue)

    @app.callback(Output("bench-noop-out", "children"), Input("bench-noop-in", "value"))
    def _noop(value):
        return value

    client = app.server.test_client()
    data = app._indicators_data
    rng = random.Random(7)
    regions = data.region_order
    concepts = list(data.comparable_concepts["concept"])

    def post(outputs: list[str], inputs: list[tuple], state: list[tuple] = (), changed: str = "") -> None:
        specs = [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in outputs]
        body = {"output": "..." .join(outputs).join(["..", ".."]) if len(outputs) > 1 else outputs[0],
                "outputs": specs if len(specs) > 1 else specs[0],
                "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
                "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
                "changedPropIds": [changed or f"{inputs[0][0]}.{inputs[0][1]}"]}
        response = client.post("/_dash-update-component", json=body)
        if response.status_code not in (200, 204):
            raise RuntimeError(f"{outputs[0]}: HTTP {response.status_code}: {response.data[:200]!r}")

    progress_out = ["progress-url.search", "progress-region.value", "progress-indicator.options",
                    "progress-indicator.value", "progress-image-format.value", "progress-body.children"]
    table_out = ["table-url.search", "table-region.value", "table-kind.value", "table-category.value",
                 "table-search.value", "table-columns.value", "targets-grid.rowData", "targets-grid.columnDefs",
                 "targets-grid.dashGridOptions", "table-count.children"]

    def progress():
        region = rng.choice(regions)
        concept = rng.choice(data.indicators_by_region[region])
        post(progress_out, [("progress-url", "search", ""), ("progress-region", "value", region),
                            ("progress-indicator", "value", concept), ("progress-image-format", "value", "png")],
             [("progress-url", "pathname", "/en/progress")], changed="progress-indicator.value")

    def compare():
        post(["compare-url.search", "compare-concept.value", "compare-view.value", "compare-image-format.value",
              "compare-regions.options", "compare-regions.value", "compare-body.children"],
             [("compare-url", "search", ""), ("compare-concept", "value", rng.choice(concepts)),
              ("compare-view", "value", "dumbbell"), ("compare-image-format", "value", "png"),
              ("compare-regions", "value", [])],
             [("compare-url", "pathname", "/en/compare")], changed="compare-concept.value")

    def table():
        post(table_out, [("table-url", "search", ""), ("table-region", "value", [rng.choice(regions)]),
                         ("table-kind", "value", []), ("table-category", "value", []), ("table-search", "value", ""),
                         ("table-columns", "value", []), ("targets-grid", "filterModel", {})],
             [("table-url", "pathname", "/en/table"), ("targets-grid", "dashGridOptions", {})],
             changed="table-region.value")

    def page(name):
        return lambda: post(["page.children"], [("url", "pathname", f"/en/{name}")], [("url", "search", "")])

    def noop():
        post(["bench-noop-out.children"], [("bench-noop-in", "value", "x")])

    views = {"no-op": noop, "overview (page)": page("overview"), "progress (select)": progress,
             "compare (select)": compare, "table (filter)": table, "sources (page)": page("sources")}
    first = {}
    timings = {}
    for name, call in views.items():
        start = time.perf_counter()
        call()  # the first call builds the day's assessments and lazy indexes
        first[name] = time.perf_counter() - start
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            call()
            samples.append((time.perf_counter() - start) * 1000)
        timings[name] = (statistics.median(samples), percentile(samples, 0.95))
    return {"timings": timings, "first": first, "catalogue": catalogue}


def time_exports(catalogue) -> dict:
    from indicators.exports import export_table, write_export

    table = export_table(catalogue)
    subset = table.head(100_000)
    result = {"rows": len(subset)}
    for fmt in ("csv", "xlsx"):
        start = time.perf_counter()
        payload = write_export(subset, fmt, catalogue)
        result[fmt] = (time.perf_counter() - start, len(payload))
    return result


def run_scale(scale: str, repeats: int) -> None:
    with tempfile.TemporaryDirectory(prefix=f"indicators-bench-{scale}-") as tmp:
        folder = Path(tmp) / "data"
        cache = Path(tmp) / "cache"
        info = generate(scale, folder)
        env = {"INDICATORS_CACHE_DIR": str(cache)}
        os.environ.update(env)
        size = sum(p.stat().st_size for p in folder.rglob("*.yaml")) / 2**20
        print(f"\n## {scale}: {info['figures']:,} figures, {info['regions']:,} regions x {info['indicators']} "
              f"indicators, {size:,.1f} MiB of YAML")
        parse = python(PARSE_ONLY, str(folder))[0]
        cold, cold_rss = python(COLD_LOAD, str(folder))
        print(f"cold load            {cold:8.2f} s   bare C-loader parse {parse:8.2f} s   ratio {cold / parse:5.2f}"
              f"   (goal <= 1.5)   peak RSS {cold_rss:,.0f} MiB")
        python(WARM_START, str(folder), env=env)  # fills the cache
        load, warm, warm_rss = python(WARM_START, str(folder), env=env)
        print(f"warm start           {warm:8.2f} s   (cache load {load:.2f} s + app build; goal <= 1 s)"
              f"   peak RSS {warm_rss:,.0f} MiB")
        result = time_callbacks(folder, repeats)
        noop = result["timings"]["no-op"][1]
        print(f"callbacks, server-side ms over {repeats} calls (first call, which builds the day's "
              f"assessments, in brackets):")
        for name, (median, p95) in result["timings"].items():
            print(f"  {name:20s} median {median:8.2f}   p95 {p95:8.2f}   p95/no-op {p95 / noop:6.1f}"
                  f"   [first {result['first'][name] * 1000:8.0f} ms]")
        exports = time_exports(result["catalogue"])
        print(f"export of {exports['rows']:,} figures: CSV {exports['csv'][0]:.2f} s ({exports['csv'][1] / 2**20:.1f} MiB)"
              f"   XLSX {exports['xlsx'][0]:.2f} s ({exports['xlsx'][1] / 2**20:.1f} MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", nargs="+", default=["1x", "10x", "100x"],
                        choices=["1x", "10x", "100x", "national"])
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    print(f"# indicators benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"{time.strftime('%Y-%m-%d %H:%M')}")
    for scale in args.scales:
        run_scale(scale, args.repeats if scale != "national" else min(args.repeats, 20))


if __name__ == "__main__":
    main()
