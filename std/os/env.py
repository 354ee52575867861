"""os/env.go (go1.27.0): the process's environment variables.

Go's os package keeps its own copy of the environment (syscall's ``envs``)
and pushes changes down to the C library's; Python's ``os.environ`` is the
same arrangement (a dict over ``putenv``/``unsetenv``), so these functions
read and write ``os.environ``, and a change made through either is seen by
both and by child processes. The environment holds Python ``str``;
variables that are not UTF-8 arrive as surrogate escapes, Python's
convention, and go back out byte for byte.

The checks are syscall's (syscall/env_unix.go): an empty key is never
found; Setenv refuses an empty key, a key with ``=`` or NUL, and a value
with NUL, with ``setenv: invalid argument`` (a ``*os.SyscallError`` around
``EINVAL``).

``Expand`` and ``ExpandEnv`` substitute ``$var`` and ``${var}`` as Go's do:
a variable name is letters, digits and ``_``, or one of the shell's
special names (``$1``, ``$@``, ``$*``...); ``$`` before anything else, or at
the end, is kept; a bad ``${`` or ``${}`` is dropped.
"""

from __future__ import annotations

import os as _pyos
from collections.abc import Callable

from rt.sys_linux import EINVAL
from std.errors import error
from std.os import NewSyscallError

__all__ = ["Clearenv", "Environ", "Expand", "ExpandEnv", "Getenv", "LookupEnv", "Setenv",
           "Unsetenv"]


def Expand(s: str, mapping: Callable[[str], str]) -> str:
    """os/env.go: Expand. s with each $var or ${var} replaced by mapping(var)."""
    buf: list[str] | None = None
    i = 0
    j = 0
    while j < len(s):
        if s[j] == "$" and j + 1 < len(s):
            if buf is None:
                buf = []
            buf.append(s[i:j])
            name, w = getShellName(s[j + 1:])
            if name == "" and w > 0:
                pass  # a bad ${...}: both the '$' and what was read are dropped
            elif name == "":
                buf.append(s[j])  # '$' before something that is no name: kept
            else:
                buf.append(mapping(name))
            j += w
            i = j + 1
        j += 1
    if buf is None:
        return s
    return "".join(buf) + s[i:]


def ExpandEnv(s: str) -> str:
    """os/env.go: ExpandEnv. s with $var and ${var} replaced by the environment's values.

    An unset variable is replaced by "".
    """
    return Expand(s, Getenv)


def isShellSpecialVar(c: str) -> bool:
    """os/env.go: isShellSpecialVar. Whether c names one of the shell's one-character variables."""
    return c in "*#$@!?-0123456789"


def isAlphaNum(c: str) -> bool:
    """os/env.go: isAlphaNum. Whether c may appear in a variable name: ASCII letter, digit or _."""
    return c == "_" or "0" <= c <= "9" or "a" <= c <= "z" or "A" <= c <= "Z"


def getShellName(s: str) -> tuple[str, int]:
    """os/env.go: getShellName. The variable name at the start of s (after a '$'), and its width.

    ("", w > 0) means bad syntax whose w characters are to be dropped.
    """
    if s[0] == "{":
        if len(s) > 2 and isShellSpecialVar(s[1]) and s[2] == "}":
            return s[1:2], 3
        for i in range(1, len(s)):
            if s[i] == "}":
                if i == 1:
                    return "", 2  # "${}"
                return s[1:i], i + 1
        return "", 1  # "${" with no closing brace
    if isShellSpecialVar(s[0]):
        return s[0:1], 1
    i = 0
    while i < len(s) and isAlphaNum(s[i]):
        i += 1
    return s[:i], i


def Getenv(key: str) -> str:
    """os/env.go: Getenv. The value of the environment variable key, or "" when it is unset."""
    v, _ = LookupEnv(key)
    return v


def LookupEnv(key: str) -> tuple[str, bool]:
    """os/env.go: LookupEnv. The value of the environment variable key, and whether it is set."""
    if not key:
        return "", False
    v = _pyos.environ.get(key)
    if v is None:
        return "", False
    return v, True


def Setenv(key: str, value: str) -> error | None:
    """os/env.go: Setenv. Set the environment variable key to value.

    A bad key or value (the module doc) gives "setenv: invalid argument".
    """
    if not key or "=" in key or "\0" in key or "\0" in value:
        return NewSyscallError("setenv", EINVAL)
    _pyos.environ[key] = value
    return None


def Unsetenv(key: str) -> error | None:
    """os/env.go: Unsetenv. Remove the environment variable key (no error if it is unset)."""
    _pyos.environ.pop(key, None)
    return None


def Clearenv() -> None:
    """os/env.go: Clearenv. Remove every environment variable."""
    _pyos.environ.clear()


def Environ() -> list[str]:
    """os/env.go: Environ. A copy of the environment as "key=value" strings."""
    return [k + "=" + v for k, v in _pyos.environ.items()]
