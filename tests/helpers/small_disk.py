"""A small tmpfs for fault tests and ``scripts/faults.py``: fill it to make the disk full,
remount it read-only. Neither permission bits nor a fake reproduce ENOSPC or EROFS
faithfully; mounting needs root."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SmallDisk:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.filler = path / "filler"

    def fill(self, leave: int = 0) -> None:
        """Write until the disk is full, then give back ``leave`` bytes."""
        with self.filler.open("ab", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
            except OSError:
                pass
        if leave:
            os.truncate(self.filler, max(0, self.filler.stat().st_size - leave))

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self, flag: bool = True) -> None:
        mode = "ro" if flag else "rw"
        subprocess.run(["mount", "-o", f"remount,{mode}", str(self.path)], check=True)


class CannotMount(Exception):
    """The machine will not mount a tmpfs here (not root, or no mount namespace)."""


@contextmanager
def small_disk(path: Path, size: str = "16m") -> Iterator[SmallDisk]:
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        raise CannotMount(f"cannot mount a small tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        yield SmallDisk(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)
