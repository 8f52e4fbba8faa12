"""Dash entry point: `python app.py` serves the shipped catalogue on 127.0.0.1:8050.

`gunicorn app:server` serves it in production. An invalid catalogue stops the start with the
list of problems (file, line, field), never a traceback.
"""
from __future__ import annotations

import argparse
import sys

from indicators.catalogue import CatalogueError, load_catalogue
from indicators.settings import data_dir
from indicators.web.server import create_app

try:
    app = create_app(load_catalogue(data_dir(), use_cache=True))
except CatalogueError as error:
    print(error, file=sys.stderr)
    raise SystemExit(1) from None
server = app.server


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serve the digital-economy target dashboard")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--debug", action="store_true", help="Dash debug mode and dev tools (development only)")
    args = parser.parse_args()
    app.run(host=args.host, port=args.port, debug=args.debug, dev_tools_ui=args.debug, dev_tools_hot_reload=False)
