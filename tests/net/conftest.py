"""Fixtures for the net tests: the socktest switch (Go's TestMain in net/main_test.go).

``sw`` installs a fresh ``socktest.Switch`` in front of the socket system
calls for one test (tests/net/main_unix.py) and takes it out afterwards.
Every socket the test opens or accepts goes through the switch's table, so
the fixture can then check what Go's TestMain reports with
``printInflightSockets``: a socket still in the table when the test ends was
never closed through net (closing it is the test's job; ``rt.run``'s
teardown closing it behind net's back does not count). Go's
``forceCloseSockets`` is not copied: by then ``rt.run`` has closed any
descriptor still registered with the poller, and closing the number again
could close an unrelated file; an fd really left open is reported by the
suite's leak check (tests/conftest.py).

Use it as a fixture argument (``def test_X(sw): ... sw.Set(...)``) or for a
whole module with ``pytestmark = pytest.mark.usefixtures("sw")``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from net.internal.socktest import Switch
from tests.net.main_unix import installTestHooks, printInflightSockets, uninstallTestHooks


@pytest.fixture
def sw() -> Iterator[Switch]:
    """A fresh socktest.Switch, installed for this test only."""
    s = Switch()
    installTestHooks(s)
    try:
        yield s
    finally:
        uninstallTestHooks()
    leaked = printInflightSockets(s)
    if leaked:
        pytest.fail("sockets left open:\n" + leaked + "\n".join(st.String() for st in s.Stats()))
