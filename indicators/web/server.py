"""Building the Dash app: the shell, the router, the pages' callbacks, and production defaults.

The app keeps no state between requests: everything a view needs is in its address, and the
catalogue and its assessments are read-only, so any number of workers or hosts can serve it.
"""
from __future__ import annotations

import gzip
import logging
from datetime import date
from functools import lru_cache

import dash
from dash import Input, Output, State
from flask import Response, redirect, request

from ..catalogue import Catalogue, load_catalogue
from ..settings import PROJECT_ROOT, data_dir
from .context import AppData
from .inputs import as_text
from .layout import NAV_KEYS, shell
from .pages import compare, overview, progress, sources, table
from .text import t
from .urls import PAGES, href, parse_path

STATIC_PAGES = ("overview", "sources")
PAGE_MODULES = {"overview": overview, "progress": progress, "compare": compare, "table": table, "sources": sources}
log = logging.getLogger(__name__)


def preferred_language(accept_language: str | None) -> str:
    """'zh' unless the browser prefers English over Chinese (officials read Chinese first)."""
    best = {"zh": -1.0, "en": -1.0}
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in best:
            best[primary] = max(best[primary], quality - position * 1e-3)
    return "en" if best["en"] > best["zh"] else "zh"


def create_app(catalogue: Catalogue | None = None) -> dash.Dash:
    catalogue = catalogue if catalogue is not None else load_catalogue(data_dir())
    data = AppData(catalogue)
    app = dash.Dash(
        __name__, title="数字经济目标监测 · Digital-economy target tracker", update_title=None,
        assets_folder=str(PROJECT_ROOT / "assets"), suppress_callback_exceptions=True, serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description", "content": "Regional digital-economy targets, progress and sources"}],
    )
    app.layout = shell()
    app._indicators_data = data  # for tests and benchmarks: the precomputed lookups

    @lru_cache(maxsize=16)
    def static_page(page: str, lang: str, today: date):
        """Overview and sources depend only on the catalogue, the language and the day: built once."""
        return PAGE_MODULES[page].layout(data, lang, "", today)

    @app.callback(Output("page", "children"), Input("url", "pathname"), State("url", "search"))
    def _route(pathname, search):
        lang, page = parse_path(as_text(pathname))
        if page in STATIC_PAGES:
            return static_page(page, lang, date.today())
        return PAGE_MODULES[page].layout(data, lang, as_text(search, 20000) or "")

    @app.callback(
        [Output(f"nav-{page}", "href") for page in PAGES] + [Output(f"nav-{page}", "children") for page in PAGES]
        + [Output(f"nav-{page}", "className") for page in PAGES]
        + [Output("lang-switch", "href"), Output("lang-switch", "children"), Output("lang-switch", "title"),
           Output("brand-title", "children"), Output("brand-subtitle", "children"),
           Output("footer-text", "children"), Output("skip-link", "children"), Output("methodology-link", "children")],
        Input("url", "pathname"), Input("url", "search"),
    )
    def _chrome(pathname, search):
        lang, page = parse_path(as_text(pathname))
        search = as_text(search, 20000) if isinstance(search, str) and search.startswith("?") else ""
        other = "en" if lang == "zh" else "zh"
        return ([f"/{lang}/{p}" for p in PAGES] + [t(NAV_KEYS[p], lang) for p in PAGES]
                + ["nav-link active" if p == page else "nav-link" for p in PAGES]
                + [f"/{other}/{page}{search or ''}", t("other_language", lang), t("other_language_label", lang),
                   t("app_title", lang), t("app_subtitle", lang), t("footer", lang), t("skip", lang),
                   t("methodology", lang)])

    app.clientside_callback(
        """function(pathname) {
            var lang = (pathname || '').split('/')[1] === 'en' ? 'en' : 'zh-CN';
            document.documentElement.lang = lang;
            var nav = document.querySelector('.nav-link.active');
            document.title = (nav ? nav.textContent + ' · ' : '') +
                (lang === 'en' ? 'Digital-economy target tracker' : '数字经济目标监测');
            return '';
        }""",
        Output("page", "data-lang"), Input("url", "pathname"),
    )
    for module in PAGE_MODULES.values():
        module.register(app, data)
    _harden(app)
    return app


def _harden(app: dash.Dash) -> None:
    """Production defaults: language redirect, security headers, long cache lifetimes for assets."""
    server = app.server
    server.config["SEND_FILE_MAX_AGE_DEFAULT"] = 31536000
    methodology = PROJECT_ROOT / "docs" / "methodology.md"

    @server.before_request
    def _entry():
        if request.path in ("/", "/zh", "/en"):
            lang = request.path.strip("/") or preferred_language(request.headers.get("Accept-Language"))
            return redirect(href(lang, "overview"), code=302)
        if request.path == "/methodology":
            text = methodology.read_text(encoding="utf-8") if methodology.exists() else "not found"
            return Response(text, mimetype="text/plain; charset=utf-8")
        return None

    @server.errorhandler(Exception)
    def _error(error):
        """No request ever sees a traceback: forged callback requests get a plain 400."""
        from werkzeug.exceptions import HTTPException

        if isinstance(error, HTTPException):
            return error
        log.warning("rejected %s %s: %s", request.method, request.path, type(error).__name__, exc_info=error)
        if request.path.startswith("/_dash-update-component"):
            return Response('{"error": "bad callback request"}', status=400, mimetype="application/json")
        return Response("Internal error", status=500, mimetype="text/plain")

    script_hashes = " ".join(app.csp_hashes())

    @server.after_request
    def _headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; "
            f"script-src 'self' {script_hashes}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; "
            "form-action 'self'; object-src 'none'")
        path = request.path
        if path.startswith("/_dash-component-suites/") or (path.startswith("/assets/") and request.args.get("m")):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        if path.startswith(("/_dash-component-suites/", "/assets/")):
            _compress_once(response)
        return response

    compressed: dict[tuple, bytes] = {}

    def _compress_once(response):
        """gzip a static file the first time it is asked for and keep it: plotly.min.js costs
        ~100 ms to compress, so it must never be compressed per request."""
        if (response.status_code != 200 or "gzip" not in request.headers.get("Accept-Encoding", "")
                or response.headers.get("Content-Encoding") or not response.mimetype
                or response.mimetype.split("/")[-1] not in ("javascript", "css", "json", "svg+xml", "plain")):
            return
        key = (request.path, request.query_string, response.headers.get("ETag"), response.content_length)
        body = compressed.get(key)
        if body is None:
            response.direct_passthrough = False
            raw = response.get_data()
            if len(raw) < 1024:
                return
            body = compressed[key] = gzip.compress(raw, compresslevel=9, mtime=0)
        response.direct_passthrough = False
        response.set_data(body)
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Vary"] = "Accept-Encoding"
        response.headers["Content-Length"] = str(len(body))
