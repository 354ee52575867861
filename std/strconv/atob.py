"""internal/strconv/atob.go (go1.27.0): booleans to and from text.

ParseBool returns the bare ``ErrSyntax`` code; number.ParseBool wraps it.
"""

from __future__ import annotations

from .atoi import Error, ErrSyntax

__all__ = ["AppendBool", "FormatBool", "ParseBool"]


def ParseBool(str: str) -> tuple[bool, Error | None]:
    """internal/strconv/atob.go: ParseBool. Accepts 1 t T TRUE true True 0 f F FALSE false False."""
    if str in ("1", "t", "T", "true", "TRUE", "True"):
        return True, None
    if str in ("0", "f", "F", "false", "FALSE", "False"):
        return False, None
    return False, ErrSyntax


def FormatBool(b: bool) -> str:
    """internal/strconv/atob.go: FormatBool. "true" or "false"."""
    return "true" if b else "false"


def AppendBool(dst: bytes | bytearray, b: bool) -> bytes:
    """internal/strconv/atob.go: AppendBool. dst followed by "true" or "false"."""
    return bytes(dst) + (b"true" if b else b"false")
