"""Any bytes on disk → a YAML tree with line numbers, or a ConfigError saying where and why.

The daemon loads whatever an editor saves, so nothing about the file is trusted: it must be
a regular file of at most MAX_BYTES, UTF-8 (a BOM is skipped), free of control characters;
its YAML may nest at most MAX_DEPTH deep and hold at most MAX_NODES values once aliases are
expanded (a 342-byte "billion laughs" would otherwise expand to 387 million strings); an
alias may not point into the collection that holds it; keys are plain scalars, each once per
mapping; only the standard tags are understood. ruamel.yaml is pure Python fed with
arbitrary text: every exception it raises is turned into a Problem here, the one seam
between the loader and the parser.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import CollectionNode, MappingNode, ScalarNode, SequenceNode

from monitor.errors import ConfigError, Problem

MAX_BYTES = 1_000_000
MAX_NODES = 20_000
MAX_DEPTH = 20
MAX_INT_DIGITS = 30
MAX_REPORTED_CHARACTERS = 5

STANDARD_TAGS = {
    "!",
    *(
        f"tag:yaml.org,2002:{name}"
        for name in ("str", "int", "float", "bool", "null", "seq", "map", "merge")
    ),
}
# What YAML allows in a stream (YAML 1.2, 5.1); ruamel refuses the rest without a line number.
NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def read_yaml(path: Path) -> tuple[Any, str]:
    """The parsed document and its text; raises ConfigError for anything unreadable."""
    text = _decode(path, _read_bytes(path))
    return parse_yaml(text, str(path)), text


def file_digest(path: Path) -> str:
    """SHA-256 of the file as the loader reads it (at most MAX_BYTES + 1 bytes of a regular
    file), or "unreadable": tells rejected versions apart without blocking on a FIFO."""
    try:
        return hashlib.sha256(_read_bounded(path)[0]).hexdigest()
    except ConfigError:
        return "unreadable"


def parse_yaml(text: str, name: str) -> Any:
    _refuse_control_characters(text, name)
    yaml = YAML(typ="rt")
    yaml.Composer = _BoundedComposer
    yaml.Constructor = _Constructor
    try:
        return yaml.load(text)
    except _Refused as refused:
        raise ConfigError([Problem(name, refused.line, "", refused.message)]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = _shorten(str(exc.problem or exc.context))
        raise ConfigError([Problem(name, line, "", f"invalid YAML: {problem}")]) from None
    except YAMLError as exc:
        raise ConfigError(
            [Problem(name, None, "", f"invalid YAML: {_shorten(str(exc))}")]
        ) from None
    except Exception as exc:  # anything else the parser raises means the same: unreadable
        message = f"invalid YAML ({type(exc).__name__}: {_shorten(str(exc))})"
        raise ConfigError([Problem(name, None, "", message)]) from None


def _read_bytes(path: Path) -> bytes:
    data, size = _read_bounded(path)
    if len(data) > MAX_BYTES:
        message = (
            f"too large: {size:,} bytes; a pledges file may hold at most {MAX_BYTES:,} bytes (1 MB)"
        )
        raise ConfigError([Problem(str(path), None, "", message)])
    return data


def _read_bounded(path: Path) -> tuple[bytes, int]:
    """At most MAX_BYTES + 1 bytes of a regular file, and its size; never blocks on a FIFO
    nor reads a device."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ConfigError([Problem(name, None, "", "file not found")]) from None
    except (OSError, ValueError) as exc:
        raise ConfigError([Problem(name, None, "", f"cannot read: {_os_reason(exc)}")]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ConfigError([Problem(name, None, "", "is a directory, not a pledges file")])
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(
                [Problem(name, None, "", "is not a regular file (a device, FIFO or socket)")]
            )
        data = _read_at_most(fd, MAX_BYTES + 1)
    except OSError as exc:
        raise ConfigError([Problem(name, None, "", f"cannot read: {_os_reason(exc)}")]) from None
    finally:
        os.close(fd)
    return data, max(len(data), info.st_size)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, limit - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _os_reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex()
        message = f"not UTF-8: byte 0x{byte} cannot be read; save the file as UTF-8"
        raise ConfigError([Problem(str(path), line, "", message)]) from None


def _refuse_control_characters(text: str, name: str) -> None:
    """Listed with their lines: ruamel would stop at the first one and not say where."""
    problems = []
    for found in NOT_PRINTABLE.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        code = f"U+{ord(found.group()):04X}"
        message = f"control character {code} in column {column}; YAML does not allow it here"
        problems.append(Problem(name, line, "", message))
        if len(problems) == MAX_REPORTED_CHARACTERS:
            break
    if problems:
        raise ConfigError(problems)


def _shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Refused(Exception):
    """The document breaks one of this module's limits at ``line``."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.line = mark.line + 1 if mark is not None else None


class _BoundedComposer(Composer):
    """ruamel's composer with the limits above checked as each node is composed."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self.warn_double_anchors = False  # a redefined anchor is valid YAML; no stderr noise
        self.nesting = 0
        self.expanded = 0
        self.weights: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None:  # an undefined alias is reported by ruamel
                self._check_alias(event, target)
            return super().compose_node(parent, index)
        self.nesting += 1
        try:
            if self.nesting > MAX_DEPTH:
                raise _Refused(
                    f"nested more than {MAX_DEPTH} levels deep (a pledges file needs 7)",
                    event.start_mark,
                )
            self._check_tag(event)
            self._count(1, event.start_mark, "")
            node = super().compose_node(parent, index)
        finally:
            self.nesting -= 1
        if isinstance(node, MappingNode):
            _check_keys(node)
        return node

    def _check_alias(self, event: Any, target: Any) -> None:
        if isinstance(target, CollectionNode) and target.end_mark is None:
            raise _Refused(
                f"alias *{event.anchor} refers to the collection that contains it", event.start_mark
            )
        self._count(self._weight(target), event.start_mark, f" (alias *{event.anchor})")

    def _check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag is not None and tag not in STANDARD_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(
                f"tag {shown} is not used in pledges files (write the value without it)",
                event.start_mark,
            )

    def _count(self, nodes: int, mark: Any, how: str) -> None:
        self.expanded += nodes
        if self.expanded > MAX_NODES:
            raise _Refused(
                f"more than {MAX_NODES:,} values{how}: a pledges file may hold at most "
                f"{MAX_NODES:,} keys, items and values, aliases counted as often as used",
                mark,
            )

    def _weight(self, node: Any) -> int:
        """How many nodes ``node`` stands for once every alias inside it is expanded."""
        known = self.weights.get(id(node))
        if known is not None:
            return known
        if isinstance(node, SequenceNode):
            weight = 1 + sum(self._weight(child) for child in node.value)
        elif isinstance(node, MappingNode):
            weight = 1 + sum(self._weight(k) + self._weight(v) for k, v in node.value)
        else:
            weight = 1
        self.weights[id(node)] = weight
        return weight


def _check_keys(node: MappingNode) -> None:
    """Keys are plain scalars, each once: the loader turns keys into text, so ``1`` and
    ``"1"`` would silently become one key."""
    seen: dict[str, int] = {}
    for key, _value in node.value:
        if not isinstance(key, ScalarNode):
            raise _Refused("a key must be a plain word, not a list or mapping", key.start_mark)
        if key.tag == "tag:yaml.org,2002:merge":
            continue
        if key.value in seen:
            shown = _shorten(key.value, 60)
            raise _Refused(
                f"duplicate key {shown!r} (first on line {seen[key.value]})", key.start_mark
            )
        seen[key.value] = key.start_mark.line + 1


class _Constructor(RoundTripConstructor):
    """Dates stay text (pydantic then reports a bad date on its field's line); a value that
    cannot be built (``!!float x``, a 5,000-digit number) is an error on its own line."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (YAMLError, _Refused):
            raise
        except Exception as exc:
            value = _shorten(str(node.value), 40) if isinstance(node, ScalarNode) else ""
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            detail = "not one of its values" if isinstance(exc, LookupError) else str(exc)
            raise _Refused(f"cannot read {value!r} as {tag} ({detail})", node.start_mark) from None

    def construct_bounded_int(self, node: Any) -> Any:
        digits = sum(char.isdigit() for char in str(node.value))
        if digits > MAX_INT_DIGITS:
            raise _Refused(
                f"a number of {digits:,} digits (quote it if it is text)", node.start_mark
            )
        return self.construct_yaml_int(node)


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda constructor, node: str(constructor.construct_scalar(node)),
)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_bounded_int)
