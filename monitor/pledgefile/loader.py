"""pledges.yaml → validated PledgeFile, or a ConfigError listing every problem with its line.

Steps:
1. read the file and parse YAML keeping line numbers (``reader``: size, depth, aliases and
   every parser error bounded and reported there); dates stay strings here so that a bad
   date becomes a field error, not a crash;
2. if the file ``extends`` another one, take that one's pledges and this one's feeds
   (the demo configuration watches the same pledges through local sample feeds);
3. validate the tree with the pydantic models, mapping each error back to its line;
4. run the checks that span the file (duplicate ids, unknown feed references, time zone)
   on the raw tree, so they are reported even when step 3 also found problems.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from monitor.errors import ConfigError, Problem
from monitor.pledgefile.reader import read_yaml
from monitor.pledgefile.schema import Feed, Pledge, PledgeFile

OVERLAY_KEYS = ("extends", "feeds")
# Far above any real list, low enough that a runaway file is refused before it is validated
MAX_ITEMS = {"feeds": 500, "pledges": 1_000}


@dataclass(frozen=True)
class Config:
    """A loaded pledges file: the validated definitions plus where each came from."""

    path: Path
    file: PledgeFile
    digest: str
    pledge_lines: dict[str, int] = field(default_factory=dict)

    @property
    def pledges(self) -> list[Pledge]:
        return self.file.pledges

    @property
    def feeds(self) -> list[Feed]:
        return self.file.feeds

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.file.timezone)

    def pledge(self, pledge_id: str) -> Pledge | None:
        return next((p for p in self.file.pledges if p.id == pledge_id), None)

    def feeds_of(self, pledge: Pledge) -> list[str]:
        return pledge.feeds if pledge.feeds is not None else [f.id for f in self.file.feeds]


@dataclass
class _Doc:
    """One parsed YAML document and the file it came from."""

    path: Path
    tree: Any
    text: str


def load_config(path: Path) -> Config:
    """Load and validate a pledges file; raise ConfigError with every problem found."""
    doc = _read_document(path)
    tree, feeds_origin = doc.tree, doc.path
    problems: list[Problem] = []
    if isinstance(tree, CommentedMap) and "extends" in tree:
        tree, problems = _apply_overlay(doc)
        feeds_origin = doc.path
        base_path = doc.path.parent / str(doc.tree["extends"])
    else:
        base_path = doc.path
    if problems:
        raise ConfigError(problems)

    def origin(loc: tuple[Any, ...]) -> Path:
        return feeds_origin if loc and loc[0] == "feeds" else base_path

    too_many = _too_many(tree, origin)
    if too_many:
        raise ConfigError(too_many)
    problems.extend(_validate(tree, origin))
    problems.extend(_cross_checks(tree, origin))
    if problems:
        raise ConfigError(problems)
    pledge_file = PledgeFile.model_validate(_plain(tree))
    resolved = _resolve_feed_urls(pledge_file, feeds_origin.parent)
    lines = {p["id"]: p.lc.line + 1 for p in tree["pledges"] if isinstance(p, CommentedMap)}
    digest = hashlib.sha256(doc.text.encode()).hexdigest()
    return Config(path=path, file=resolved, digest=digest, pledge_lines=lines)


def _read_document(path: Path) -> _Doc:
    tree, text = read_yaml(path)
    if not isinstance(tree, CommentedMap):
        raise ConfigError([Problem(str(path), 1, "", "expected a mapping with feeds and pledges")])
    return _Doc(path=path, tree=tree, text=text)


def _too_many(tree: CommentedMap, origin: Any) -> list[Problem]:
    problems = []
    for section, limit in MAX_ITEMS.items():
        items = tree.get(section)
        if isinstance(items, CommentedSeq) and len(items) > limit:
            problems.append(
                Problem(
                    str(origin((section,))),
                    _line_of(tree, (section,)),
                    section,
                    f"{len(items):,} {section}: a pledges file may list at most {limit:,}",
                )
            )
    return problems


def _apply_overlay(overlay: _Doc) -> tuple[CommentedMap, list[Problem]]:
    """The overlay's feeds replace the base file's; everything else comes from the base."""
    tree, name = overlay.tree, str(overlay.path)
    problems = [
        Problem(
            name,
            tree.lc.key(key)[0] + 1,
            key,
            f"unknown key in an 'extends' file (allowed: {', '.join(OVERLAY_KEYS)})",
        )
        for key in tree
        if key not in OVERLAY_KEYS
    ]
    if not isinstance(tree["extends"], str):
        line = tree.lc.key("extends")[0] + 1
        return tree, [*problems, Problem(name, line, "extends", "expected a file path")]
    base = _read_base(overlay, overlay.path.parent / tree["extends"])
    if isinstance(base.tree, CommentedMap) and "extends" in base.tree:
        line = base.tree.lc.key("extends")[0] + 1
        problems.append(
            Problem(str(base.path), line, "extends", "an extended file may not extend another")
        )
    merged = CommentedMap(base.tree)
    merged.lc.data = base.tree.lc.data
    if "feeds" in tree:
        merged["feeds"] = tree["feeds"]
    return merged, problems


def _read_base(overlay: _Doc, path: Path) -> _Doc:
    """The extended file; when it cannot be opened at all, the overlay's line says so."""
    try:
        return _read_document(path)
    except ConfigError as error:
        if any(p.file != str(path) or p.line is not None for p in error.problems):
            raise
        line = overlay.tree.lc.key("extends")[0] + 1
        raise ConfigError(
            [
                Problem(str(overlay.path), line, "extends", f"{p.file}: {p.message}")
                for p in error.problems
            ]
        ) from None


def _validate(tree: CommentedMap, origin: Any) -> list[Problem]:
    try:
        PledgeFile.model_validate(_plain(tree))
    except ValidationError as exc:
        return [_problem_from(error, tree, origin) for error in exc.errors()]
    return []


def _problem_from(error: Any, tree: CommentedMap, origin: Any) -> Problem:
    loc = tuple(part for part in error["loc"] if not str(part).startswith("function-"))
    line = _line_of(tree, loc)
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = _unknown_key_message(tree, loc)
    elif error["type"] == "missing":
        message = "missing (required)"
    elif error["type"] == "string_pattern_mismatch" and loc and loc[-1] == "grace":
        message = "expected a duration such as 36h, 7d or 2w"
    elif error["type"] == "string_pattern_mismatch" and loc and loc[-1] == "id":
        message = "expected lowercase letters, digits and dashes (e.g. korea-task-force)"
    return Problem(str(origin(loc)), line, _field_name(tree, loc), message)


def _unknown_key_message(tree: CommentedMap, loc: tuple[Any, ...]) -> str:
    model = _model_at(loc[:-1])
    allowed = sorted(model.model_fields) if model else []
    hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    did_you_mean = f"; did you mean '{hint[0]}'?" if hint else ""
    return f"unknown key{did_you_mean} (allowed: {', '.join(allowed)})"


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that describes the mapping at ``loc`` (for 'allowed keys' hints)."""
    model: Any = PledgeFile
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part) if hasattr(model, "model_fields") else None
        if info is None:
            return None
        model = _innermost_model(info.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _innermost_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()):
        found = _innermost_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation


def _line_of(tree: Any, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the deepest node of ``loc`` that exists in the YAML tree."""
    node, line = tree, 1
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    return line


def _field_name(tree: Any, loc: tuple[Any, ...]) -> str:
    """A readable path: pledges.korea-task-force.due rather than pledges.0.due."""
    parts: list[str] = []
    node = tree
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, CommentedSeq) and part < len(node) else None
            ident = item.get("id") if isinstance(item, CommentedMap) else None
            parts.append(
                str(ident)
                if isinstance(ident, str) and parts[-1:] in (["pledges"], ["feeds"])
                else f"[{part}]"
            )
            node = item
        else:
            parts.append(str(part))
            node = node.get(part) if isinstance(node, CommentedMap) else None
    return ".".join(parts).replace(".[", "[")


def _cross_checks(tree: CommentedMap, origin: Any) -> list[Problem]:
    problems = list(_check_timezone(tree, origin))
    feed_ids = set(_ids(tree, "feeds", origin, problems))
    problems.extend(_duplicate_ids(tree, "pledges", origin))
    pledges = tree.get("pledges")
    if isinstance(pledges, CommentedSeq):
        for index, pledge in enumerate(pledges):
            if feed_ids:
                problems.extend(_unknown_feed_refs(tree, index, pledge, feed_ids, origin))
            problems.extend(_due_before_made(tree, index, pledge, origin))
    return problems


def _duplicate_ids(tree: CommentedMap, section: str, origin: Any) -> list[Problem]:
    problems: list[Problem] = []
    for _ in _ids(tree, section, origin, problems):
        pass
    return problems


def _due_before_made(tree: CommentedMap, index: int, pledge: Any, origin: Any) -> Iterator[Problem]:
    """Checked on the raw tree so it is reported alongside any other problem of the pledge."""
    if not isinstance(pledge, CommentedMap):
        return
    try:
        made = str(pledge.get("made_on"))
        made_on = date.fromisoformat(made if len(made) != 7 else f"{made}-01")
        due = date.fromisoformat(str(pledge.get("due")))
    except ValueError:
        return  # missing or invalid dates are reported by validation already
    if due < made_on:
        loc = ("pledges", index, "due")
        yield Problem(
            str(origin(loc)),
            _line_of(tree, loc),
            _field_name(tree, loc),
            f"due {due} is before made_on {made}",
        )


def _check_timezone(tree: CommentedMap, origin: Any) -> Iterator[Problem]:
    zone = tree.get("timezone")
    if isinstance(zone, str):
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            line = tree.lc.key("timezone")[0] + 1
            yield Problem(
                str(origin(("timezone",))),
                line,
                "timezone",
                f"unknown time zone {_clip(zone)!r} (use an IANA name such as Asia/Seoul)",
            )


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ids(tree: CommentedMap, section: str, origin: Any, problems: list[Problem]) -> Iterator[str]:
    """Yield the ids in a section, adding a problem for each one seen before."""
    seen: dict[str, int] = {}
    items = tree.get(section)
    if not isinstance(items, CommentedSeq):
        return
    for index, item in enumerate(items):
        ident = item.get("id") if isinstance(item, CommentedMap) else None
        if not isinstance(ident, str):
            continue
        line = item.lc.key("id")[0] + 1
        if ident in seen:
            problems.append(
                Problem(
                    str(origin((section,))),
                    line,
                    f"{section}[{index}].id",
                    f"duplicate id {ident!r} (first used on line {seen[ident]})",
                )
            )
        else:
            seen[ident] = line
            yield ident


def _unknown_feed_refs(
    tree: CommentedMap, index: int, pledge: Any, feed_ids: set[str], origin: Any
) -> Iterator[Problem]:
    refs = pledge.get("feeds") if isinstance(pledge, CommentedMap) else None
    if not isinstance(refs, CommentedSeq):
        return
    for position, ref in enumerate(refs):
        if isinstance(ref, str) and ref not in feed_ids:
            loc = ("pledges", index, "feeds", position)
            hint = difflib.get_close_matches(ref, sorted(feed_ids), n=1)
            did_you_mean = f"; did you mean {hint[0]!r}?" if hint else ""
            yield Problem(
                str(origin(loc)),
                _line_of(tree, loc),
                _field_name(tree, loc),
                f"no feed with id {ref!r}{did_you_mean}",
            )


def _plain(node: Any) -> Any:
    """ruamel's commented containers → plain dicts and lists for pydantic."""
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    return node


def _resolve_feed_urls(pledge_file: PledgeFile, base_dir: Path) -> PledgeFile:
    """Relative feed paths are relative to the file that lists the feeds, not to the cwd."""
    feeds = []
    for feed in pledge_file.feeds:
        scheme = urlparse(feed.url).scheme.lower()
        if scheme in ("http", "https", "file"):
            feeds.append(feed)
        else:
            path = Path(feed.url)
            resolved = path if path.is_absolute() else (base_dir / path).resolve()
            feeds.append(feed.model_copy(update={"url": str(resolved)}))
    return pledge_file.model_copy(update={"feeds": feeds})
