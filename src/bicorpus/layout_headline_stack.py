"""Headlines stacked right above the text: a site's list of other stories (a ticker, "latest
news") standing where the page's title would, its last item right over the first paragraph.  A
page's own headline block is one or two lines (a kicker, the title, its standfirst); three or more
headline-shaped lines in a row, with no dateline among them, are a list, and an item of it whose
words the text under it hardly tells is another story's headline, not this page's title."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

#: Fewest headline-shaped lines in a row right above the first paragraph that make a stack.
STACK_MIN_LINES = 3
#: Fewest content words a stacked line needs to be judged by them.
STACK_MIN_STEMS = 5
#: A stacked line is another story's when at most this share of its content words come back in
#: the text under it (a page's own headline shares a quarter or more with its first lines).
STACK_MAX_SHARE = 0.2


def headline_stack(shaped: Collection[int], first_para: int) -> list[int]:
    """The run of ``shaped`` line numbers right above ``first_para`` (consecutive lines, the
    last one right over it), if it holds :data:`STACK_MIN_LINES` lines or more; else empty."""
    run = []
    i = first_para - 1
    while i >= 0 and i in shaped:
        run.append(i)
        i -= 1
    return run[::-1] if len(run) >= STACK_MIN_LINES else []


def strangers_in_stack(stack: Sequence[int], stems: Callable[[int], Collection[str]],
                       told: Callable[[str], bool]) -> list[int]:
    """The lines of ``stack`` with :data:`STACK_MIN_STEMS` content words or more (``stems(i)``) of
    which at most :data:`STACK_MAX_SHARE` are ``told`` by the text under them."""
    out = []
    for i in stack:
        words = stems(i)
        if len(words) >= STACK_MIN_STEMS and sum(map(told, words)) <= STACK_MAX_SHARE * len(words):
            out.append(i)
    return out
