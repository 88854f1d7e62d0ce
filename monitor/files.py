"""Writing files that readers (web servers, people, a crash) must never see half-done.

OS errors of the files we write become StorageError here, naming the path, so that a full
disk or a read-only directory is reported in one line.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from monitor.errors import StorageError


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over it.
    On failure the old file stays as it was and no temporary file is left behind."""
    ensure_directory(path.parent)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise StorageError.from_os_error(exc, path) from None


def ensure_directory(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError.from_os_error(exc, directory) from None


def check_writable(directory: Path) -> None:
    """Create ``directory`` if needed and prove a file can be made in it (permission bits
    alone cannot tell: root ignores them, a read-only mount does not)."""
    ensure_directory(directory)
    try:
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as exc:
        raise StorageError.from_os_error(exc, directory) from None
