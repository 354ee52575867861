"""strconv/quote.go (go1.27.0): Go string and rune literals, both ways.

Quote and its variants write a Go double-quoted literal, escaping the
quote character and backslash always, and otherwise whatever is not
printable (IsPrint), not ASCII (the ToASCII variants) or not graphic (the
ToGraphic variants): \\a \\b \\f \\n \\r \\t \\v for those controls, \\xNN for
other bytes below 0x20 and 0x7F, \\uNNNN and \\UNNNNNNNN above. Unquote,
UnquoteChar and QuotedPrefix read the three literal forms back.

Strings and bytes. A Go string is any byte sequence; a Python str is a
sequence of code points. We use the convention of ``os.fsdecode`` and
``bytes.decode("utf-8", "surrogateescape")``: a byte that is not part of
valid UTF-8 is the lone surrogate U+DC80+byte. Python's UTF-8 decoder
rejects exactly the sequences Go's ``utf8.DecodeRune`` rejects (overlongs,
encoded surrogates, values past U+10FFFF, truncations) and, under
``surrogateescape``, maps each rejected byte separately, which is how Go's
decoder steps over them one byte at a time. So:

* Quote accepts a str or a bytes-like value (decoded as above) and writes
  each such byte as \\xNN, as Go does for invalid UTF-8;
* Unquote returns a str in which bytes made by \\x or octal escapes that do
  not form valid UTF-8 are lone surrogates; ``.encode("utf-8",
  "surrogateescape")`` gives Go's bytes exactly.

Any other surrogate in a str (which no UTF-8 decoding produces) is treated
as its three encoded bytes, all invalid, as Go would see them.

The error returned by Unquote, UnquoteChar and QuotedPrefix is the bare
ErrSyntax, not a NumError, as in Go.

Left out: ``contains`` (Python's ``in`` operator does its work).
"""

from __future__ import annotations

from bisect import bisect_left

from std.errors import error

from . import isprint as _tab
from .ftoa import _byte
from .number import ErrSyntax

__all__ = [
    "AppendQuote",
    "AppendQuoteRune",
    "AppendQuoteRuneToASCII",
    "AppendQuoteRuneToGraphic",
    "AppendQuoteToASCII",
    "AppendQuoteToGraphic",
    "CanBackquote",
    "IsGraphic",
    "IsPrint",
    "QuoteRune",
    "QuoteRuneToASCII",
    "QuoteRuneToGraphic",
    "Quote",
    "QuoteToASCII",
    "QuoteToGraphic",
    "QuotedPrefix",
    "Unquote",
    "UnquoteChar",
]

lowerhex = "0123456789abcdef"
_RuneError = 0xFFFD
_RuneSelf = 0x80


def _gostr(s: str | bytes | bytearray | memoryview) -> str:
    """A Go string argument as a str; bytes-like values are decoded as the module doc says."""
    if isinstance(s, str):
        return s
    if isinstance(s, (bytes, bytearray, memoryview)):
        return bytes(s).decode("utf-8", "surrogateescape")
    raise TypeError(f"strconv: string argument must be str or bytes, not {type(s).__name__}")


def _rune(r: int | str) -> int:
    """A Go rune argument: an int, or a one-character str standing for a rune literal."""
    if isinstance(r, bool):
        raise TypeError("strconv: rune argument must be an int, not bool")
    if isinstance(r, int):
        return r
    if isinstance(r, str) and len(r) == 1:
        return ord(r)
    raise TypeError(f"strconv: rune argument must be an int, not {type(r).__name__}")


def _validRune(r: int) -> bool:
    """unicode/utf8: ValidRune."""
    return 0 <= r < 0xD800 or 0xDFFF < r <= 0x10FFFF


def _badBytes(ch: str) -> bytes:
    """The Go bytes behind a surrogate character of a str (see the module doc)."""
    cp = ord(ch)
    if 0xDC80 <= cp <= 0xDCFF:
        return bytes([cp - 0xDC00])
    return ch.encode("utf-8", "surrogatepass")


def quoteWith(s: str, quote: str, ASCIIonly: bool, graphicOnly: bool) -> str:
    """strconv/quote.go: quoteWith."""
    return appendQuotedWith([], s, quote, ASCIIonly, graphicOnly)


def quoteRuneWith(r: int, quote: str, ASCIIonly: bool, graphicOnly: bool) -> str:
    """strconv/quote.go: quoteRuneWith."""
    return appendQuotedRuneWith([], r, quote, ASCIIonly, graphicOnly)


def appendQuotedWith(buf: list[str], s: str, quote: str, ASCIIonly: bool, graphicOnly: bool) -> str:
    """strconv/quote.go: appendQuotedWith. buf's text, then s quoted with quote."""
    if s.isascii() and s.isprintable() and quote not in s and "\\" not in s:
        # Printable ASCII without the quote or backslash: nothing to escape.
        buf.extend((quote, s, quote))
        return "".join(buf)
    buf.append(quote)
    for ch in s:
        r = ord(ch)
        if 0xD800 <= r <= 0xDFFF:
            for b in _badBytes(ch):
                buf.append("\\x" + lowerhex[b >> 4] + lowerhex[b & 0xF])
            continue
        appendEscapedRune(buf, r, quote, ASCIIonly, graphicOnly)
    buf.append(quote)
    return "".join(buf)


def appendQuotedRuneWith(
    buf: list[str], r: int, quote: str, ASCIIonly: bool, graphicOnly: bool
) -> str:
    """strconv/quote.go: appendQuotedRuneWith. Invalid runes are quoted as U+FFFD."""
    buf.append(quote)
    if not _validRune(r):
        r = _RuneError
    appendEscapedRune(buf, r, quote, ASCIIonly, graphicOnly)
    buf.append(quote)
    return "".join(buf)


_simpleEscapes = {7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v"}


def appendEscapedRune(
    buf: list[str], r: int, quote: str, ASCIIonly: bool, graphicOnly: bool
) -> None:
    """strconv/quote.go: appendEscapedRune. Appends r, escaped if the mode calls for it."""
    if r == ord(quote) or r == 0x5C:  # the quote and backslash are always escaped
        buf.append("\\" + chr(r))
        return
    if ASCIIonly:
        if r < _RuneSelf and IsPrint(r):
            buf.append(chr(r))
            return
    elif IsPrint(r) or graphicOnly and isInGraphicList(r):
        buf.append(chr(r))
        return
    esc = _simpleEscapes.get(r)
    if esc is not None:
        buf.append(esc)
    elif r < 0x20 or r == 0x7F:
        buf.append("\\x" + lowerhex[r >> 4] + lowerhex[r & 0xF])
    else:
        if not _validRune(r):
            r = 0xFFFD
        if r < 0x10000:
            buf.append(f"\\u{r:04x}")
        else:
            buf.append(f"\\U{r:08x}")


def Quote(s: str | bytes) -> str:
    """strconv/quote.go: Quote. s as a double-quoted Go literal.

    Escapes control and non-printable characters (IsPrint) and bytes that
    are not valid UTF-8; s may be a str or bytes (module doc).
    """
    return quoteWith(_gostr(s), '"', False, False)


def AppendQuote(dst: bytes | bytearray, s: str | bytes) -> bytes:
    """strconv/quote.go: AppendQuote. dst followed by Quote(s)."""
    return bytes(dst) + Quote(s).encode("utf-8")


def QuoteToASCII(s: str | bytes) -> str:
    """strconv/quote.go: QuoteToASCII. Like Quote, but also escapes every non-ASCII character."""
    return quoteWith(_gostr(s), '"', True, False)


def AppendQuoteToASCII(dst: bytes | bytearray, s: str | bytes) -> bytes:
    """strconv/quote.go: AppendQuoteToASCII. dst followed by QuoteToASCII(s)."""
    return bytes(dst) + QuoteToASCII(s).encode("utf-8")


def QuoteToGraphic(s: str | bytes) -> str:
    """strconv/quote.go: QuoteToGraphic. Like Quote, leaving graphic runes (IsGraphic) as is."""
    return quoteWith(_gostr(s), '"', False, True)


def AppendQuoteToGraphic(dst: bytes | bytearray, s: str | bytes) -> bytes:
    """strconv/quote.go: AppendQuoteToGraphic. dst followed by QuoteToGraphic(s)."""
    return bytes(dst) + QuoteToGraphic(s).encode("utf-8")


def QuoteRune(r: int | str) -> str:
    """strconv/quote.go: QuoteRune. r as a single-quoted Go literal; invalid runes become U+FFFD."""
    return quoteRuneWith(_rune(r), "'", False, False)


def AppendQuoteRune(dst: bytes | bytearray, r: int | str) -> bytes:
    """strconv/quote.go: AppendQuoteRune. dst followed by QuoteRune(r)."""
    return bytes(dst) + QuoteRune(r).encode("utf-8")


def QuoteRuneToASCII(r: int | str) -> str:
    """strconv/quote.go: QuoteRuneToASCII. Like QuoteRune, escaping anything non-ASCII."""
    return quoteRuneWith(_rune(r), "'", True, False)


def AppendQuoteRuneToASCII(dst: bytes | bytearray, r: int | str) -> bytes:
    """strconv/quote.go: AppendQuoteRuneToASCII. dst followed by QuoteRuneToASCII(r)."""
    return bytes(dst) + QuoteRuneToASCII(r).encode("utf-8")


def QuoteRuneToGraphic(r: int | str) -> str:
    """strconv/quote.go: QuoteRuneToGraphic. Like QuoteRune, leaving graphic runes as is."""
    return quoteRuneWith(_rune(r), "'", False, True)


def AppendQuoteRuneToGraphic(dst: bytes | bytearray, r: int | str) -> bytes:
    """strconv/quote.go: AppendQuoteRuneToGraphic. dst followed by QuoteRuneToGraphic(r)."""
    return bytes(dst) + QuoteRuneToGraphic(r).encode("utf-8")


def CanBackquote(s: str | bytes) -> bool:
    """strconv/quote.go: CanBackquote: whether s could be written unchanged as a one-line raw
    (backquoted) Go literal: no control characters but tab, no backquote, no DEL, no byte order mark
    and no invalid UTF-8.
    """
    for ch in _gostr(s):
        r = ord(ch)
        if r >= _RuneSelf:
            if 0xD800 <= r <= 0xDFFF:
                return False  # invalid UTF-8
            if r == 0xFEFF:
                return False  # an invisible BOM must not be backquoted
            continue
        if (r < 0x20 and r != 9) or r == 0x60 or r == 0x7F:
            return False
    return True


def unhex(b: str) -> tuple[int, bool]:
    """strconv/quote.go: unhex. The value of one hex digit."""
    if "0" <= b <= "9":
        return ord(b) - 48, True
    if "a" <= b <= "f":
        return ord(b) - ord("a") + 10, True
    if "A" <= b <= "F":
        return ord(b) - ord("A") + 10, True
    return 0, False


def UnquoteChar(s: str | bytes, quote: int | bytes | str) -> tuple[int, bool, str, error | None]:
    """strconv/quote.go: UnquoteChar. Decodes the first character or escape of s.

    Returns (value, multibyte, tail, err): the code point or byte value,
    whether it needs a multibyte UTF-8 encoding, the rest of s, and
    ErrSyntax or None. quote (a byte; 0, "'" or '"') names the literal being
    read: that quote may appear only escaped, the other only unescaped.
    A byte of invalid UTF-8 decodes as U+FFFD, as in Go.
    """
    s = _gostr(s)
    q = chr(_byte(quote, "quote"))
    if len(s) == 0:
        return 0, False, "", ErrSyntax
    c = s[0]
    if c == q and q in "'\"":
        return 0, False, "", ErrSyntax
    if ord(c) >= _RuneSelf:
        if 0xD800 <= ord(c) <= 0xDFFF:
            # Invalid UTF-8: Go's decoder yields RuneError and skips one byte.
            tail = _badBytes(c)[1:].decode("utf-8", "surrogateescape") + s[1:]
            return _RuneError, True, tail, None
        return ord(c), True, s[1:], None
    if c != "\\":
        return ord(c), False, s[1:], None

    # A backslash escape.
    if len(s) <= 1:
        return 0, False, "", ErrSyntax
    c = s[1]
    s = s[2:]
    multibyte = False
    simple = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 0x5C}
    if c in simple:
        value = simple[c]
    elif c in "xuU":
        n = {"x": 2, "u": 4, "U": 8}[c]
        if len(s) < n:
            return 0, False, "", ErrSyntax
        v = 0
        for j in range(n):
            x, ok = unhex(s[j])
            if not ok:
                return 0, False, "", ErrSyntax
            v = v << 4 | x
        s = s[n:]
        if c == "x":
            value = v  # one byte, which need not be valid UTF-8 on its own
        else:
            if not _validRune(v):
                return 0, False, "", ErrSyntax
            value = v
            multibyte = True
    elif "0" <= c <= "7":
        v = ord(c) - 48
        if len(s) < 2:
            return 0, False, "", ErrSyntax
        for j in range(2):  # two more octal digits
            x = ord(s[j]) - 48
            if x < 0 or x > 7:
                return 0, False, "", ErrSyntax
            v = (v << 3) | x
        s = s[2:]
        if v > 255:
            return 0, False, "", ErrSyntax
        value = v
    elif c in "'\"":
        if c != q:
            return 0, False, "", ErrSyntax
        value = ord(c)
    else:
        return 0, False, "", ErrSyntax
    return value, multibyte, s, None


def QuotedPrefix(s: str | bytes) -> tuple[str, error | None]:
    """strconv/quote.go: QuotedPrefix. The literal (as Unquote reads it) that s starts with."""
    out, _, err = unquote(_gostr(s), False)
    return out, err


def Unquote(s: str | bytes) -> tuple[str, error | None]:
    """strconv/quote.go: Unquote. The value of the Go literal s (string, rune or raw string).

    A rune literal gives a one-character string, an empty one ('') the empty
    string. Raw strings drop carriage returns. Anything else, trailing text
    included, gives ("", ErrSyntax).
    """
    out, rem, err = unquote(_gostr(s), True)
    if len(rem) > 0:
        return "", ErrSyntax
    return out, err


def _validUTF8(s: str) -> bool:
    """unicode/utf8: ValidString, for a str under the module's byte convention."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unquote(in_: str, unescape: bool) -> tuple[str, str, error | None]:
    """strconv/quote.go: unquote. Reads the literal at the start of in_.

    Returns (literal, rest, err): the literal's value when unescape is true,
    else its text verbatim, quotes included.
    """
    if len(in_) < 2:
        return "", in_, ErrSyntax
    quote = in_[0]
    end = in_.find(quote, 1)
    if end < 0:
        return "", in_, ErrSyntax
    end += 1  # just past the closing quote, unless escapes moved it

    if quote == "`":
        if not unescape:
            out = in_[:end]
        else:
            # Carriage returns in raw literals are dropped from the value.
            out = in_[1 : end - 1].replace("\r", "")
        # Raw literals are not checked for valid UTF-8, as in Go.
        return out, in_[end:], None
    if quote in "\"'":
        body = in_[1 : end - 1]
        if "\\" not in body and "\n" not in body:
            if quote == '"':
                valid = _validUTF8(body)
            else:
                # Exactly one valid rune, or none at all ('' unquotes to "").
                valid = len(body) == 0 or (len(body) == 1 and _validUTF8(body))
            if valid:
                return (body if unescape else in_[:end]), in_[end:], None

        # Escapes present (or invalid text): decode one character at a time.
        buf = bytearray()
        in0 = in_
        in_ = in_[1:]
        while len(in_) > 0 and in_[0] != quote:
            r, multibyte, rem, err = UnquoteChar(in_, quote)
            if in_[0] == "\n" or err is not None:
                return "", in0, ErrSyntax
            in_ = rem
            if unescape:
                if r < _RuneSelf or not multibyte:
                    buf.append(r)
                else:
                    buf += chr(r).encode("utf-8")
            if quote == "'":
                break  # a rune literal holds one character
        if not (len(in_) > 0 and in_[0] == quote):
            return "", in0, ErrSyntax
        in_ = in_[1:]
        if unescape:
            return buf.decode("utf-8", "surrogateescape"), in_, None
        return in0[: len(in0) - len(in_)], in_, None
    return "", in_, ErrSyntax


def bsearch(s: tuple[int, ...], v: int) -> tuple[int, bool]:
    """strconv/quote.go: bsearch. Where v is or would go in sorted s, and whether it is there."""
    i = bisect_left(s, v)
    return i, i < len(s) and s[i] == v


def IsPrint(r: int | str) -> bool:
    """strconv/quote.go: IsPrint. Go's unicode.IsPrint: letters, marks, numbers, punctuation,
    symbols and the ASCII space, by Go's own Unicode tables.
    """
    r = _rune(r)
    if r <= 0xFF:
        if 0x20 <= r <= 0x7E:
            return True
        if 0xA1 <= r <= 0xFF:
            return r != 0xAD  # soft hyphen
        return False

    # Find the range pair that might hold r (even index: start, odd: end),
    # then make sure r is not one of the listed exceptions.
    if 0 <= r < 1 << 16:
        isPrint, isNotPrint = _tab.isPrint16, _tab.isNotPrint16
        i, _ = bsearch(isPrint, r)
        if i >= len(isPrint) or r < isPrint[i & ~1] or isPrint[i | 1] < r:
            return False
        _, found = bsearch(isNotPrint, r)
        return not found

    isPrint = _tab.isPrint32
    i, _ = bsearch(isPrint, r)
    if i >= len(isPrint) or r < isPrint[i & ~1] or isPrint[i | 1] < r:
        return False
    if r >= 0x20000:
        return True
    _, found = bsearch(_tab.isNotPrint32, r - 0x10000)
    return not found


def IsGraphic(r: int | str) -> bool:
    """strconv/quote.go: IsGraphic. Unicode graphic: IsPrint, plus the non-ASCII spaces (Zs)."""
    r = _rune(r)
    if IsPrint(r):
        return True
    return isInGraphicList(r)


def isInGraphicList(r: int) -> bool:
    """strconv/quote.go: isInGraphicList. Whether r is graphic but not printable (16-bit only)."""
    if r > 0xFFFF:
        return False
    _, found = bsearch(_tab.isGraphic, r)
    return found
