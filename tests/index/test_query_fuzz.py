"""Any query string gives results or one QueryError: never another exception."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from index_helpers import check_any_query

_PIECES = st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "=", ":", "lang:", "lang:ar", "date:2017",
                           "region:body", "Nusra", "النصرة", "al-", "ال", "\u064b", "the", "في", " ", "\x00",
                           "\u200f", "Deir ez-Zor", "-", "'", "’", "*", "?", "doc:d1", "ISIS"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=12).map(" ".join))
def test_any_query_gives_hits_or_a_query_error(small_index, query: str) -> None:
    check_any_query(small_index, query)
