"""Callback inputs as the browser sends them cannot be trusted: anything may arrive in any shape.

Each page coerces its inputs through these helpers before use, so a forged request with a list
where a string belongs, a megabyte of text or a thousand ids gets a default view, never a 500.
"""
from __future__ import annotations

MAX_TEXT = 2000
MAX_ITEMS = 200


def as_text(value, limit: int = MAX_TEXT) -> str | None:
    """A string no longer than `limit`, or None for anything that is not a string."""
    return value[:limit] if isinstance(value, str) else None


def as_text_list(value, limit: int = MAX_ITEMS) -> list[str]:
    """A list of short strings (non-strings dropped), at most `limit` long."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [item[:200] for item in value[:limit] if isinstance(item, str)]


def as_mapping(value) -> dict:
    return value if isinstance(value, dict) and len(value) <= 100 else {}
