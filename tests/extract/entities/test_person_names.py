"""Unit tests for name compatibility, the rule in-article grouping and linking share."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities.person_names import (
    full_names_compatible,
    given_names_compatible,
    is_initial,
    surnames_compatible,
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("Mark", "Ellison"), ("Mark", "A.", "Ellison"), True),
        (("Mark", "Ellison"), ("M.", "Ellison"), True),
        (("MARK", "ELLISON"), ("Mark", "Ellison"), True),
        (("Mark", "Ellison"), ("Jane", "Ellison"), False),
        (("Mark", "Ellison"), ("Mark", "Ellis"), False),
        (("J.", "Smith"), ("M.", "Smith"), False),
        # a first name with the first part of a double surname
        (("Nora", "Beltran"), ("Nora", "Beltran-Hale"), True),
        (("Nora", "Hale"), ("Nora", "Beltran-Hale"), False),
        (("Tomas", "Beltran-Hale"), ("Nora", "Beltran-Hale"), False),
    ],
)
def test_full_names_compatible(a: tuple[str, ...], b: tuple[str, ...], same: bool) -> None:
    assert full_names_compatible(a, b) is same
    assert full_names_compatible(b, a) is same


def test_given_names_initial_matches_lower_case_keys() -> None:
    # cross-article linking compares lower-cased words: "m" is still an initial of "mark"
    assert given_names_compatible("m", "mark")
    assert not given_names_compatible("marc", "mark")


def test_is_initial_is_one_letter() -> None:
    assert is_initial("M.") and is_initial("M") and is_initial("é")
    assert not is_initial("Mo") and not is_initial("5")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Beltran-Hale", "beltran-hale", True),
        ("Beltran", "Beltran-Hale", True),  # the first part stands for the whole
        ("Hale", "Beltran-Hale", False),
        ("Beltran-Hale", "Beltran-Ortiz", False),
        ("Beltran-Hale-Ortiz", "Beltran-Hale", False),
    ],
)
def test_surnames_compatible_double_surnames(a: str, b: str, same: bool) -> None:
    assert surnames_compatible(a, b) is same
    assert surnames_compatible(b, a) is same
