"""Render: plain report data → email (subject, text, HTML), Markdown, pages, Atom.

The Jinja environment autoescapes every HTML and XML template and fails on an undefined
name (StrictUndefined), so a typo is an error rather than a blank. Text from feeds is
escaped on the way out, never trusted as markup; email subjects are folded to one line.
HTML email gets its CSS inlined (css-inline), keeping @media rules for dark mode and
narrow screens in a <style> block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import css_inline
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from monitor.deliver import one_line
from monitor.reportdata import STATUS_LABELS, Alert, Digest, Segments, StatusPage

# Inline Markdown that feed text could trigger: emphasis, code, links, HTML, tables.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    markdown: str = ""


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("monitor", "templates"),
        autoescape=select_autoescape(["html.j2", "xml.j2"], default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        when=lambda moment: f"{moment:%Y-%m-%d %H:%M} {getattr(moment.tzinfo, 'key', '')}".strip(),
        day=lambda moment: f"{moment:%Y-%m-%d}",
        label=lambda status: STATUS_LABELS.get(status, status or "—"),
        plain_marks=plain_marks,
        html_marks=html_marks,
        md=md_escape,
        md_marks=md_marks,
        md_url=lambda url: str(url).replace("(", "%28").replace(")", "%29").replace(" ", "%20"),
        iso=lambda moment: moment.isoformat(),
    )
    return env


def plain_marks(segments: Segments) -> str:
    return "".join(f"*{text}*" if marked else text for text, marked in segments)


def html_marks(segments: Segments) -> Markup:
    return Markup("").join(
        Markup("<mark>{}</mark>").format(text) if marked else escape(text)
        for text, marked in segments
    )


def md_escape(text: object) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", WHITESPACE.sub(" ", str(text)))


def md_marks(segments: Segments) -> str:
    return "".join(f"**{md_escape(t)}**" if marked else md_escape(t) for t, marked in segments)


def inline_css(html: str) -> str:
    inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
    return inliner.inline(html)


def render_digest(env: Environment, digest: Digest) -> Rendered:
    context = {"d": digest}
    return Rendered(
        subject=one_line(env.get_template("email/digest.subject.txt").render(context)),
        text=env.get_template("email/digest.txt.j2").render(context),
        html=inline_css(env.get_template("email/digest.html.j2").render(context)),
        markdown=env.get_template("email/digest.md.j2").render(context),
    )


def render_alert(env: Environment, alert: Alert) -> Rendered:
    context = {"a": alert}
    return Rendered(
        subject=one_line(env.get_template("email/alert.subject.txt").render(context)),
        text=env.get_template("email/alert.txt.j2").render(context),
        html=inline_css(env.get_template("email/alert.html.j2").render(context)),
    )


def render_status_page(env: Environment, page: StatusPage) -> str:
    return env.get_template("page/index.html.j2").render({"p": page})


def render_changes_feed(
    env: Environment, page: StatusPage, feed_url: str, updated: datetime
) -> str:
    return env.get_template("page/changes.xml.j2").render(
        {"p": page, "feed_url": feed_url, "updated": updated}
    )
