"""Problems found in a catalogue, and the one exception that carries all of them.

A hand-edited catalogue must be fixed in one sitting, so nothing stops at the first problem:
every check appends a `Problem` naming the file, the line and the field, and the loader raises
`CatalogueError` once at the end with the whole list.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place of a catalogue file."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class CatalogueError(Exception):
    """Raised when a catalogue is invalid; `problems` lists every problem found in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message))
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the catalogue:"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


def display_path(path: Path, root: Path | None = None) -> str:
    """A short path for messages: relative to the catalogue's parent folder when possible."""
    if root is not None:
        try:
            return str(path.relative_to(root.parent))
        except ValueError:
            pass
    return str(path)
