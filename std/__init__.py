"""Go's standard-library companions of network programs (go1.27.0).

One module per Go package, imported as ``from std import io, time, sync,
errors, context, bufio, os, syscall, fmt, log, flag, strconv`` (and ``from
std.os import signal``, ``from std.crypto import tls, x509``);
each implements only what network programs use, with Go's names, semantics
and error texts (API.md).
"""

from rt._version import __version__ as __version__

__all__ = [
    "bufio",
    "context",
    "crypto",
    "errors",
    "flag",
    "fmt",
    "io",
    "log",
    "os",
    "strconv",
    "sync",
    "syscall",
    "time",
]
