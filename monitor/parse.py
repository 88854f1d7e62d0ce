"""Parse: raw feed bytes → normalized entries (plain text, UTC dates, canonical URLs).

feedparser does the format work (RSS 0.9x–2.0, RSS 1.0, Atom, and broken real-world
variants). This module turns its loose results into a small frozen ``Entry`` and turns its
"bozo" flag into a ParseError when nothing usable came out.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from monitor.errors import ParseError, ParseErrorKind

# Query parameters that identify a campaign or a click, never the article itself.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|ref_src|igshid|_ga)$",
    re.IGNORECASE,
)
WHITESPACE = re.compile(r"\s+")
WEB_LINK = re.compile(r"^https?://", re.IGNORECASE)
MAX_URL = 2048
# Control characters have no place in text, and PostgreSQL refuses NUL in a text column:
# one such byte in a broken feed would otherwise cost the whole feed its store. Bidi
# embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) go too: a feed's
# right-to-left override would flip the text after it in every report, link and mail that
# shows it, which is how a headline can be made to read as something it does not say.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Entry:
    guid: str
    title: str
    url: str | None
    text: str
    published_at: datetime | None
    fingerprint: str = field(default="")
    outlet: str | None = None  # who published it: the item's <source>, else the link's site


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: list[Entry]
    warning: str | None
    ttl_minutes: int | None = None  # RSS <ttl>: how long the feed may be cached


def parse_feed(body: bytes, url: str, content_type: str = "application/xml") -> ParsedFeed:
    """Parse one feed document; raise ParseError when it holds no feed at all.

    The HTTP Content-Type lets feedparser honour a declared charset (RFC 7303); a feed
    served as text/html or with no type is still parsed, since many real feeds are."""
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    entries = [entry for raw in parsed.entries if (entry := _entry(raw)) is not None]
    problem = _bozo_text(parsed) if _is_real_problem(parsed) else None
    if problem and not entries:
        kind = ParseErrorKind.MALFORMED if parsed.get("version") else ParseErrorKind.NOT_A_FEED
        raise ParseError(kind, f"{url}: {problem}")
    if not parsed.get("version") and not entries:
        raise ParseError(ParseErrorKind.NOT_A_FEED, f"{url}: no RSS or Atom feed found")
    title = parsed.feed.get("title") if parsed.get("feed") else None
    ttl = str(parsed.feed.get("ttl", "")).strip() if parsed.get("feed") else ""
    return ParsedFeed(
        title=title,
        entries=entries,
        warning=problem,
        ttl_minutes=int(ttl) if ttl.isdigit() else None,
    )


def _is_real_problem(parsed: Any) -> bool:
    """A wrong Content-Type alone is no problem with the feed itself."""
    exc = parsed.get("bozo_exception")
    return bool(parsed.get("bozo")) and not isinstance(exc, feedparser.NonXMLContentType)


def _bozo_text(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    line = getattr(exc, "getLineNumber", lambda: None)()
    where = f" (line {line})" if line else ""
    return f"{type(exc).__name__}: {exc}{where}" if exc else "malformed feed"


def _entry(raw: Any) -> Entry | None:
    title = html_to_text(raw.get("title", ""))
    text = html_to_text(_body_html(raw))
    if not title and not text:
        return None
    link = CONTROL.sub("", raw.get("link") or "") or None
    # only web links are kept: a javascript: or data: "link" must never reach a page, and
    # a link longer than browsers take is no link (nor a usable database key)
    url = canonical_url(link) if link and WEB_LINK.match(link.strip()) else None
    if url is not None and len(url) > MAX_URL:
        url = None
    fingerprint = content_fingerprint(title, text)
    guid = CONTROL.sub("", str(raw.get("id") or url or fingerprint))
    return Entry(
        guid=guid,
        title=title,
        url=url,
        text=text,
        published_at=_published(raw),
        fingerprint=fingerprint,
        outlet=outlet_of(raw, url),
    )


def outlet_of(raw: Any, url: str | None) -> str | None:
    """The outlet behind an item. Aggregators (Google News) name it in <source>; a site's
    own feed does not, and its links' host names it. Outlets tell independent reports
    of one event from repeats of the same one."""
    source = raw.get("source") or {}
    name = html_to_text(str(source.get("title") or "")) if hasattr(source, "get") else ""
    if name:
        return clip(name, 120)
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _body_html(raw: Any) -> str:
    contents = raw.get("content") or []
    longest = max((c.get("value", "") for c in contents), key=len, default="")
    summary = raw.get("summary", "") or ""
    return longest if len(longest) > len(summary) else summary


def _published(raw: Any) -> datetime | None:
    """feedparser gives struct_time already converted to UTC; keep it aware."""
    parsed = raw.get("published_parsed") or raw.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, whitespace folded, control and bidi override
    characters dropped; plain text passes through."""
    if not markup:
        return ""
    markup = CONTROL.sub("", markup)
    if "<" not in markup and "&" not in markup:
        return WHITESPACE.sub(" ", markup).strip()
    with warnings.catch_warnings():
        # A summary that looks like a URL or a file name is still just text.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    # again after parsing: an entity such as &#x202E; becomes the character only now
    return WHITESPACE.sub(" ", CONTROL.sub("", soup.get_text(" "))).strip()


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters: cut at the last space before the limit (unless that
    would throw away more than half), marked with an ellipsis so a reader sees the cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def canonical_url(url: str) -> str:
    """One spelling per article: lowercase scheme and host, no default port, no fragment,
    no tracking parameters, remaining query parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMS.match(k)
    )
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def content_fingerprint(title: str, text: str) -> str:
    """Same story, same fingerprint: case, width (NFKC) and whitespace do not count."""
    folded = unicodedata.normalize("NFKC", f"{title}\n{text}").casefold()
    return hashlib.sha256(WHITESPACE.sub(" ", folded).strip().encode()).hexdigest()
