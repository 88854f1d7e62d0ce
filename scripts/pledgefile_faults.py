"""Hostile pledges files through the real ``pledge-monitor validate``: a table of what each did.

    .venv/bin/python scripts/pledgefile_faults.py [--timeout 60] [--memory-mb 4096]

Each case is written to a temporary directory and validated by a child process, with its
wall time and peak memory (the child's maximum resident set) measured. The child is killed
after ``--timeout`` seconds and limited to ``--memory-mb`` of address space, so a case that
still hangs or blows up is reported as such instead of taking the machine with it. Prints a
table; asserts nothing (the test suite does: tests/test_pledgefile_hostile.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = (ROOT / "pledges.yaml").read_bytes()
FEED = b"  - id: yonhap-en\n"


def alias_bomb() -> bytes:
    """The 'billion laughs': nine levels of nine aliases each, 9**9 strings once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(f'*{prev}' for _ in range(9))}]")
    return ("\n".join(lines) + "\n").encode()


def many_feeds(count: int) -> bytes:
    feeds = "".join(f"  - {{id: f{n}, title: F, url: f{n}.xml}}\n" for n in range(count))
    pledges = SHIPPED[SHIPPED.index(b"\npledges:") :]
    return b"version: 1\nfeeds:\n" + feeds.encode() + pledges


def with_extends(target: str) -> Callable[[Path], bytes]:
    def make(directory: Path) -> bytes:
        if target == "fifo":
            os.mkfifo(directory / "fifo")
        elif target == "dir":
            (directory / "dir").mkdir()
        return f"extends: {target}\nfeeds:\n  - {{id: a, title: A, url: a.xml}}\n".encode()

    return make


CASES: dict[str, Callable[[Path], bytes]] = {
    "shipped pledges.yaml": lambda _: SHIPPED,
    "BOM and CRLF": lambda _: b"\xef\xbb\xbf" + SHIPPED.replace(b"\n", b"\r\n"),
    "alias bomb (billion laughs)": lambda _: alias_bomb(),
    "recursive alias": lambda _: b"version: 1\nfeeds: &a [*a]\n",
    "nesting 100,000 deep": lambda _: b"feeds: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "integer of 5,000 digits": lambda _: SHIPPED.replace(b"version: 1", b"version: " + b"7" * 5000),
    "!!float x": lambda _: SHIPPED.replace(b"version: 1", b"version: !!float x"),
    "!!binary / !!set / local tag": lambda _: SHIPPED.replace(
        b"version: 1", b"version: !!binary AAAA\ndefaults: !!set {a}\nnotes: !mine x"
    ),
    "NUL byte": lambda _: SHIPPED.replace(b"title: Khmer Times", b"title: Khmer\x00Times"),
    "control character (BEL)": lambda _: SHIPPED.replace(b"Khmer Times", b"Khmer\x07Times"),
    "invalid UTF-8": lambda _: SHIPPED.replace(b"Khmer Times", b"Khmer \xff Times"),
    "duplicate key": lambda _: SHIPPED.replace(FEED, FEED + b"    id: again\n", 1),
    "truncated in half": lambda _: SHIPPED[: len(SHIPPED) // 2],
    "50 MB string": lambda _: SHIPPED.replace(
        b"title: Khmer Times", b"title: " + b"x" * 50_000_000
    ),
    "100,000 feeds": lambda _: many_feeds(100_000),
    "time zone of 5,000 letters": lambda _: SHIPPED.replace(
        b"timezone: Asia/Phnom_Penh", b"timezone: " + b"Z" * 5000
    ),
    "extends: /dev/zero": with_extends("/dev/zero"),
    "extends: a directory": with_extends("dir"),
    "extends: a FIFO": with_extends("fifo"),
}


def run_case(make: Callable[[Path], bytes], timeout: float, memory_mb: int) -> tuple[str, ...]:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        path = directory / "pledges.yaml"
        path.write_bytes(make(directory))
        size = path.stat().st_size

        def limit_memory() -> None:
            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "monitor", "validate", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=limit_memory,
            cwd=directory,
        )
        try:
            out, err = child.communicate(timeout=timeout)
            code = str(child.returncode)
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
            code = "killed"
        elapsed = time.monotonic() - started
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        text = (out + err).decode(errors="replace")
        verdict = "traceback" if "Traceback" in text else _first_problem(text)
        return (f"{size:,}", code, f"{elapsed:.2f}", f"{peak_kb / 1024:.0f}", verdict)


def _first_problem(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    line = lines[1] if lines[0].startswith("error:") and len(lines) > 1 else lines[0]
    return line.split("pledges.yaml", 1)[-1][:90]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--memory-mb", type=int, default=4096)
    parser.add_argument("--only", help="run only the cases whose name contains this text")
    args = parser.parse_args()
    print("| case | bytes | exit | seconds | peak MB* | first line |")
    print("| --- | ---: | --- | ---: | ---: | --- |")
    for name, make in CASES.items():
        if args.only and args.only not in name:
            continue
        # each case in its own process, so RUSAGE_CHILDREN's maximum is this case's alone
        row = _isolated(make, args.timeout, args.memory_mb)
        print(f"| {name} | " + " | ".join(row) + " |", flush=True)
    print("\n* peak resident memory of the validating process")


def _isolated(make: Callable[[Path], bytes], timeout: float, memory_mb: int) -> tuple[str, ...]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        row = run_case(make, timeout, memory_mb)
        os.write(write, "\t".join(row).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return tuple(data.split("\t"))


if __name__ == "__main__":
    main()
