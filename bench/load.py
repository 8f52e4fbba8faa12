"""A bounded load test on loopback against `gunicorn app:server` with 2 workers, using wrk.

    python bench/load.py                 # 10 s per scenario, then the 60 s mixed run at 32 connections
    python bench/load.py --seconds 5 --mixed-seconds 20

Scenarios: page loads (the HTML page), callbacks (choosing an indicator on the progress page),
exports (a CSV download callback), and a mix of all three. Only 127.0.0.1 is ever targeted; every
run has a fixed duration and stops by itself. Needs Debian's `wrk` (apt-get install wrk).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def callback_body(outputs: list[str], inputs: list[tuple], state: list[tuple], changed: str) -> str:
    specs = [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in outputs]
    return json.dumps({
        "output": "...".join(outputs).join(["..", ".."]) if len(outputs) > 1 else outputs[0],
        "outputs": specs if len(specs) > 1 else specs[0],
        "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
        "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
        "changedPropIds": [changed]}, ensure_ascii=False)


def requests_for(kind: str, count: int = 40) -> list[tuple[str, str, str]]:
    """(method, path, body) triples: real requests a browser sends for each scenario."""
    from indicators.catalogue import load_catalogue
    from indicators.settings import data_dir
    from indicators.web.context import AppData

    data = AppData(load_catalogue(data_dir(), use_cache=True))
    rng = random.Random(11)
    result = []
    for _ in range(count):
        region = rng.choice(data.region_order)
        concept = rng.choice(data.indicators_by_region[region])
        lang = rng.choice(["zh", "en"])
        if kind == "page":
            result.append(("GET", f"/{lang}/progress?region={region}&indicator={concept}", ""))
        elif kind == "callback":
            body = callback_body(
                ["progress-url.search", "progress-region.value", "progress-indicator.options",
                 "progress-indicator.value", "progress-image-format.value", "progress-body.children"],
                [("progress-url", "search", ""), ("progress-region", "value", region),
                 ("progress-indicator", "value", concept), ("progress-image-format", "value", "png")],
                [("progress-url", "pathname", f"/{lang}/progress")], "progress-indicator.value")
            result.append(("POST", "/_dash-update-component", body))
        elif kind == "export":
            body = callback_body(["table-download.data"],
                                 [("download-csv", "n_clicks", 1), ("download-xlsx", "n_clicks", 0),
                                  ("download-json", "n_clicks", 0)],
                                 [("table-url", "search", f"?region={region}"), ("table-url", "pathname", "/en/table")],
                                 "download-csv.n_clicks")
            result.append(("POST", "/_dash-update-component", body))
    return result


def lua_script(requests: list[tuple[str, str, str]]) -> str:
    def quote(text: str) -> str:
        return "[==[" + text + "]==]"

    items = ",\n".join(f"  wrk.format({quote(m)}, {quote(p)}, {{['Content-Type']='application/json'}}, "
                       f"{quote(b) if b else 'nil'})" for m, p, b in requests)
    return f"""counter = 0
requests = {{
{items}
}}
request = function()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end
"""


def run_wrk(url: str, script: Path, seconds: int, connections: int) -> dict:
    output = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), url],
                            capture_output=True, text=True, timeout=seconds + 60).stdout
    figures = {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
               "requests": int(re.search(r"(\d+) requests in", output).group(1))}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    figures["errors"] = (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket_errors.groups()))
                                                                    if socket_errors else 0)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    if p99:
        value, unit = float(p99.group(1)), p99.group(2)
        figures["p99_ms"] = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--mixed-seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "app:server", "--workers", "2",
                               "--bind", f"127.0.0.1:{port}", "--log-level", "warning"], cwd=ROOT,
                              env={**os.environ, "INDICATORS_CACHE": os.environ.get("INDICATORS_CACHE", "1")})
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/en/overview", timeout=2).read()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    sys.exit("gunicorn did not start")
                time.sleep(0.3)
        with tempfile.TemporaryDirectory() as tmp:
            scripts = {}
            for kind in ("page", "callback", "export"):
                scripts[kind] = Path(tmp) / f"{kind}.lua"
                scripts[kind].write_text(lua_script(requests_for(kind)), encoding="utf-8")
            mixed = requests_for("page", 30) + requests_for("callback", 30) + requests_for("export", 10)
            random.Random(3).shuffle(mixed)
            scripts["mixed"] = Path(tmp) / "mixed.lua"
            scripts["mixed"].write_text(lua_script(mixed), encoding="utf-8")
            for kind in ("page", "callback", "export"):
                run_wrk(url, scripts[kind], 2, 8)  # warm both workers' caches
            print(f"# gunicorn app:server, 2 workers, wrk -t2 on the same {os.cpu_count()}-core machine, loopback")
            for kind in ("page", "callback", "export"):
                result = run_wrk(url, scripts[kind], args.seconds, 16)
                print(f"{kind:9s} {args.seconds:3d} s x 16 connections: {result['requests_per_s']:8.1f} req/s, "
                      f"{result['requests']:7d} requests, {result['errors']} errors, p99 {result.get('p99_ms', 0):.0f} ms")
            result = run_wrk(url, scripts["mixed"], args.mixed_seconds, args.connections)
            print(f"mixed     {args.mixed_seconds:3d} s x {args.connections} connections (43 % pages, 43 % callbacks, "
                  f"14 % CSV exports): {result['requests_per_s']:.1f} req/s, {result['requests']} requests, "
                  f"{result['errors']} errors, p99 {result.get('p99_ms', 0):.0f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
