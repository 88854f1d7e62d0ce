"""Parse stage: feedparser output normalised into plain-text, UTC-dated, canonical entries."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.errors import ParseError, ParseErrorKind
from monitor.parse import canonical_url, content_fingerprint, html_to_text, parse_feed

FEEDS = Path(__file__).parent / "data" / "feeds"


def parse_fixture(name: str) -> object:
    return parse_feed((FEEDS / name).read_bytes(), f"https://feeds.test/{name}")


def test_html_becomes_plain_text_without_scripts() -> None:
    parsed = parse_feed((FEEDS / "html_summary.xml").read_bytes(), "https://feeds.test/h.xml")
    first = parsed.entries[0]
    assert first.text == "The Korea Task Force launched. Second paragraph."
    assert "alert" not in first.text
    assert first.title == "Task force & partners launch joint unit"


def test_dates_are_converted_to_utc() -> None:
    parsed = parse_feed((FEEDS / "html_summary.xml").read_bytes(), "https://feeds.test/h.xml")
    assert parsed.entries[0].published_at == datetime(2025, 12, 3, 4, 0, tzinfo=UTC)
    assert parsed.entries[1].published_at is None


def test_links_are_canonical() -> None:
    parsed = parse_feed((FEEDS / "html_summary.xml").read_bytes(), "https://feeds.test/h.xml")
    assert parsed.entries[0].url == "https://example.org/news/1?a=1&b=2"


def test_an_entry_without_guid_or_link_gets_a_stable_guid_from_its_content() -> None:
    body = (FEEDS / "html_summary.xml").read_bytes()
    first = parse_feed(body, "https://feeds.test/h.xml").entries[1]
    again = parse_feed(body, "https://feeds.test/h.xml").entries[1]
    assert first.guid == again.guid == content_fingerprint("No date, no link", "Just text.")


def test_a_truncated_feed_keeps_what_it_can_and_says_what_went_wrong() -> None:
    parsed = parse_feed((FEEDS / "malformed_truncated.xml").read_bytes(), "https://feeds.test/t")
    assert [e.title for e in parsed.entries] == ["First item survives"]
    assert parsed.warning is not None and "line 8" in parsed.warning


@pytest.mark.parametrize("name", ["malformed_garbage.xml", "not_a_feed.html"])
def test_a_document_that_is_no_feed_is_a_parse_error(name: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_feed((FEEDS / name).read_bytes(), f"https://feeds.test/{name}")
    assert caught.value.kind == ParseErrorKind.NOT_A_FEED
    assert str(caught.value).startswith(f"parse: not_a_feed: https://feeds.test/{name}")


def test_an_empty_but_valid_feed_is_fine() -> None:
    parsed = parse_feed(b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>", "u")
    assert parsed.entries == [] and parsed.warning is None


def test_a_declared_charset_is_honoured() -> None:
    body = "<rss version='2.0'><channel><item><title>Café déjà vu</title></item></channel></rss>"
    parsed = parse_feed(body.encode("latin-1"), "u", "application/rss+xml; charset=iso-8859-1")
    assert parsed.entries[0].title == "Café déjà vu"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTP://Example.org:80/a?utm_medium=x&id=3", "http://example.org/a?id=3"),
        ("https://example.org/a?b=2&a=1&fbclid=zz#top", "https://example.org/a?a=1&b=2"),
        ("https://example.org:8443/a", "https://example.org:8443/a"),
        ("https://example.org", "https://example.org/"),
    ],
)
def test_canonical_urls_drop_tracking_ports_and_fragments(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_fingerprints_ignore_case_width_and_whitespace() -> None:
    assert content_fingerprint("Task  Force", "LAUNCHED") == content_fingerprint(
        "task force", "ｌａｕｎｃｈｅｄ"
    )
    assert content_fingerprint("a", "b") != content_fingerprint("a", "c")


def test_plain_text_passes_through_html_to_text() -> None:
    assert html_to_text("  plain\n text ") == "plain text"
    assert html_to_text("") == ""


def test_bidi_override_and_isolate_characters_from_a_feed_are_stripped() -> None:
    # U+202E (right-to-left override) would make "fdp.exe" read as "exe.pdf" in a report
    body = (
        "<rss version='2.0'><channel><title>t</title><item>"
        "<title>Task force \u202efdp.exe\u202c launched</title>"
        "<description>&lt;p&gt;Isolated &amp;#x2067;text&amp;#x2069; and "
        "\u202aembedded\u202c, \u202boverride\u202d&lt;/p&gt;</description>"
        "<link>https://example.org/a\u202e</link>"
        "</item></channel></rss>"
    ).encode()
    [entry] = parse_feed(body, "https://f/").entries
    assert entry.title == "Task force fdp.exe launched"
    assert entry.text == "Isolated text and embedded, override"
    assert entry.url == "https://example.org/a"
    bidi = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
    assert not any(c in entry.title + entry.text + (entry.url or "") for c in bidi)
