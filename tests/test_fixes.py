"""Applying fixes: overlap handling and tidy blank lines where removals meet."""

from __future__ import annotations

from lint.fixes import apply_fixes
from lint.model import Edit, Fix


def remove(text: str, piece: str) -> Fix:
    i = text.index(piece)
    return Fix((Edit(i, i + len(piece), ""),), "remove")


def test_adjacent_removals_leave_one_blank_line() -> None:
    text = "Title\n\nKeep one.\n\nJunk A\n\nJunk B\n\nKeep two.\n"
    fixed, n = apply_fixes(text, [remove(text, "Junk A\n"), remove(text, "Junk B\n")])
    assert n == 2
    assert fixed == "Title\n\nKeep one.\n\nKeep two.\n"


def test_removal_at_end_leaves_no_trailing_blank_lines() -> None:
    text = "Title\n\nBody.\n\nFooter junk\n"
    fixed, _ = apply_fixes(text, [remove(text, "Footer junk\n")])
    assert fixed == "Title\n\nBody.\n"


def test_crlf_is_kept() -> None:
    text = "Title\r\n\r\nJunk\r\n\r\nBody.\r\n"
    fixed, _ = apply_fixes(text, [remove(text, "Junk\r\n")])
    assert fixed == "Title\r\n\r\nBody.\r\n"


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    text = "abcdef"
    first = Fix((Edit(0, 3, "X"),), "a")
    second = Fix((Edit(2, 4, "Y"),), "b")
    fixed, n = apply_fixes(text, [first, second])
    assert (fixed, n) == ("Xdef", 1)


def test_replacements_do_not_touch_blank_lines() -> None:
    text = "One\n\n\n\nTwo bad\n"
    i = text.index("bad")
    fixed, _ = apply_fixes(text, [Fix((Edit(i, i + 3, "good"),), "r")])
    assert fixed == "One\n\n\n\nTwo good\n"
