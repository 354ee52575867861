"""os/env_test.go (go1.27.0): TestExpand's table, TestConsistentEnviron, TestUnsetenv,
TestLookupEnv; and the port's own checks of Setenv's errors, Hostname and
the process identity functions of std/os/proc.py.
"""

from __future__ import annotations

import os as pyos
import socket
import subprocess
import sys

import pytest

from rt.sys_linux import EINVAL
from std import errors, os


def _testGetenv(s: str) -> str:
    return {
        "*": "all the args", "#": "NARGS", "$": "PID", "1": "ARGUMENT1",
        "HOME": "/usr/gopher", "H": "(Value of H)", "home_1": "/usr/foo", "_": "underscore",
    }.get(s, "")


expandTests = [
    ("", ""),
    ("$*", "all the args"),
    ("$$", "PID"),
    ("${*}", "all the args"),
    ("$1", "ARGUMENT1"),
    ("${1}", "ARGUMENT1"),
    ("now is the time", "now is the time"),
    ("$HOME", "/usr/gopher"),
    ("$home_1", "/usr/foo"),
    ("${HOME}", "/usr/gopher"),
    ("${H}OME", "(Value of H)OME"),
    ("A$$$#$1$H$home_1*B", "APIDNARGSARGUMENT1(Value of H)/usr/foo*B"),
    ("start$+middle$^end$", "start$+middle$^end$"),
    ("mixed$|bag$$$", "mixed$|bagPID$"),
    ("$", "$"),
    ("$}", "$}"),
    ("${", ""),   # invalid syntax: the characters are eaten
    ("${}", ""),  # invalid syntax: the characters are eaten
]


@pytest.mark.parametrize("inp,out", expandTests)
def test_Expand(inp: str, out: str) -> None:
    assert os.Expand(inp, _testGetenv) == out


def test_ConsistentEnviron() -> None:
    e0 = os.Environ()
    for _ in range(10):
        assert os.Environ() == e0


def test_Unsetenv() -> None:
    testKey = "GO_TEST_UNSETENV"

    def isSet() -> bool:
        return any(kv.startswith(testKey + "=") for kv in os.Environ())

    assert os.Setenv(testKey, "1") is None
    assert isSet()
    assert os.Unsetenv(testKey) is None
    assert not isSet()
    assert os.Unsetenv(testKey) is None  # unsetting twice is no error


def test_LookupEnv() -> None:
    smallpox = "SMALLPOX"
    value, ok = os.LookupEnv(smallpox)
    assert (value, ok) == ("", False)
    try:
        assert os.Setenv(smallpox, "virus") is None
        assert os.LookupEnv(smallpox) == ("virus", True)
        assert os.Getenv(smallpox) == "virus"
        assert os.Setenv(smallpox, "") is None
        assert os.LookupEnv(smallpox) == ("", True)  # set, to the empty string
        assert os.Getenv(smallpox) == ""
    finally:
        os.Unsetenv(smallpox)
    assert os.LookupEnv("") == ("", False)


def test_SetenvChildSeesIt() -> None:
    """The environment is the process's: a child started afterwards inherits the change."""
    try:
        assert os.Setenv("GONET_TEST_CHILD", "from parent") is None
        out = subprocess.run([sys.executable, "-c",
                              "import os; print(os.environ['GONET_TEST_CHILD'])"],
                             capture_output=True, text=True, check=True).stdout
        assert out == "from parent\n"
        assert os.ExpandEnv("[$GONET_TEST_CHILD] [${GONET_TEST_NOPE}]") == "[from parent] []"
    finally:
        os.Unsetenv("GONET_TEST_CHILD")


@pytest.mark.parametrize("key,value", [("", "v"), ("A=B", "v"), ("A\0B", "v"), ("K", "a\0b")])
def test_SetenvInvalid(key: str, value: str) -> None:
    """syscall.Setenv's EINVAL, wrapped as Go's os.Setenv does."""
    err = os.Setenv(key, value)
    assert err is not None and err.Error() == "setenv: invalid argument"
    assert isinstance(err, os.SyscallError) and errors.Is(err, EINVAL)
    assert key not in pyos.environ or key == "K"


def test_ProcessIdentity() -> None:
    assert os.Getpid() == pyos.getpid() and os.Getppid() == pyos.getppid()
    assert (os.Getuid(), os.Geteuid()) == (pyos.getuid(), pyos.geteuid())
    assert (os.Getgid(), os.Getegid()) == (pyos.getgid(), pyos.getegid())
    groups, err = os.Getgroups()
    assert err is None and groups == pyos.getgroups()
    name, err = os.Hostname()
    assert err is None and name == socket.gethostname()
