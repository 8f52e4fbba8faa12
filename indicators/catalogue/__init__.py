"""Loading and validating the catalogue: YAML in, frames out."""
from .frames import Catalogue
from .loader import load_catalogue, read_catalogue
from .problems import CatalogueError, Problem

__all__ = ["Catalogue", "CatalogueError", "Problem", "load_catalogue", "read_catalogue"]
