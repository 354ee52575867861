"""net/internal/socktest (go1.27.0): utilities for socket testing.

A ``Switch`` stands between net (and internal/poll) and the socket system
calls. Installed in place of the hook variables (``net.hook.socketFunc``,
``connectFunc``, ``listenFunc``, ``getsockoptIntFunc``,
``rt.poll.hook_unix.CloseFunc`` and ``Accept4Func``), it

* keeps a table of every socket it opened or accepted and has not yet
  closed (``Sockets()``), so a test can tell that nothing leaked;
* counts what happened per (family, type, protocol) ``Cookie`` (``Stats()``);
* runs the ``Filter`` installed for a call (``Set``) before the system
  call, which may fail the call without making it, and the ``AfterFilter``
  it returns after the call, which may replace the result.

Filters apply only to sockets in the table: a descriptor the switch did not
open passes straight through to the system call.

Module map, one module per Go file: switch.py (switch.go with
switch_unix.go and switch_posix.go: the types, the table, Set, Stats,
Sockets), sys_unix.py (sys_unix.go with sys_cloexec.go: the system call
wrappers). How net's tests install a switch (Go's installTestHooks in
main_unix_test.go and main_cloexec_test.go) is in tests/net/main_unix.py.
"""

from net.internal.socktest.switch import (
    AfterFilter,
    Cookie,
    Filter,
    FilterAccept,
    FilterClose,
    FilterConnect,
    FilterGetsockoptInt,
    FilterListen,
    FilterSocket,
    FilterType,
    Sockets,
    Stat,
    Status,
    Switch,
)

__all__ = [
    "AfterFilter",
    "Cookie",
    "Filter",
    "FilterAccept",
    "FilterClose",
    "FilterConnect",
    "FilterGetsockoptInt",
    "FilterListen",
    "FilterSocket",
    "FilterType",
    "Sockets",
    "Stat",
    "Status",
    "Switch",
]
