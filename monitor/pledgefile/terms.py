"""Rule terms are plain text. This module says why a term could never match, and how to
write it instead, before the matcher is asked to find it.

The matcher (``monitor.match``) splits a term into alternatives at '|', folds each one
(NFKC, case folding), splits it into words at spaces and hyphens, takes a trailing '*' as
"any ending" and looks for the rest literally. Nothing else is special, so:

- regular-expression syntax is looked for as it is written: ``launch(ed|es)`` would need the
  text to say "launch(ed" or "es)", ``began\\s+operations`` a backslash. News text never
  does; the term would sit in the file and never fire. ``\\ ( ) [ ] { } ^ ?`` are refused
  anywhere, ``$`` at the end of a word, ``.*`` and ``.+``, and '+' where it repeats a single
  letter or what precedes it (``a+``); a '+' that ends a name (LGBTQ+, Disney+) is text;
- control characters never reach the matched text (``monitor.parse`` strips them);
- an alternative made only of hyphens or '*' has no word to look for, and one that starts
  with a hyphen is pre-filtered on the literal hyphen, so it would miss most texts.

Periods (U.S.), apostrophes, ampersands, slashes, digits and every script (Korean, Thai…)
are text and stay allowed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Where monitor.match splits words (its TERM_SEPARATOR; a test keeps the two in step)
SEPARATOR = re.compile(r"[\s\-‐–]+")
GROUP = re.compile(r"^(?P<pre>[^()|]*)\((?P<body>[^()]*)\)(?P<optional>\?)?(?P<post>[^()|]*)$")
CLASS = re.compile(r"^\[(?P<chars>[^\[\]]+)\]$")
OPTIONAL_LETTER = re.compile(r"^(?P<pre>[^?]*\w)(?P<letter>\w)\?(?P<post>[^?]*)$")
WILDCARD_STEM = re.compile(r"^\w{3,}$")


def term_problem(term: str) -> str | None:
    """Why ``term`` can never match (with what to write instead), or None when it can."""
    text = unicodedata.normalize("NFKC", term)
    advice = _regex_advice(text)
    if advice is not None:
        return f"terms are plain text, not regular expressions: {advice}"
    for alternative in term.split("|"):
        problem = _alternative_problem(alternative)
        if problem is not None:
            return problem
    return None


def _alternative_problem(alternative: str) -> str | None:
    folded = unicodedata.normalize("NFKC", alternative).strip()
    if "|" in folded:
        return "write the plain '|' between alternatives (a full-width '｜' is not one)"
    control = next((c for c in folded if unicodedata.category(c) == "Cc" and not c.isspace()), "")
    if control:
        return f"control character U+{ord(control):04X} never occurs in news text; remove it"
    if not SEPARATOR.sub("", folded).replace("*", ""):
        return f"{folded!r} has no word to look for"
    if SEPARATOR.match(folded):
        return f"{folded!r} starts with a hyphen, which joins words; remove it"
    return None


def _regex_advice(text: str) -> str | None:
    for check in _CHECKS:
        advice = check(text)
        if advice is not None:
            return advice
    return None


def _backslash(text: str) -> str | None:
    if "\\" not in text:
        return None
    plain = re.sub(r"\\s[+*]?", " ", text)
    plain = re.sub(r"\\([.\-'&/])", r"\1", plain)
    plain = " ".join(plain.split())
    if "\\" in plain or _regex_advice(plain) is not None:
        return (
            "'\\' escapes nothing, and '\\d', '\\w' or '\\b' match no digit, letter or "
            "edge; write the words themselves"
        )
    return f"'\\' escapes nothing; write {plain!r} (words match across spaces and hyphens)"


def _group(text: str) -> str | None:
    if "(" not in text and ")" not in text:
        return None
    found = GROUP.match(text)
    if found is None or _regex_advice(found["pre"] + found["body"] + found["post"]):
        return (
            "'(' and ')' do not group; write each form in full, separated by '|' "
            "(launched|launches), or end a word with '*' for any ending (launch*)"
        )
    pre, post = found["pre"], found["post"]
    forms = [pre + part + post for part in found["body"].split("|")]
    if found["optional"]:
        forms.insert(0, pre + post)
    advice = f"'(' and ')' do not group; write {'|'.join(dict.fromkeys(forms))!r}"
    if not post and WILDCARD_STEM.match(pre):
        advice += f" (each form in full) or {pre + '*'!r} (any ending)"
    return advice


def _character_class(text: str) -> str | None:
    if "[" not in text and "]" not in text:
        return None
    alternatives = [_listed(alternative.strip()) for alternative in text.split("|")]
    rewritten = "|".join(alternatives)
    if "[" in rewritten or "]" in rewritten or _regex_advice(rewritten):
        return "'[' and ']' make no character class; list each form in full, separated by '|'"
    return f"'[' and ']' make no character class; list each form with '|': {rewritten!r}"


def _listed(alternative: str) -> str:
    """'[abc]' → 'a|b|c'; anything else as it is."""
    found = CLASS.match(alternative)
    if found is None or "-" in found["chars"]:
        return alternative
    return "|".join(found["chars"])


def _braces(text: str) -> str | None:
    if "{" not in text and "}" not in text:
        return None
    return "'{' and '}' repeat nothing; write each form in full, separated by '|'"


def _anchors(text: str) -> str | None:
    anchored_end = re.search(r"\$\s*(\||$)", text)
    if "^" not in text and not anchored_end:
        return None
    plain = re.sub(r"\$\s*(?=\||$)", "", text.replace("^", "")).strip()
    mark = "'^'" if "^" in text else "'$' at the end"
    if not plain or _regex_advice(plain):
        return f"{mark} anchors nothing (terms match whole words already); remove it"
    return f"{mark} anchors nothing (terms match whole words already); write {plain!r}"


def _dot_star(text: str) -> str | None:
    found = re.search(r"\.[*+]", text)
    if found is None:
        return None
    head, tail = text[: found.start()], text[found.end() :]
    if not tail.strip() and WILDCARD_STEM.match(head.rsplit(" ", 1)[-1]):
        return f"{found.group()!r} matches nothing special; write {head + '*'!r} for any ending"
    return (
        f"{found.group()!r} matches nothing special; a term's words must stand next to each "
        "other; to find words anywhere in the sentence, give them as separate terms under 'all'"
    )


def _question_mark(text: str) -> str | None:
    if "?" not in text:
        return None
    found = OPTIONAL_LETTER.match(text)
    if found is not None and not _regex_advice(found["pre"] + found["letter"] + found["post"]):
        with_letter = found["pre"] + found["letter"] + found["post"]
        without = found["pre"] + found["post"]
        return f"'?' makes nothing optional; write both forms, {with_letter + '|' + without!r}"
    return "'?' makes nothing optional; write each form in full, separated by '|'"


def _plus(text: str) -> str | None:
    # a '+' that ends a word of two or more letters is part of a name: LGBTQ+, Disney+
    for found in re.finditer(r"\+", text):
        before = text[: found.start()]
        after = text[found.end() : found.end() + 1]
        word = re.search(r"\w+$", before)
        if word is None or len(word.group()) < 2 or (after and after.isalnum()):
            return (
                "'+' repeats nothing; write each form in full, separated by '|', "
                "or end a word with '*' for any ending (launch*)"
            )
    return None


_CHECKS: tuple[Callable[[str], str | None], ...] = (
    _backslash,
    _group,
    _character_class,
    _braces,
    _anchors,
    _dot_star,
    _question_mark,
    _plus,
)
