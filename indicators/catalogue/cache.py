"""A cache of the parsed, validated frames, so a restart does not parse the YAML again.

The key covers every catalogue file's path, size, modification time and inode, and the code's
version: editing, adding, removing or replacing any file gives a new key, so a stale catalogue
is never served. Only valid catalogues are cached; errors are always recomputed. The cache is
a local file per key, written atomically; `INDICATORS_CACHE=0` turns it off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .. import __version__
from .loader import catalogue_files


def cache_dir() -> Path:
    return Path(os.environ.get("INDICATORS_CACHE_DIR") or Path.home() / ".cache" / "indicators")


def cache_enabled() -> bool:
    return os.environ.get("INDICATORS_CACHE", "1") != "0"


def fingerprint(root: Path) -> str:
    """A key that changes whenever any catalogue file (or the code reading it) changes."""
    digest = hashlib.blake2b(digest_size=20)
    code = Path(__file__).resolve().parent
    digest.update(f"{__version__}|{root.resolve()}".encode())
    for source in sorted(code.glob("*.py")):
        stat = source.stat()
        digest.update(f"{source.name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for path in catalogue_files(root):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}|{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ino}".encode())
    return digest.hexdigest()


def load_cached(root: Path, loader):
    """The catalogue from the cache if its key matches; otherwise `loader(root)`, then cached."""
    root = Path(root)
    if not cache_enabled() or not root.is_dir():
        return loader(root)
    key = fingerprint(root)
    path = cache_dir() / f"catalogue-{key}.pickle"
    if path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)  # noqa: S301 - our own file, keyed by content metadata
        except Exception:  # a truncated or foreign file: ignore it and rebuild
            path.unlink(missing_ok=True)
    catalogue = loader(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("catalogue-*.pickle"):
            old.unlink(missing_ok=True)  # one cache per machine is enough; keep the disk clean
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            pickle.dump(catalogue, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass  # a read-only home: serve without a cache
    return catalogue
