"""Load a catalogue folder: YAML in, validated pandas frames out, or every problem at once.

Loading is all or nothing. Each file is parsed and checked against the schema, then the records
of all files are checked against each other (unique ids, references, units, years). If anything
is wrong a `CatalogueError` lists every problem with file, line and field; otherwise a
`Catalogue` of frames is returned.
"""
from __future__ import annotations

import difflib
import gc
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .checks import cross_check
from .frames import build_catalogue
from .problems import CatalogueError, Problem, display_path
from .sections import SECTION_NAMES
from .yaml_reader import line_of, read_yaml

TOP_LEVEL_KEYS = (*SECTION_NAMES, "source")
_short_repr = reprlib.Repr()
_short_repr.maxstring = 60
_short_repr.maxother = 60
_short_repr.maxlist = 3
_short_repr.maxdict = 3
_short_repr.maxlevel = 2


@dataclass
class RawCatalogue:
    """Records of every file that passed the schema, with where each came from."""

    root: Path
    files: list[Path] = field(default_factory=list)
    records: dict[str, list[dict]] = field(default_factory=lambda: {name: [] for name in SECTION_NAMES})
    origins: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: {name: [] for name in SECTION_NAMES})

    def shown(self, file_index: int) -> str:
        return display_path(self.files[file_index], self.root)

    def locate(self, section: str, record_index: int, field_name: str = "") -> tuple[str, int | None]:
        """File (as shown) and line of one record's field, for a problem found after parsing."""
        file_index, position = self.origins[section][record_index]
        keys: tuple[Any, ...] = (section, position, field_name) if field_name else (section, position)
        return self.shown(file_index), line_of(self.files[file_index], keys)

    def problem(self, section: str, record_index: int, field_name: str, message: str) -> Problem:
        shown, line = self.locate(section, record_index, field_name)
        position = self.origins[section][record_index][1]
        label = f"{section}[{position}]" + (f".{field_name}" if field_name else "")
        record_id = self.records[section][record_index].get("id")
        if isinstance(record_id, str):
            label += f" (id {record_id})"
        return Problem(shown, line, label, message)


def catalogue_files(root: Path) -> list[Path]:
    """Every YAML file below the catalogue folder, in a stable order."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_catalogue(root: str | Path, use_cache: bool = False):
    """Load and validate the catalogue in `root`; raise `CatalogueError` listing every problem.

    With `use_cache`, a valid catalogue is kept as frames in a local cache keyed by the files'
    metadata (see cache.py), so the next start skips parsing; the app and the CLI use it.
    """
    # Parsing creates millions of small dicts that all stay alive until the frames are built; the
    # cyclic garbage collector would rescan them again and again (no cycles are made), so it pauses.
    enabled = gc.isenabled()
    gc.disable()
    try:
        if use_cache:
            from .cache import load_cached

            return load_cached(Path(root), lambda r: build_catalogue(read_catalogue(r)))
        return build_catalogue(read_catalogue(Path(root)))
    finally:
        if enabled:
            gc.enable()


def read_catalogue(root: Path) -> RawCatalogue:
    """Parse and check every file, then check the files against each other."""
    root = Path(root)
    if not root.is_dir():
        raise CatalogueError([Problem(str(root), None, "", "is not a folder; expected the catalogue folder (data/)")])
    raw = RawCatalogue(root=root, files=catalogue_files(root))
    if not raw.files:
        raise CatalogueError([Problem(str(root), None, "", "holds no .yaml files")])
    problems: list[Problem] = []
    for file_index, path in enumerate(raw.files):
        problems.extend(_read_file(raw, file_index, path))
    problems.extend(cross_check(raw))
    if problems:
        raise CatalogueError(problems)
    return raw


def _read_file(raw: RawCatalogue, file_index: int, path: Path) -> list[Problem]:
    from .schema import FILE_DEFAULT_SOURCE, SECTION_ADAPTERS

    shown = raw.shown(file_index)
    data, problems = read_yaml(path, shown)
    if data is None:
        return problems
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            problems.append(Problem(shown, line_of(path, (key,)), str(key),
                                    f"unknown section{_suggest(key, TOP_LEVEL_KEYS)}; expected one of: "
                                    f"{', '.join(TOP_LEVEL_KEYS)}"))
    default_source = data.get("source")
    if default_source is not None:
        try:
            FILE_DEFAULT_SOURCE.validate_python(default_source)
        except ValidationError:
            problems.append(Problem(shown, line_of(path, ("source",)), "source",
                                    f"expected a source id, got {_short_repr.repr(default_source)}"))
            default_source = None
    for section, adapter in SECTION_ADAPTERS.items():
        if section not in data:
            continue
        records = data[section]
        if records is None:
            continue
        if not isinstance(records, list):
            problems.append(Problem(shown, line_of(path, (section,)), section,
                                    f"expected a list of records (lines starting with '- '), "
                                    f"got {type(records).__name__}"))
            continue
        if section == "figures" and default_source is not None:
            for record in records:
                if isinstance(record, dict) and "source" not in record:
                    record["source"] = default_source
        bad: set[int] = set()
        try:
            adapter.validate_python(records)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc = (section, *error["loc"])
                if len(loc) > 1 and isinstance(loc[1], int):
                    bad.add(loc[1])
                problems.append(_schema_problem(path, shown, loc, error, records))
        for position, record in enumerate(records):
            if position not in bad:
                raw.records[section].append(record)
                raw.origins[section].append((file_index, position))
    return problems


def _schema_problem(path: Path, shown: str, loc: tuple, error: dict, records: list) -> Problem:
    """Turn one pydantic error into a sentence a catalogue editor can act on."""
    from .schema import SECTIONS

    label = loc[0] + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc[1:])
    if len(loc) > 1 and isinstance(loc[1], int) and isinstance(records[loc[1]], dict):
        record_id = records[loc[1]].get("id")
        if isinstance(record_id, str):
            label += f" (id {record_id})"
    kind = error["type"]
    record_type = SECTIONS[loc[0]]
    allowed = list(record_type.__annotations__)
    got = _short_repr.repr(error.get("input"))
    if kind == "extra_forbidden":
        message = f"unknown field{_suggest(str(loc[-1]), allowed)}; allowed fields: {', '.join(allowed)}"
    elif kind == "missing":
        message = "is required but missing"
    elif kind in ("dict_type", "model_type", "typed_dict_type"):
        message = f"expected a record (a mapping of fields), got {got}"
    elif kind == "literal_error":
        message = f"expected {error['ctx']['expected']}, got {got}"
    elif kind == "string_pattern_mismatch":
        message = f"{_pattern_hint(str(loc[-1]))}, got {got}"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind in ("float_type", "float_parsing"):
        message = f"expected a number, got {got}"
        if isinstance(error.get("input"), str) and _looks_numeric(error["input"]):
            message += " (text, not a number: remove the quotes; YAML reads 1.0e4 as text, write 10000)"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"expected a whole number, got {got}"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than"):
        what = "a year between 1949 and 2100" if loc[-1] in ("year", "period_start") else error["msg"].lower()
        message = f"expected {what}, got {got}"
    elif kind in ("string_type", "str_type"):
        message = f"expected text, got {got}"
    else:
        message = f"{error['msg']}, got {got}"
    return Problem(shown, line_of(path, loc), label, message)


def _looks_numeric(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _pattern_hint(field_name: str) -> str:
    if field_name in ("as_of",):
        return "expected a date written YYYY-MM or YYYY-MM-DD"
    if field_name in ("url",):
        return "expected an address starting with http:// or https://"
    if field_name in ("quote",):
        return "must contain text"
    return "expected an id of lower-case letters, digits, '-', '_' or '.'"


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
