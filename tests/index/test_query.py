"""The query language parser: structure and one-line errors."""

import pytest

from bicorpus.errors import QueryError
from bicorpus.index.query import And, FieldFilter, Not, Or, Phrase, Words, parse_query, positive_terms


def test_adjacent_words_stay_together_and_and_is_implicit() -> None:
    assert parse_query("Jabhat Fatah al-Sham") == Words(("Jabhat", "Fatah", "al-Sham"))
    assert parse_query("Mosul AND Raqqa") == And((Words(("Mosul",)), Words(("Raqqa",))))


def test_phrases_operators_and_precedence() -> None:
    q = parse_query('"Eastern Ghouta" OR النصرة NOT (Raqqa OR الرقة)')
    assert q == Or((Phrase("Eastern Ghouta"),
                    And((Words(("النصرة",)), Not(Or((Words(("Raqqa",)), Words(("الرقة",)))))))))


def test_curly_quotes_make_phrases_too() -> None:
    assert parse_query("“جبهة فتح الشام”") == Phrase("جبهة فتح الشام")


def test_literal_escape() -> None:
    assert parse_query("=Nusra") == Words(("Nusra",), literal=True)
    assert parse_query('="al Nusra" ISIS') == And((Phrase("al Nusra", literal=True), Words(("ISIS",))))


def test_field_filters() -> None:
    q = parse_query("lang:ar region:body date:2017-04 النصرة")
    assert q == And((FieldFilter("lang", "ar"), FieldFilter("region", "body"), FieldFilter("date", "2017-04"),
                     Words(("النصرة",))))


def test_lowercase_operators_are_words() -> None:
    assert parse_query("Mosul and Raqqa") == Words(("Mosul", "and", "Raqqa"))


def test_positive_terms_skip_negations() -> None:
    q = parse_query("Mosul NOT Raqqa \"Eastern Ghouta\"")
    assert positive_terms(q) == [Words(("Mosul",)), Phrase("Eastern Ghouta")]


def test_control_characters_are_removed() -> None:
    assert parse_query("Nus\u200bra\x00") == Words(("Nusra",))


@pytest.mark.parametrize(("query", "message"), [
    ("", "empty query"),
    ("   \t ", "empty query"),
    ("\x01\x02\u200f", "empty query"),
    ("x" * 10_000, "too long"),
    ('"Eastern Ghouta', "unbalanced quote"),
    ('النصرة "جبهة', "unbalanced quote"),
    ("(Mosul OR Raqqa", "never closed"),
    ("Mosul OR Raqqa)", "closes nothing"),
    ("()", "empty parentheses"),
    ("Mosul AND", "after AND"),
    ("OR Mosul", "found 'OR'"),
    ("NOT", "after NOT"),
    ("Mosul OR OR Raqqa", "after OR"),
    ("lang:fr Mosul", "not a language"),
    ("region:footer Mosul", "not a region"),
    ("date:April Mosul", "not a date"),
    ("lang: Mosul", "needs a value"),
    ("colour:red", "unknown field"),
    ("= Mosul", "'='"),
])
def test_malformed_queries_get_one_line_errors(query: str, message: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(query)
    assert message in str(err.value)
    assert "\n" not in str(err.value)
