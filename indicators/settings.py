"""Where things are: the catalogue folder and the seed documents, overridable by environment."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The catalogue folder: $INDICATORS_DATA, else `data/` beside the package."""
    return Path(os.environ.get("INDICATORS_DATA") or PROJECT_ROOT / "data")


def seeds_dir() -> Path:
    """The source documents: $INDICATORS_SEEDS, else `../shared/seeds` beside the project."""
    return Path(os.environ.get("INDICATORS_SEEDS") or PROJECT_ROOT.parent / "shared" / "seeds")


def external_figures_file() -> Path:
    """The list of allowed outside figures: $INDICATORS_EXTERNAL, else `../shared/external-figures.md`."""
    return Path(os.environ.get("INDICATORS_EXTERNAL") or PROJECT_ROOT.parent / "shared" / "external-figures.md")
