"""Page: the static status page, status.json and the Atom feed of status changes.

All static files, written atomically, so any web server can publish reports/ as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jobs.context import JobContext
from jobs.reporting import build_status_page, read_snapshot
from monitor.files import ensure_directory, write_atomically
from monitor.render import environment, render_changes_feed, render_status_page
from monitor.reportdata import EvidenceLine, PledgeLine, StatusPage

ATOM_ENTRIES = 100


@dataclass(frozen=True)
class PageResult:
    page: StatusPage
    written: list[Path]


def run(ctx: JobContext) -> PageResult:
    page = build_status_page(ctx, read_snapshot(ctx))
    env = environment()
    directory = ctx.settings.reports_dir
    ensure_directory(directory)
    base = (ctx.settings.public_url or "").rstrip("/")
    feed_url = f"{base}/changes.xml" if base else "urn:pledge-monitor:changes"
    updated = page.changes[0].at if page.changes else page.generated_at
    recent = replace(page, changes=page.changes[:ATOM_ENTRIES])
    files = {
        "index.html": render_status_page(env, page),
        "status.json": json.dumps(status_json(page), indent=2, ensure_ascii=False) + "\n",
        "changes.xml": render_changes_feed(env, recent, feed_url, updated),
    }
    written = []
    for name, text in files.items():
        write_atomically(directory / name, text)
        written.append(directory / name)
    return PageResult(page, written)


def status_json(page: StatusPage) -> dict[str, Any]:
    return {
        "generated_at": page.generated_at.isoformat(),
        "counts": {c.status: c.count for c in page.counts},
        "pledges": [_pledge_json(p) for p in page.pledges],
        "waiting_for_review": [
            {
                **_evidence_json(r.evidence),
                "pledge_id": r.evidence.pledge_id,
                "why": r.why,
                "read": r.read,
            }
            for r in page.review
        ],
    }


def _pledge_json(line: PledgeLine) -> dict[str, Any]:
    return {
        "id": line.id,
        "title": line.title,
        "status": line.status,
        "reason": line.reason,
        "made_by": line.made_by,
        "made_on": line.made_on.isoformat(),
        "source": line.source,
        "due": line.due.isoformat() if line.due else None,
        "days_left": line.days_left,
        "evidence": [_evidence_json(e) for e in line.evidence],
    }


def _evidence_json(e: EvidenceLine) -> dict[str, Any]:
    return {
        "id": e.id,
        "stance": e.stance,
        "title": e.title,
        "url": e.url,
        "outlet": e.outlet,
        "published": e.published.isoformat(),
        "snippet": "".join(t for t, _ in e.snippet),
        "terms": e.terms,
        "origin": e.origin,
    }
