"""Django-side health tests: the partnership fixtures of the partnerships tests."""

from tests.partnerships.conftest import items, partnership  # noqa: F401
