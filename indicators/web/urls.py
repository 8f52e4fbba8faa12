"""The address bar holds the whole view: /<lang>/<page>?<state>, so a link reproduces it.

Only known keys and well-formed values survive parsing: a forged or mangled address gives the
default view, never an error.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode

from ..i18n import LANGUAGES

PAGES = ("overview", "progress", "compare", "table", "sources")
DEFAULT_PAGE = "overview"
MAX_VALUE_LENGTH = 2000
_SAFE = re.compile(r"^[\w.\-~:,\u4e00-\u9fff% ]*$")


def parse_path(pathname: str | None) -> tuple[str, str]:
    """('zh', 'overview') from '/zh/overview'; unknown parts fall back to defaults."""
    parts = [p for p in (pathname or "/").split("/") if p]
    lang = parts[0] if parts and parts[0] in LANGUAGES else "zh"
    page = parts[1] if len(parts) > 1 and parts[1] in PAGES else DEFAULT_PAGE
    return lang, page


def parse_query(search: str | None, allowed: dict[str, bool]) -> dict:
    """Keys in `allowed` (key -> is a list) parsed from '?a=1&b=x,y'; anything else is dropped."""
    if not search or len(search) > 20000:
        return {}
    raw = parse_qs(search.lstrip("?"), keep_blank_values=False)
    state: dict = {}
    for key, is_list in allowed.items():
        values = raw.get(key)
        if not values:
            continue
        value = values[-1][:MAX_VALUE_LENGTH]
        if key in ("q", "filter"):
            state[key] = value
            continue
        if not _SAFE.match(value):
            continue
        state[key] = [v for v in value.split(",") if v][:200] if is_list else value
    return state


def build_search(state: dict) -> str:
    """'?region=luojiang&indicator=gdp' from a state dict; empty values are left out."""
    pairs = []
    for key, value in state.items():
        if value in (None, "", [], ()):
            continue
        pairs.append((key, ",".join(value) if isinstance(value, (list, tuple)) else str(value)))
    return "?" + urlencode(pairs) if pairs else ""


def href(lang: str, page: str, state: dict | None = None) -> str:
    return f"/{lang}/{page}{build_search(state or {})}"
