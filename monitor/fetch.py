"""Fetch: feed URLs (or local files) → raw bytes, politely and within bounds.

Conditional GET (RFC 9110 §13: If-None-Match / If-Modified-Since) makes an unchanged feed
cost one small response and no parsing. The body is capped after decompression, because a
small gzip body can expand a thousandfold. Every failure becomes a FetchError with a kind;
httpx exceptions are translated here and nowhere else.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx

from monitor.errors import FetchError, FetchErrorKind

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    concurrency: int = 8
    user_agent: str = "pledge-monitor"


@dataclass(frozen=True)
class FetchRequest:
    feed_id: str
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """A successful fetch. ``body`` is None when the feed answered 304 Not Modified."""

    feed_id: str
    url: str
    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None
    elapsed: float
    content_type: str = "application/xml"
    cache_control: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.body is None


@dataclass(frozen=True)
class FetchFailure:
    feed_id: str
    url: str
    error: FetchError


Outcome = FetchResult | FetchFailure


async def fetch_all(
    requests: Sequence[FetchRequest],
    limits: FetchLimits,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    on_done: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Fetch every feed concurrently (at most ``limits.concurrency`` at once).

    Never raises for one feed's failure: each outcome is a FetchResult or a FetchFailure,
    returned in the order of ``requests``.
    """
    gate = asyncio.Semaphore(limits.concurrency)
    async with _client(limits, transport) as client:

        async def guarded(request: FetchRequest) -> Outcome:
            async with gate:
                outcome = await fetch_one(client, request, limits)
            if on_done is not None:
                on_done(outcome)
            return outcome

        return list(await asyncio.gather(*(guarded(r) for r in requests)))


async def fetch_one(
    client: httpx.AsyncClient, request: FetchRequest, limits: FetchLimits
) -> Outcome:
    started = time.monotonic()
    try:
        async with asyncio.timeout(limits.timeout):
            if _is_local(request.url):
                return _read_local(request, limits, started)
            return await _get(client, request, limits, started)
    except FetchError as error:
        return FetchFailure(request.feed_id, request.url, error)
    except TimeoutError:
        late = FetchError(FetchErrorKind.TIMEOUT, f"no complete answer within {limits.timeout:g}s")
        return FetchFailure(request.feed_id, request.url, late)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return FetchFailure(request.feed_id, request.url, translate_httpx_error(exc))


def _client(limits: FetchLimits, transport: httpx.AsyncBaseTransport | None) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers={"User-Agent": limits.user_agent, "Accept": ACCEPT},
        timeout=httpx.Timeout(limits.timeout),
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        transport=transport,
    )


async def _get(
    client: httpx.AsyncClient, request: FetchRequest, limits: FetchLimits, started: float
) -> FetchResult:
    headers = {}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    async with client.stream("GET", request.url, headers=headers) as response:
        final_url = str(response.url)
        cache_control = response.headers.get("Cache-Control")
        if response.status_code == 304:
            return FetchResult(
                request.feed_id,
                final_url,
                304,
                None,
                request.etag,
                request.last_modified,
                time.monotonic() - started,
                cache_control=cache_control,
            )
        if response.status_code >= 400:
            raise FetchError(
                FetchErrorKind.HTTP_STATUS,
                f"HTTP {response.status_code} {response.reason_phrase} from {final_url}",
                retry_after=response.headers.get("Retry-After"),
            )
        body = await _read_capped(response, limits.max_bytes)
        return FetchResult(
            request.feed_id,
            final_url,
            response.status_code,
            body,
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
            time.monotonic() - started,
            response.headers.get("Content-Type", ""),
            cache_control,
        )


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            FetchErrorKind.TOO_LARGE,
            f"declared size {int(declared)} bytes exceeds the {max_bytes}-byte cap",
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():  # decoded: the cap counts decompressed bytes
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(
                FetchErrorKind.TOO_LARGE,
                f"body exceeds the {max_bytes}-byte cap (after decompression)",
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _is_local(url: str) -> bool:
    scheme = urlparse(url).scheme.lower()
    return scheme == "file" or scheme == "" or (len(scheme) == 1 and url[1:3] in (":\\", ":/"))


def _local_path(url: str) -> Path:
    parsed = urlparse(url)
    return Path(unquote(parsed.path)) if parsed.scheme.lower() == "file" else Path(url)


def _read_local(request: FetchRequest, limits: FetchLimits, started: float) -> FetchResult:
    """A local file is a feed too; its modification time plays the part of Last-Modified."""
    path = _local_path(request.url)
    try:
        stat = path.stat()
        if not path.is_file():
            raise FetchError(FetchErrorKind.NOT_FOUND, f"{path} is not a file")
        modified = formatdate(stat.st_mtime, usegmt=True) + f" ({stat.st_mtime_ns})"
        if request.last_modified == modified:
            return FetchResult(
                request.feed_id, request.url, 304, None, None, modified, time.monotonic() - started
            )
        if stat.st_size > limits.max_bytes:
            raise FetchError(
                FetchErrorKind.TOO_LARGE,
                f"{path} is {stat.st_size} bytes, over the {limits.max_bytes}-byte cap",
            )
        body = path.read_bytes()
    except FileNotFoundError:
        raise FetchError(FetchErrorKind.NOT_FOUND, f"no such file: {path}") from None
    except OSError as exc:
        raise FetchError(FetchErrorKind.IO, f"cannot read {path}: {exc.strerror}") from None
    return FetchResult(
        request.feed_id, request.url, 200, body, None, modified, time.monotonic() - started
    )


def translate_httpx_error(exc: httpx.HTTPError | httpx.InvalidURL) -> FetchError:
    """The one seam where httpx's exception tree becomes our FetchError kinds."""
    url = ""
    with contextlib.suppress(RuntimeError, AttributeError):  # no request was built yet
        url = f" ({exc.request.url})"  # type: ignore[union-attr]
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(FetchErrorKind.TIMEOUT, f"timed out{url}")
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(FetchErrorKind.TOO_MANY_REDIRECTS, f"too many redirects{url}")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError(FetchErrorKind.INVALID_URL, f"{exc}{url}")
    if isinstance(exc, httpx.ConnectError):
        return FetchError(_connect_kind(exc), f"{exc}{url}")
    return FetchError(FetchErrorKind.IO, f"{type(exc).__name__}: {exc}{url}")


def _connect_kind(exc: httpx.ConnectError) -> FetchErrorKind:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return FetchErrorKind.TLS
        text = str(cause).lower()
        if (
            "name or service not known" in text
            or "nodename nor servname" in text
            or ("temporary failure in name resolution" in text)
        ):
            return FetchErrorKind.DNS
        cause = cause.__cause__ or cause.__context__
    return FetchErrorKind.CONNECT
