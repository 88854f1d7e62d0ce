"""Settings come from the environment, are validated at start, and secrets may be files."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import SettingsError
from monitor.settings import load_settings, setting_names


def test_defaults_give_an_sqlite_file_in_the_data_dir() -> None:
    settings = load_settings({"PLEDGE_MONITOR_DATA_DIR": "/srv/pm"})
    assert settings.resolved_database_url == "sqlite:////srv/pm/pledge-monitor.db"
    assert settings.config == Path("pledges.yaml")


def test_values_are_converted_and_checked() -> None:
    settings = load_settings(
        {"PLEDGE_MONITOR_FETCH_TIMEOUT": "3.5", "PLEDGE_MONITOR_LOG_LEVEL": "info"}
    )
    assert settings.fetch_timeout == 3.5 and settings.log_level == "INFO"
    with pytest.raises(SettingsError, match="PLEDGE_MONITOR_FETCH_CONCURRENCY: Input should be"):
        load_settings({"PLEDGE_MONITOR_FETCH_CONCURRENCY": "many"})
    with pytest.raises(SettingsError, match=r"PLEDGE_MONITOR_TIMEZONE: .*unknown time zone"):
        load_settings({"PLEDGE_MONITOR_TIMEZONE": "Mars/Olympus"})


def test_an_unknown_variable_is_refused_with_a_suggestion() -> None:
    with pytest.raises(
        SettingsError,
        match="PLEDGE_MONITOR_FETCH_TIMOUT: unknown setting "
        r"\(did you mean PLEDGE_MONITOR_FETCH_TIMEOUT\?\)",
    ):
        load_settings({"PLEDGE_MONITOR_FETCH_TIMOUT": "5"})


def test_other_variables_are_ignored() -> None:
    assert load_settings({"HOME": "/root", "PATH": "/bin"}).fetch_concurrency == 8


def test_an_empty_value_means_the_default() -> None:
    assert load_settings({"PLEDGE_MONITOR_DATABASE_URL": ""}).database_url is None


def test_a_secret_can_be_read_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "db_url"
    secret.write_text("postgresql+psycopg://pm:s3cret@db/pm\n")
    settings = load_settings({"PLEDGE_MONITOR_DATABASE_URL_FILE": str(secret)})
    assert settings.resolved_database_url == "postgresql+psycopg://pm:s3cret@db/pm"


def test_an_unreadable_secret_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="PLEDGE_MONITOR_DATABASE_URL_FILE: cannot read"):
        load_settings({"PLEDGE_MONITOR_DATABASE_URL_FILE": str(tmp_path / "missing")})


def test_cli_overrides_win_over_the_environment() -> None:
    settings = load_settings({"PLEDGE_MONITOR_CONFIG": "a.yaml"}, config=Path("b.yaml"))
    assert settings.config == Path("b.yaml")


def test_every_setting_has_a_variable_name() -> None:
    assert "PLEDGE_MONITOR_DATABASE_URL" in setting_names()
