"""Reading catalogue YAML safely and fast, and finding the line of a field when something is wrong.

The fast path parses with PyYAML's C safe loader and keeps no positions. Only when a problem must
be reported is the file composed again into nodes to find the line of the offending field, so a
valid catalogue never pays for line bookkeeping.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Largest catalogue file accepted. A hand-kept file is a few hundred kilobytes; a file far larger
#: is a mistake (or an attack) and would stall the app's start.
MAX_FILE_BYTES = 32 * 1024 * 1024


def read_yaml(path: Path, shown: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; return (data, problems). Data is None when the file cannot be used."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(shown, None, "", f"cannot be read: {exc.strerror}")]
    if size > max_bytes:
        return None, [Problem(shown, None, "", f"is {size / 2**20:.1f} MiB; a catalogue file may be at most "
                                               f"{max_bytes / 2**20:.0f} MiB (split it into several files)")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "", f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                                                f"{exc.start}); save the file as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None, [Problem(shown, 1, "", "is empty; a catalogue file holds at least one section "
                                            "such as 'figures:'")]
    if "&" in text or "*" in text:
        alias_problem = _find_anchor(text, shown)
        if alias_problem:
            return None, [alias_problem]
    try:
        data = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader, never the full one
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(exc, shown, text)]
    if data is None:
        return None, [Problem(shown, 1, "", "holds only comments; a catalogue file holds at least one section "
                                            "such as 'figures:' (it is empty)")]
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "", f"must be a mapping of sections (such as 'figures:'), "
                                            f"not {type(data).__name__}")]
    return data, []


def _find_anchor(text: str, shown: str) -> Problem | None:
    """Anchors and aliases are refused: hand-kept figures never need them, and an alias bomb
    ("billion laughs") would otherwise expand into billions of nodes."""
    try:
        for token in yaml.scan(text, Loader=SafeLoader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                return Problem(shown, token.start_mark.line + 1, "",
                               f"uses a YAML anchor or alias ('{token.value}'); write each value out in full")
    except yaml.YAMLError as exc:
        return _yaml_problem(exc, shown, text)
    return None


def _yaml_problem(exc: yaml.YAMLError, shown: str, text: str = "") -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"is not valid YAML: {problem}"
    if context:
        message += f" ({context})"
    lines = text.splitlines()
    if line and line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]:
        message += "; indent with spaces, not tabs"
    if "could not determine a constructor" in message:
        message = "uses a YAML tag that asks for a program object; only plain values are allowed"
    return Problem(shown, line, "", message)


@lru_cache(maxsize=64)
def _compose(path: str, mtime_ns: int) -> yaml.Node | None:
    try:
        return yaml.compose(Path(path).read_text(encoding="utf-8-sig"), Loader=SafeLoader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return None


def line_of(path: Path, keys: tuple[Any, ...]) -> int | None:
    """The 1-based line of the node at `keys` (mapping keys and list indexes) in a YAML file.

    Walks as deep as the path exists and returns the line of the deepest node found, so a
    missing field points at its record.
    """
    try:
        node = _compose(str(path), path.stat().st_mtime_ns)
    except OSError:
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key:
                    node = value_node
                    line = key_node.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line
