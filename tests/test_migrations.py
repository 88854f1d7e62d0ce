"""Schema migrations (Alembic) on SQLite and PostgreSQL: the models and the migrations agree,
and a database from an earlier release is upgraded in place with its data kept."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlmodel import Session, SQLModel, select

from monitor.store.db import BASELINE, alembic_config, make_engine
from monitor.store.models import FeedState

NOW = datetime(2025, 12, 1, tzinfo=UTC)


def test_the_migrations_build_exactly_the_schema_of_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()
    make_engine(database_url).dispose()  # a second start changes nothing


def test_a_database_of_the_first_release_is_upgraded_with_its_data(database_url: str) -> None:
    raw = create_engine(database_url)
    with raw.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE)
        connection.execute(
            text(
                "insert into feed (id, url, error_count, entries_seen) "
                "values ('wire', 'https://example.org/feed', 2, 7)"
            )
        )
    raw.dispose()
    engine = make_engine(database_url)
    with Session(engine) as session:
        feed = session.get(FeedState, "wire")
        assert feed is not None and feed.error_count == 2 and feed.entries_seen == 7
    engine.dispose()


def test_a_database_made_before_migrations_existed_is_adopted(database_url: str) -> None:
    raw = create_engine(database_url)
    with raw.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE)
        connection.execute(text("drop table alembic_version"))  # as create_all left it
    raw.dispose()
    engine = make_engine(database_url)
    assert "alembic_version" in inspect(engine).get_table_names()
    engine.dispose()


def test_reviews_made_before_the_review_log_existed_are_carried_into_it(
    database_url: str,
) -> None:
    from monitor.store.models import EvidenceReview

    raw = create_engine(database_url)
    with raw.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
        connection.execute(
            text(
                "insert into evidence (key, pledge_id, origin, stance, score, matched_terms, "
                "snippet, title, published_at, found_at, review, reviewed_at, review_note) "
                "values ('auto:p:1:fulfilled', 'p', 'auto', 'fulfilled', 1, '[]', '', 't', "
                ":at, :at, 'rejected', :at, 'wrong task force')"
            ),
            {"at": NOW},
        )
    raw.dispose()
    engine = make_engine(database_url)
    with Session(engine) as session:
        [review] = session.exec(select(EvidenceReview)).all()
    assert (review.decision, review.note, review.at) == ("rejected", "wrong task force", NOW)
    engine.dispose()
