"""net/hook.go + hook_unix.go (go1.27.0): indirections that tests replace.

Look these up through the module at call time (``hook.connectFunc(...)``),
never import the names, so that a test's replacement is seen. The close and
accept4 hooks live in internal/poll (rt/poll/hook_unix.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rt import sys_linux
from rt.sys_linux import Errno


def _noop(*args: Any) -> None:
    pass


# hook.go
testHookDialTCP: Callable[..., Any] | None = None
testPreHookSetKeepAlive: Callable[[Any], None] = _noop
testHookSetKeepAlive: Callable[[Any], None] = _noop
testHookStepTime: Callable[[], None] = _noop
testHookCanceledDial: Callable[[], None] = _noop
hostsFilePath = "/etc/hosts"

# hook_unix.go
socketFunc: Callable[[int, int, int], tuple[int, Errno]] = sys_linux.socket
connectFunc: Callable[[int, bytes], Errno] = sys_linux.connect
listenFunc: Callable[[int, int], Errno] = sys_linux.listen
getsockoptIntFunc: Callable[[int, int, int], tuple[int, Errno]] = sys_linux.getsockopt_int
