"""Pacing: when to poll a feed next. Pure.

1. A healthy feed: the configured interval, or longer when the server asks for it
   (Cache-Control max-age, RFC 9111 §5.2.2.1; the feed's own RSS <ttl>, in minutes).
2. A failing feed: the interval doubled for each failure in a row (1, 2, 4, 8 … times),
   or the server's Retry-After (RFC 9110 §10.2.3) when that is longer.
3. Never sooner than the interval, never later than a day: a feed that recovers is
   noticed within 24 hours whatever it said.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

MAX_DELAY = timedelta(hours=24)


def next_poll(
    now: datetime,
    interval: timedelta,
    *,
    failures: int = 0,
    retry_after: timedelta | None = None,
    max_age: timedelta | None = None,
    ttl: timedelta | None = None,
) -> datetime:
    if failures > 0:
        delay = interval * (1 << min(failures - 1, 16))
        delay = max(delay, retry_after or timedelta(0))
    else:
        delay = max(interval, max_age or timedelta(0), ttl or timedelta(0))
    return now + min(max(delay, interval), max(MAX_DELAY, interval))


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After is either seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when - now, timedelta(0)) if when.tzinfo else None


def parse_max_age(cache_control: str | None) -> timedelta | None:
    """max-age from a Cache-Control header; no-store/no-cache say nothing about pacing."""
    if not cache_control:
        return None
    for directive in cache_control.split(","):
        name, _, value = directive.strip().partition("=")
        if name.lower() == "max-age" and value.strip('"').isdigit():
            return timedelta(seconds=int(value.strip('"')))
    return None
