"""Fetch stage against a real HTTP server on 127.0.0.1: every outcome a kind, none a crash."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

import httpx
import pytest

from monitor.errors import FetchErrorKind
from monitor.fetch import FetchFailure, FetchLimits, FetchRequest, FetchResult, Outcome, fetch_all
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import Item, rss

LIMITS = FetchLimits(timeout=1.0, max_bytes=64 * 1024, max_redirects=3, user_agent="pm-test/1")
FEED = rss(Item("Hello", link="https://example.org/a", guid="a"))


def fetch(*requests: FetchRequest, limits: FetchLimits = LIMITS) -> list[Outcome]:
    return asyncio.run(fetch_all(list(requests), limits))


def failure_kind(outcome: Outcome) -> FetchErrorKind:
    assert isinstance(outcome, FetchFailure), outcome
    return outcome.error.kind


def test_it_fetches_a_feed_and_sends_a_real_user_agent(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed.xml", body=FEED, etag='"v1"')
    [result] = fetch(FetchRequest("f", url))
    assert isinstance(result, FetchResult)
    assert result.body == FEED and result.etag == '"v1"' and result.status == 200
    [seen] = feed_server.requests_to("/feed.xml")
    assert seen.headers["User-Agent"] == "pm-test/1"
    assert "application/rss+xml" in seen.headers["Accept"]


def test_it_sends_validators_and_treats_304_as_not_modified(feed_server: FeedServer) -> None:
    lm = "Wed, 03 Dec 2025 04:00:00 GMT"
    url = feed_server.route("/cond.xml", body=FEED, etag='"v2"', last_modified=lm)
    [result] = fetch(FetchRequest("f", url, etag='"v2"', last_modified=lm))
    assert isinstance(result, FetchResult) and result.not_modified and result.status == 304
    [seen] = feed_server.requests_to("/cond.xml")
    assert seen.headers["If-None-Match"] == '"v2"'
    assert seen.headers["If-Modified-Since"] == lm


def test_it_follows_redirects_within_the_limit(feed_server: FeedServer) -> None:
    final = feed_server.route("/final.xml", body=FEED)
    feed_server.route("/hop1", status=301, redirect_to=final)
    url = feed_server.route("/hop0", status=302, redirect_to=feed_server.url("/hop1"))
    [result] = fetch(FetchRequest("f", url))
    assert isinstance(result, FetchResult) and result.url == final


def test_too_many_redirects_is_an_error_of_its_own_kind(feed_server: FeedServer) -> None:
    url = feed_server.route("/loop", status=302, redirect_to=feed_server.url("/loop"))
    [outcome] = fetch(FetchRequest("f", url))
    assert failure_kind(outcome) == FetchErrorKind.TOO_MANY_REDIRECTS


def test_a_server_error_is_an_http_status_failure(feed_server: FeedServer) -> None:
    url = feed_server.route("/broken.xml", status=500, body=b"oops")
    [outcome] = fetch(FetchRequest("f", url))
    assert failure_kind(outcome) == FetchErrorKind.HTTP_STATUS
    assert isinstance(outcome, FetchFailure) and "HTTP 500" in str(outcome.error)
    assert str(outcome.error).startswith("fetch: http_status:")


def test_a_slow_feed_hits_the_timeout(feed_server: FeedServer) -> None:
    url = feed_server.route("/slow.xml", body=FEED, delay=2.0)
    [outcome] = fetch(FetchRequest("f", url), limits=FetchLimits(timeout=0.3))
    assert failure_kind(outcome) == FetchErrorKind.TIMEOUT


def test_a_body_declared_too_large_is_refused(feed_server: FeedServer) -> None:
    url = feed_server.route("/huge.xml", body=b"x" * (LIMITS.max_bytes + 1))
    [outcome] = fetch(FetchRequest("f", url))
    assert failure_kind(outcome) == FetchErrorKind.TOO_LARGE


def test_a_chunked_body_is_capped_while_streaming(feed_server: FeedServer) -> None:
    url = feed_server.route("/stream.xml", body=b"x" * (LIMITS.max_bytes * 3), chunked=True)
    [outcome] = fetch(FetchRequest("f", url))
    assert failure_kind(outcome) == FetchErrorKind.TOO_LARGE


def test_the_cap_counts_bytes_after_decompression(feed_server: FeedServer) -> None:
    bomb = b"<rss>" + b" " * (LIMITS.max_bytes * 20) + b"</rss>"
    assert len(gzip.compress(bomb)) < LIMITS.max_bytes  # small on the wire
    url = feed_server.route("/bomb.xml", body=bomb, gzip=True)
    [outcome] = fetch(FetchRequest("f", url))
    assert failure_kind(outcome) == FetchErrorKind.TOO_LARGE


def test_a_gzipped_feed_within_the_cap_is_decoded(feed_server: FeedServer) -> None:
    url = feed_server.route("/gz.xml", body=FEED, gzip=True)
    [result] = fetch(FetchRequest("f", url))
    assert isinstance(result, FetchResult) and result.body == FEED


def test_a_refused_connection_is_a_connect_failure() -> None:
    [outcome] = fetch(FetchRequest("f", "http://127.0.0.1:9/feed.xml"))
    assert failure_kind(outcome) == FetchErrorKind.CONNECT


def test_an_unsupported_scheme_is_an_invalid_url() -> None:
    [outcome] = fetch(FetchRequest("f", "ftp://127.0.0.1/feed.xml"))
    assert failure_kind(outcome) == FetchErrorKind.INVALID_URL


def test_local_paths_and_file_urls_are_feeds_too(tmp_path: Path) -> None:
    path = tmp_path / "local feed.xml"
    path.write_bytes(FEED)
    plain, as_url = fetch(FetchRequest("a", str(path)), FetchRequest("b", path.as_uri()))
    assert isinstance(plain, FetchResult) and plain.body == FEED
    assert isinstance(as_url, FetchResult) and as_url.body == FEED
    # the file's modification time is its Last-Modified: unchanged means not modified
    [again] = fetch(FetchRequest("a", str(path), last_modified=plain.last_modified))
    assert isinstance(again, FetchResult) and again.not_modified


def test_a_missing_local_file_is_not_found(tmp_path: Path) -> None:
    [outcome] = fetch(FetchRequest("f", str(tmp_path / "absent.xml")))
    assert failure_kind(outcome) == FetchErrorKind.NOT_FOUND


def test_an_oversized_local_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(b"x" * (LIMITS.max_bytes + 1))
    [outcome] = fetch(FetchRequest("f", str(path)))
    assert failure_kind(outcome) == FetchErrorKind.TOO_LARGE


def test_feeds_are_fetched_concurrently_within_the_bound(feed_server: FeedServer) -> None:
    for n in range(6):
        feed_server.route(f"/c{n}.xml", body=FEED, delay=0.3)
    requests = [FetchRequest(f"c{n}", feed_server.url(f"/c{n}.xml")) for n in range(6)]
    outcomes = fetch(*requests, limits=FetchLimits(timeout=5.0, concurrency=3))
    assert all(isinstance(o, FetchResult) for o in outcomes)
    assert [o.feed_id for o in outcomes] == [r.feed_id for r in requests]
    assert feed_server.max_in_flight == 3  # concurrent, and never more than the bound


def test_status_code_logic_with_a_mock_transport() -> None:
    """Pure status-code handling (no network): 404 and 410 are http_status failures."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(410 if request.url.path == "/gone" else 404)

    transport = httpx.MockTransport(handler)
    outcomes = asyncio.run(
        fetch_all(
            [FetchRequest("a", "http://feeds.test/gone"), FetchRequest("b", "http://feeds.test/x")],
            LIMITS,
            transport=transport,
        )
    )
    assert [failure_kind(o) for o in outcomes] == [FetchErrorKind.HTTP_STATUS] * 2
    assert "410" in str(outcomes[0].error)  # type: ignore[union-attr]


@pytest.mark.parametrize("status", [304])
def test_a_304_without_validators_sent_still_means_not_modified(
    feed_server: FeedServer, status: int
) -> None:
    url = feed_server.route("/odd.xml", status=status)
    [result] = fetch(FetchRequest("f", url))
    assert isinstance(result, FetchResult) and result.not_modified
