"""net/main_unix_test.go + main_cloexec_test.go (go1.27.0): putting a socktest.Switch in place.

``installTestHooks(sw)`` points every socket system call hook at ``sw``:
net's ``socketFunc``, ``connectFunc``, ``listenFunc`` and
``getsockoptIntFunc`` (net/hook.py) and internal/poll's ``CloseFunc`` and
``Accept4Func`` (rt/poll/hook_unix.py); ``uninstallTestHooks()`` puts the
originals back. The originals are saved when this module is imported, as
Go saves them at package initialisation. (Go also swaps ``poll.AcceptFunc``,
which Linux does not use: accept4 covers it.)

Go installs one switch for the whole test binary in TestMain; here the
``sw`` fixture of tests/net/conftest.py installs a fresh one per test.
"""

from __future__ import annotations

from net import hook
from net.internal.socktest import Switch
from rt.poll import hook_unix

# Placeholders for saving the original socket system calls.
origSocket = hook.socketFunc
origClose = hook_unix.CloseFunc
origConnect = hook.connectFunc
origListen = hook.listenFunc
origGetsockoptInt = hook.getsockoptIntFunc
origAccept4 = hook_unix.Accept4Func


def installTestHooks(sw: Switch) -> None:
    """main_unix_test.go: installTestHooks (with installAccept4TestHook)."""
    hook.socketFunc = sw.Socket
    hook_unix.CloseFunc = sw.Close
    hook.connectFunc = sw.Connect
    hook.listenFunc = sw.Listen
    hook.getsockoptIntFunc = sw.GetsockoptInt
    hook_unix.Accept4Func = sw.Accept4


def uninstallTestHooks() -> None:
    """main_unix_test.go: uninstallTestHooks (with uninstallAccept4TestHook)."""
    hook.socketFunc = origSocket
    hook_unix.CloseFunc = origClose
    hook.connectFunc = origConnect
    hook.listenFunc = origListen
    hook.getsockoptIntFunc = origGetsockoptInt
    hook_unix.Accept4Func = origAccept4


def printInflightSockets(sw: Switch) -> str:
    """main_test.go: printInflightSockets, returning the text instead of printing it."""
    sos = sw.Sockets()
    if not sos:
        return ""
    return "Inflight sockets:\n" + "".join(f"{s}: {so}\n" for s, so in sorted(sos.items()))


__all__ = ["installTestHooks", "printInflightSockets", "uninstallTestHooks"]
