"""The ``pledge-monitor`` command. The only place that prints errors and picks exit codes.

Exit codes: 0 all fine; 1 the command ran but found problems (a feed failed during
``check``); 2 bad input (an invalid pledges file or setting, an unknown id).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from zoneinfo import ZoneInfo

import click

from monitor import __version__
from monitor.clock import Clock, FixedClock, SystemClock
from monitor.errors import (
    ConfigError,
    NotFoundError,
    NotRetryableError,
    PledgeMonitorError,
    SettingsError,
    StorageError,
    StorageErrorKind,
)
from monitor.files import check_writable, write_atomically
from monitor.outboxstate import OPEN, STATES

# Heavy libraries (SQLAlchemy, pydantic, Apprise, rich…) are imported by the commands that
# use them, so that --help, --version and validate answer at once.
if TYPE_CHECKING:
    from rich.console import Console

    from jobs.context import JobContext
    from monitor.deliver import OutboxEntry
    from monitor.fetch import Outcome
    from monitor.pledgefile import Config
    from monitor.reportdata import Period
    from monitor.settings import Settings

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class Runtime:
    """What the commands share: settings from the environment, and the --config override."""

    def __init__(self, config_path: Path | None) -> None:
        self.config_override = config_path
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        from monitor.settings import load_settings

        if self._settings is None:
            self._settings = load_settings(os.environ, config=self.config_override)
        return self._settings

    def config(self, path: Path | None = None) -> Config:
        from monitor.pledgefile import load_config

        return load_config(path or self.settings.config)

    def check_directories(self, *, reports: bool = False) -> None:
        """Before a command writes: the data directory (SQLite) and, for commands that write
        reports, the reports directory must be directories we can write in. A wrong one is a
        bad setting (exit 2); a full disk is not (exit 1)."""
        settings = self.settings
        if not settings.database_url:
            _writable(settings.data_dir, "PLEDGE_MONITOR_DATA_DIR")
        if reports:
            _writable(settings.reports_dir, "PLEDGE_MONITOR_REPORTS_DIR")

    def context(self, as_of: str | None = None) -> JobContext:
        """Everything a job needs; ``as_of`` (the --as-of text) fixes the clock."""
        from jobs.context import JobContext
        from monitor.log import setup_logging
        from monitor.store.db import make_engine

        settings = self.settings
        config = self.config()
        moment = parse_as_of(as_of, config.zone)
        clock: Clock = FixedClock(moment) if moment else SystemClock()
        log = setup_logging(settings.log_level)
        engine = make_engine(settings.resolved_database_url)
        return JobContext(
            settings=settings,
            config=config,
            engine=engine,
            clock=clock,
            log=log,
            wall_clock=SystemClock() if moment else None,
        )


def _writable(directory: Path, variable: str) -> None:
    try:
        check_writable(directory)
    except StorageError as error:
        if error.kind == StorageErrorKind.FULL:
            raise
        reason = {
            StorageErrorKind.NOT_A_DIRECTORY: "is not a directory (a file is in the way)",
            StorageErrorKind.READ_ONLY: "is on a read-only file system",
            StorageErrorKind.DENIED: "is not writable (permission denied)",
        }.get(error.kind, f"cannot be written: {error.detail}")
        raise SettingsError(f"{variable}={directory} {reason}") from None


def parse_as_of(value: str | None, zone: ZoneInfo) -> datetime | None:
    """--as-of DATE means the end of that day in the pledges file's time zone; a full ISO
    timestamp is taken as given (UTC when it has no offset)."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime.combine(day + timedelta(days=1), time.min, zone) - timedelta(
                microseconds=1
            )
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD) or ISO timestamp", param_hint="--as-of"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


as_of_option = click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Show it as it would have been at the end of DATE (YYYY-MM-DD), counting only "
    "evidence published by then.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Pledges file (default: ./pledges.yaml, or PLEDGE_MONITOR_CONFIG).",
)
@click.version_option(__version__, prog_name="pledge-monitor")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    """Track public pledges against news feeds: evidence, deadlines, statuses."""
    ctx.obj = Runtime(config_path)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path), required=False)
@click.pass_obj
def validate(runtime: Runtime, file: Path | None) -> None:
    """Check a pledges file and list every problem with its line (exit 2 if any)."""
    from monitor.judge import missing_languages

    config = runtime.config(file)
    click.echo(f"{config.path}: ok ({len(config.feeds)} feeds, {len(config.pledges)} pledges)")
    for pledge in config.pledges:
        missing = missing_languages(pledge)
        if missing:
            line = config.pledge_lines.get(pledge.id)
            click.echo(
                f"advice: {config.path}:{line}: pledge {pledge.id!r} has context words in "
                f"{' and '.join(missing)} but no outcome statement in them: add one in each "
                "(a report is read best against a statement in its own language)"
            )


@cli.command()
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to FILE.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of pledges.yaml (for editor completion and checks)."""
    from monitor.pledgefile import json_schema

    _emit(json_schema(), output)


@cli.command()
@as_of_option
@click.pass_obj
def check(runtime: Runtime, as_of: str | None) -> None:
    """Run one full cycle: fetch every feed, store new articles, match, judge, alert.

    Prints what changed; queues and sends alerts when ALERT_TO or ALERT_NOTIFY is set.
    Exits 1 when a feed failed (the others are still processed)."""
    from rich.console import Console

    from jobs import alerts as alerts_job
    from jobs import check as check_job
    from monitor import views

    runtime.check_directories()
    ctx = runtime.context(as_of)
    console = Console(stderr=True)
    with ctx.writing(), _progress(console, len(ctx.config.feeds)) as advance:
        result = check_job.run(ctx, on_feed_done=advance)
        alerted = alerts_job.run(ctx)
    click.echo(views.check_summary(result, ctx.display_zone), nl=False)
    if alerted.queued:
        click.echo(f"alerts queued: {len(alerted.queued)}")
    if alerted.delivery is not None:
        click.echo(views.delivery_line(alerted.delivery))
    if result.poll.failed:
        sys.exit(EXIT_PROBLEMS)


@cli.command()
@click.option("--week", metavar="YYYY-Www", help="The ISO week to report (e.g. 2025-W48).")
@click.option("--since", metavar="DATE", help="Report from DATE (YYYY-MM-DD) to now.")
@click.option("--send", is_flag=True, help="Queue it for the digest recipients and send.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "html", "md"]),
    default="text",
    show_default=True,
    help="What to print.",
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to FILE.")
@as_of_option
@click.pass_obj
def report(
    runtime: Runtime,
    week: str | None,
    since: str | None,
    send: bool,
    fmt: str,
    output: Path | None,
    as_of: str | None,
) -> None:
    """The digest for a period (default: the last 7 days), archived in reports/digests/.

    With --send it is queued once per recipient and delivered; rerunning never sends a
    report twice. Exits 1 when a message failed for good, still waits for a retry or has
    no configured channel, and says which and why (see `pledge-monitor outbox`)."""
    from jobs import report as report_job
    from monitor import views
    from monitor.deliver import still_undelivered

    runtime.check_directories(reports=True)
    ctx = runtime.context(as_of)
    period = _period(week, since, ctx.now(), ctx.display_zone)
    with ctx.writing():
        result = report_job.run(ctx, period, send=send)
    text = {
        "text": result.rendered.text,
        "html": result.rendered.html,
        "md": result.rendered.markdown,
    }[fmt]
    _emit(text, output)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"archived: {', '.join(str(p) for p in result.archived)}", err=True)
    if result.delivery is not None:
        click.echo(views.delivery_line(result.delivery), err=True)
        _exit_if_undelivered(ctx, still_undelivered(result.delivery, result.messages), err=True)


@cli.command()
@as_of_option
@click.pass_obj
def page(runtime: Runtime, as_of: str | None) -> None:
    """Rebuild the static status page: reports/index.html, status.json, changes.xml."""
    from jobs import page as page_job

    runtime.check_directories(reports=True)
    ctx = runtime.context(as_of)
    with ctx.writing():
        result = page_job.run(ctx)
    for path in result.written:
        click.echo(f"wrote {path}")


def _period(week: str | None, since: str | None, now: datetime, zone: ZoneInfo) -> Period:
    from monitor.reportdata import Period

    if week and since:
        raise click.UsageError("give --week or --since, not both")
    if week:
        match = re.fullmatch(r"(\d{4})-W(\d{2})", week)
        try:
            if match is None:
                raise ValueError
            return Period.iso_week(int(match[1]), int(match[2]), zone)
        except ValueError:
            raise click.BadParameter(
                f"{week!r} is not an ISO week like 2025-W48", param_hint="--week"
            ) from None
    if since:
        try:
            day = date.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(
                f"{since!r} is not a date (YYYY-MM-DD)", param_hint="--since"
            ) from None
        return Period.since(day, now, zone)
    return Period.since((now.astimezone(zone) - timedelta(days=6)).date(), now, zone)


@cli.command("run")
@click.pass_obj
def run_daemon(runtime: Runtime) -> None:
    """Run as a daemon: scheduled checks, daily deadline sweep, weekly digest, live reload
    of the pledges file; logs to stderr; stops cleanly on SIGTERM or SIGINT."""
    from monitor.daemon import Daemon
    from monitor.log import setup_logging
    from monitor.store.db import make_engine

    settings = runtime.settings
    config = runtime.config()  # a bad file at start is exit 2; later edits never stop it
    runtime.check_directories(reports=True)
    log = setup_logging(settings.log_level if settings.log_level != "WARNING" else "INFO")
    engine = make_engine(settings.resolved_database_url)
    Daemon(settings, config, engine, SystemClock(), log).run_until_stopped()


@cli.command()
@click.pass_obj
def health(runtime: Runtime) -> None:
    """Exit 0 when the daemon is alive and its last cycle is recent, else 1 (for Docker)."""
    from sqlalchemy.exc import OperationalError
    from sqlmodel import Session

    from monitor.health import judge_health
    from monitor.store import daemon as daemon_store
    from monitor.store.db import make_engine

    settings = runtime.settings
    engine = make_engine(settings.resolved_database_url, create_schema=False)
    try:
        with Session(engine) as session:
            state = daemon_store.state(session)
    except OperationalError as exc:  # no table yet: it never ran here
        click.echo(f"unhealthy: cannot read the daemon's state: {exc.orig}")
        sys.exit(EXIT_PROBLEMS)
    except StorageError as exc:  # no database file, or the server is down
        click.echo(f"unhealthy: cannot read the daemon's state: {exc}")
        sys.exit(EXIT_PROBLEMS)
    finally:
        engine.dispose()
    verdict = judge_health(
        state, SystemClock().now(), settings.heartbeat_interval, settings.max_cycle_age
    )
    click.echo(("healthy: " if verdict.healthy else "unhealthy: ") + verdict.reason)
    if not verdict.healthy:
        sys.exit(EXIT_PROBLEMS)


@cli.command()
@as_of_option
@json_option
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to FILE.")
@click.pass_obj
def status(runtime: Runtime, as_of: str | None, as_json: bool, output: Path | None) -> None:
    """A table of every pledge: status, deadline, days left or overdue, latest evidence."""
    from jobs import overview
    from monitor import views

    ctx = runtime.context(as_of)
    rows = overview.run(ctx)
    if as_json:
        payload = {"as_of": ctx.now().isoformat(), "pledges": [r.to_json() for r in rows]}
        _emit(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", output)
    else:
        _emit(
            views.status_table(
                rows, ctx.now(), ctx.display_zone, width=None if output is None else 140
            ),
            output,
        )


@cli.command()
@click.argument("pledge_id")
@as_of_option
@json_option
@click.pass_obj
def history(runtime: Runtime, pledge_id: str, as_of: str | None, as_json: bool) -> None:
    """The audit trail of one pledge: every status change, when, and why."""
    from jobs import overview
    from monitor import views

    ctx = runtime.context(as_of)
    if ctx.config.pledge(pledge_id) is None:
        raise NotFoundError(f"no pledge with id {pledge_id!r} in {ctx.config.path}")
    events = overview.history(ctx, pledge_id)
    if as_json:
        click.echo(json.dumps([views.event_json(e) for e in events], indent=2, ensure_ascii=False))
    else:
        click.echo(views.history_text(pledge_id, events, ctx.display_zone))


@cli.group()
def evidence() -> None:
    """List evidence; confirm or reject a piece (a rejected piece never counts again)."""


@evidence.command("list")
@click.option("--pledge", "pledge_id", metavar="ID", help="Only this pledge's evidence.")
@click.option("--all", "include_rejected", is_flag=True, help="Include rejected evidence.")
@as_of_option
@json_option
@click.pass_obj
def evidence_list(
    runtime: Runtime,
    pledge_id: str | None,
    include_rejected: bool,
    as_of: str | None,
    as_json: bool,
) -> None:
    """List evidence, oldest first."""
    from jobs import overview
    from monitor import views

    ctx = runtime.context(as_of)
    if pledge_id is not None and ctx.config.pledge(pledge_id) is None:
        raise NotFoundError(f"no pledge with id {pledge_id!r} in {ctx.config.path}")
    found = overview.evidence_list(ctx, pledge_id, include_rejected=include_rejected)
    if as_json:
        click.echo(json.dumps([e.to_json() for e in found], indent=2, ensure_ascii=False))
    else:
        click.echo(views.evidence_text(found, ctx.display_zone))


def _review_command(decision: str) -> click.Command:
    done = {"confirm": "confirmed", "reject": "rejected"}[decision]

    @click.command(decision, help=f"Mark evidence ID as {done} by a person.")
    @click.argument("evidence_id", type=int)
    @click.option("--note", help="Why (kept with the review).")
    @click.pass_obj
    def command(runtime: Runtime, evidence_id: int, note: str | None) -> None:
        from jobs import review as review_job
        from monitor import views

        runtime.check_directories()
        ctx = runtime.context()
        with ctx.writing():
            result = review_job.run(
                ctx, evidence_id, "confirmed" if decision == "confirm" else "rejected", note
            )
        click.echo(f"evidence #{evidence_id} {result.evidence.review}")
        for change in result.evaluated.changes:
            click.echo(views.change_line(change, ctx.display_zone))

    return command


evidence.add_command(_review_command("confirm"))
evidence.add_command(_review_command("reject"))


@cli.group(invoke_without_command=True)
@click.option("--pledge", "pledge_id", metavar="ID", help="Only this pledge's queue.")
@as_of_option
@json_option
@click.pass_context
def review(
    click_ctx: click.Context, pledge_id: str | None, as_of: str | None, as_json: bool
) -> None:
    """The review queue: evidence that changes nothing until a person confirms it
    (too weak alone and seen by too few outlets, or older than its pledge). Confirm or
    reject a piece with `review confirm ID` / `review reject ID`."""
    if click_ctx.invoked_subcommand is not None:
        return
    from jobs import overview
    from monitor import views

    runtime: Runtime = click_ctx.obj
    ctx = runtime.context(as_of)
    if pledge_id is not None and ctx.config.pledge(pledge_id) is None:
        raise NotFoundError(f"no pledge with id {pledge_id!r} in {ctx.config.path}")
    waiting = overview.review_queue(ctx, pledge_id)
    if as_json:
        click.echo(json.dumps([e.to_json() for e in waiting], indent=2, ensure_ascii=False))
    else:
        click.echo(
            views.evidence_text(waiting, ctx.display_zone)
            if waiting
            else "nothing waits for review\n",
            nl=False,
        )


review.add_command(_review_command("confirm"))
review.add_command(_review_command("reject"))


@cli.group()
def outbox() -> None:
    """The messages queued for delivery: list them; retry or cancel those not sent."""


@outbox.command("list")
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice(STATES),
    help="Only messages in this state (repeatable). Default: all but sent and cancelled.",
)
@json_option
@click.pass_obj
def outbox_list(runtime: Runtime, states: tuple[str, ...], as_json: bool) -> None:
    """List messages: state, attempts, last error, next try.

    Oldest first: what each is, its channel and recipient (a notification URL only by its
    scheme and hash: it carries a token), state, attempts, last error, next attempt."""
    from jobs import deliver as deliver_job
    from monitor import views

    ctx = runtime.context()
    found = deliver_job.messages(ctx, [s for s in STATES if s in states] or OPEN)
    names = deliver_job.recipient_names(ctx.settings)
    if as_json:
        payload = [views.outbox_json(e, names) for e in found]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        attempts = ctx.settings.outbox_max_attempts
        click.echo(views.outbox_text(found, ctx.display_zone, names, attempts), nl=False)


@outbox.command("retry")
@click.argument("ids", nargs=-1, type=int, metavar="[ID]...")
@click.option("--failed", "every_failed", is_flag=True, help="Retry every failed message.")
@click.pass_obj
def outbox_retry(runtime: Runtime, ids: tuple[int, ...], every_failed: bool) -> None:
    """Deliver failed (or waiting, held) messages again now.

    Each gets a fresh set of attempts and is delivered at once as the same message (same
    Message-ID), never a second copy: a message that was sent is refused. Exits 1 when one
    is still not delivered, as `report --send` does."""
    from jobs import deliver as deliver_job
    from monitor import views
    from monitor.deliver import still_undelivered

    if bool(ids) == every_failed:
        raise click.UsageError("name message IDs or give --failed (one of the two)")
    runtime.check_directories()
    ctx = runtime.context()
    try:
        with ctx.writing():
            result = deliver_job.retry(ctx, ids or None)
    except NotRetryableError as refused:
        raise click.BadParameter(str(refused), param_hint="ID") from None
    if not result.retried:
        click.echo("no failed messages")
        return
    names = deliver_job.recipient_names(ctx.settings)
    for entry in result.retried:
        click.echo(f"retrying #{entry.id} {entry.what} to {views.recipient_text(entry, names)}")
    click.echo(views.delivery_line(result.delivery))
    _exit_if_undelivered(ctx, still_undelivered(result.delivery, result.after))


@outbox.command("cancel")
@click.argument("ids", nargs=-1, type=int, required=True, metavar="ID...")
@click.pass_obj
def outbox_cancel(runtime: Runtime, ids: tuple[int, ...]) -> None:
    """Give up messages that were not sent.

    Say, one held for a notification URL that was replaced: it is never sent and no longer
    makes `report --send` exit 1. `retry` can revive it."""
    from jobs import deliver as deliver_job
    from monitor import views

    runtime.check_directories()
    ctx = runtime.context()
    try:
        with ctx.writing():
            cancelled = deliver_job.cancel(ctx, ids)
    except NotRetryableError as refused:
        raise click.BadParameter(str(refused), param_hint="ID") from None
    names = deliver_job.recipient_names(ctx.settings)
    for entry in cancelled:
        click.echo(
            f"#{entry.id} {entry.state}: {entry.what} to {views.recipient_text(entry, names)}"
        )


def _exit_if_undelivered(ctx: JobContext, entries: list[OutboxEntry], err: bool = False) -> None:
    """Say what could not be delivered and why, then exit 1; nothing when all went out."""
    from jobs import deliver as deliver_job
    from monitor import views

    if not entries:
        return
    names = deliver_job.recipient_names(ctx.settings)
    attempts = ctx.settings.outbox_max_attempts
    text = views.undelivered_text(entries, ctx.display_zone, names, attempts)
    click.echo(text, nl=False, err=err)
    sys.exit(EXIT_PROBLEMS)


@cli.command("eval")
@click.argument(
    "dataset",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("eval"),
    required=False,
)
@click.option(
    "--split",
    type=click.Choice(["dev", "heldout", "all"]),
    default="all",
    show_default=True,
    help="Which cases to score (held-out cases are only ever scored, never tuned on).",
)
@click.option(
    "--case",
    "case_ids",
    multiple=True,
    metavar="ID",
    help="Score only this case (repeat for several), e.g. a new case scored blind.",
)
@click.option(
    "--errors",
    is_flag=True,
    help="Also list every item the judge got wrong or missed, with what it read "
    "(dev cases only: held-out cases are scored, never looked into).",
)
def eval_command(dataset: Path, split: str, case_ids: tuple[str, ...], errors: bool) -> None:
    """Measure the judge on a labelled news set (default: ./eval): precision, recall and F1
    per stance, per pledge and per case, status accuracy per checkpoint and per case, and
    the judge's speed."""
    from jobs import measure
    from monitor.evalset import Split, errors_text, load_set, report_text

    splits: list[Split] = ["dev", "heldout"] if split == "all" else [split]  # type: ignore[list-item]
    if not (dataset / "manifest.yaml").is_file():
        raise click.BadParameter(f"{dataset} has no manifest.yaml", param_hint="DATASET")
    cases = load_set(dataset, splits)
    if case_ids:
        unknown = sorted(set(case_ids) - {case.id for case in cases})
        if unknown:
            known = ", ".join(case.id for case in cases)
            raise click.BadParameter(
                f"no case {', '.join(unknown)} in {dataset} ({split}); known: {known}",
                param_hint="--case",
            )
        cases = [case for case in cases if case.id in case_ids]
    result = measure.run(cases)
    click.echo(f"{dataset}: {len(cases)} cases ({split}), {result.articles} articles")
    click.echo(report_text(result.scores, result.seconds, result.articles), nl=False)
    if errors:
        dev = [case for case in cases if case.split == "dev"]
        click.echo(f"\nerrors on the dev cases ({len(dev)}):")
        click.echo(errors_text(dev, result.predictions, result.waiting), nl=False)


@contextmanager
def _progress(console: Console, total: int) -> Iterator[Callable[[Outcome], None]]:
    """A progress bar on a terminal; silent when output goes to a file or a pipe."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    if not console.is_terminal:
        yield lambda _outcome: None
        return
    columns = (TextColumn("fetching feeds"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("fetch", total=total)
        yield lambda _outcome: bar.advance(task)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    write_atomically(output, text)


def main(argv: list[str] | None = None) -> NoReturn:
    try:
        code = cli.main(args=argv, prog_name="pledge-monitor", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_PROBLEMS)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT)
    except (ConfigError, SettingsError, NotFoundError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except PledgeMonitorError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_PROBLEMS)
    except OSError as exc:  # last resort: a file error no stage expected
        click.echo(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
        sys.exit(EXIT_PROBLEMS)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
