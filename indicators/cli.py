"""The command line: `indicators validate`, `indicators export`, `indicators serve`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import settings
from .catalogue import CatalogueError, load_catalogue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="indicators", description="Regional digital-economy target tracker")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check a catalogue folder; exit 1 listing every problem")
    validate.add_argument("directory", nargs="?", type=Path, default=None, help="catalogue folder (default: data/)")

    export = commands.add_parser("export", help="write the target table as CSV, XLSX or JSON")
    export.add_argument("--format", choices=["csv", "xlsx", "json"], default="csv")
    export.add_argument("--region", action="append", metavar="ID", help="only this region (repeatable)")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    export.add_argument("--data", type=Path, default=None, help="catalogue folder (default: data/)")

    serve = commands.add_parser("serve", help="serve the dashboard")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--debug", action="store_true", help="Dash debug mode and dev tools (never in production)")
    serve.add_argument("--data", type=Path, default=None, help="catalogue folder (default: data/)")

    args = parser.parse_args(argv)
    return {"validate": _validate, "export": _export, "serve": _serve}[args.command](args)


def _load(directory: Path | None):
    try:
        return load_catalogue(directory or settings.data_dir(), use_cache=True)
    except CatalogueError as error:
        print(error, file=sys.stderr)
        return None


def _validate(args) -> int:
    catalogue = _load(args.directory)
    if catalogue is None:
        return 1
    figures = catalogue.figures
    print(f"{catalogue.root}: valid. {len(figures)} figures, {figures['region'].nunique()} regions, "
          f"{figures['indicator'].nunique()} indicators, {len(catalogue.sources)} sources, "
          f"{len(catalogue.contradictions)} contradictions recorded.")
    return 0


def _export(args) -> int:
    from .exports import export_table, write_export

    catalogue = _load(args.data)
    if catalogue is None:
        return 1
    unknown = sorted(set(args.region or []) - set(catalogue.regions["id"]))
    if unknown:
        print(f"unknown region id(s): {', '.join(unknown)}; known: {', '.join(catalogue.regions['id'])}",
              file=sys.stderr)
        return 2
    table = export_table(catalogue, regions=args.region)
    filters = {"region": args.region} if args.region else {}
    payload = write_export(table, args.format, catalogue, filters)
    if args.output:
        args.output.write_bytes(payload)
        print(f"wrote {len(table)} figures to {args.output}", file=sys.stderr)
    else:
        if args.format == "xlsx" and sys.stdout.isatty():
            print("refusing to write a binary XLSX file to the terminal; use --output FILE", file=sys.stderr)
            return 2
        sys.stdout.buffer.write(payload)
    return 0


def _serve(args) -> int:
    from .web.server import create_app

    catalogue = _load(args.data)
    if catalogue is None:
        return 1
    app = create_app(catalogue)
    app.run(host=args.host, port=args.port, debug=args.debug, dev_tools_ui=args.debug,
            dev_tools_hot_reload=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
