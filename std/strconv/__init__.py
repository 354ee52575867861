"""strconv (go1.27.0): conversions between text and Go's basic types.

``from std import strconv`` gives Go's strconv API with Go's names and
results: ParseInt/ParseUint/Atoi, ParseFloat, ParseBool, ParseComplex
return ``(value, err)`` with a ``*NumError`` (Func, Num, Err; Unwrap) on
failure and never raise for bad text; Format*/Itoa/Append* produce text
(the Append family returns ``bytes``); Quote and friends write and read Go
literals. ErrRange and ErrSyntax are the sentinels; IntSize is 64.

The package mirrors Go's layout: go1.27 keeps the conversions in
internal/strconv (atoi, atob, atof, atoc, ftoa, ctoa, itoa modules here,
reporting bare failure codes) and wraps them in strconv/number.go
(``number``), beside strconv/quote.go and strconv/isprint.go. Each module
says what it takes from CPython instead of Go (float digits and rounding,
notably) and why the output is still Go's, byte for byte.

Not ported: decimal.go and uscale.go (the multiprecision and scaled-integer
float engines, replaced by CPython's correctly rounded conversions) and the
runtime-only helpers of itoa.go; internal/strconv/deps.go (float bit casts
and inf/NaN helpers: ``struct`` and Python floats do their work) and
strconv/bytealg.go and bytealg_bootstrap.go (``index``: ``str.find``). So
rt/gomap.py does not map these files. The generators makeisprint.go and
pow10gen.go (``//go:build ignore``) are not ported either; isprint.go is
(``isprint``), and pow10tab.go holds only tables; neither has a function
to map.
"""

from .number import (
    AppendBool,
    AppendFloat,
    AppendInt,
    AppendUint,
    Atoi,
    ErrRange,
    ErrSyntax,
    FormatBool,
    FormatComplex,
    FormatFloat,
    FormatInt,
    FormatUint,
    IntSize,
    Itoa,
    NumError,
    ParseBool,
    ParseComplex,
    ParseFloat,
    ParseInt,
    ParseUint,
)
from .quote import (
    AppendQuote,
    AppendQuoteRune,
    AppendQuoteRuneToASCII,
    AppendQuoteRuneToGraphic,
    AppendQuoteToASCII,
    AppendQuoteToGraphic,
    CanBackquote,
    IsGraphic,
    IsPrint,
    Quote,
    QuotedPrefix,
    QuoteRune,
    QuoteRuneToASCII,
    QuoteRuneToGraphic,
    QuoteToASCII,
    QuoteToGraphic,
    Unquote,
    UnquoteChar,
)

__all__ = [
    "AppendBool",
    "AppendFloat",
    "AppendInt",
    "AppendQuote",
    "AppendQuoteRune",
    "AppendQuoteRuneToASCII",
    "AppendQuoteRuneToGraphic",
    "AppendQuoteToASCII",
    "AppendQuoteToGraphic",
    "AppendUint",
    "Atoi",
    "CanBackquote",
    "ErrRange",
    "ErrSyntax",
    "FormatBool",
    "FormatComplex",
    "FormatFloat",
    "FormatInt",
    "FormatUint",
    "IntSize",
    "IsGraphic",
    "IsPrint",
    "Itoa",
    "NumError",
    "ParseBool",
    "ParseComplex",
    "ParseFloat",
    "ParseInt",
    "ParseUint",
    "Quote",
    "QuoteRune",
    "QuoteRuneToASCII",
    "QuoteRuneToGraphic",
    "QuoteToASCII",
    "QuoteToGraphic",
    "QuotedPrefix",
    "Unquote",
    "UnquoteChar",
]
