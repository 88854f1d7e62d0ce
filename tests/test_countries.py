"""The other names of a country an editor named (monitor/countries.py)."""

from __future__ import annotations

from monitor.countries import with_country_names


def test_a_country_brings_its_people_capital_currency_and_other_languages() -> None:
    names = with_country_names(["Japan", "高市"])
    assert names[:2] == ("Japan", "高市")
    assert {"Japanese", "Tokyo", "yen", "일본", "ญี่ปุ่น"} <= set(names)


def test_names_already_written_are_not_repeated_whatever_their_case() -> None:
    names = with_country_names(["thailand", "Thai", "ไทย"])
    assert len(names) == len({name.casefold() for name in names})
    assert names.count("ไทย") == 1


def test_an_entry_naming_no_country_is_left_as_it_is() -> None:
    assert with_country_names(["rare earth", "稀土"]) == ("rare earth", "稀土")


def test_single_characters_are_never_added() -> None:
    """ "米" is also rice ("米券") and "日" a day: a country's name must be a word."""
    for country in ("Japan", "United States", "China", "Thailand"):
        assert all(len(name) > 1 for name in with_country_names([country]))


def test_a_clipped_name_is_a_word_of_its_own() -> None:
    assert {"우크라", "乌方"} <= set(with_country_names(["Ukraine"]))
    assert "俄方" in with_country_names(["Russie"])
