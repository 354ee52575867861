"""crypto/x509 (go1.27.0): certificates parsed from DER, pools, hostname and validity checks.

Go files mirrored, each in a section of this module headed by its name:

- ``golang.org/x/crypto/cryptobyte/asn1.go``: ``_cbString``, a strict DER
  reader. It accepts exactly what Go's cryptobyte accepts: definite,
  minimal lengths of at most four bytes, single-byte tags only, minimal
  INTEGERs, BOOLEANs of 0x00/0xff, BIT STRINGs whose padding bits are zero,
  and times that print back to the same text.
- ``crypto/x509/pkix/pkix.go``: ``Name`` (with Go's ``String()``, RFC 2253
  order and escaping), ``AttributeTypeAndValue``, ``Extension``.
- ``encoding/pem``: only ``_pemBlocks``, the decoding loop tls needs.
- ``crypto/x509/x509.go``: ``Certificate`` with Go's field names, the enums
  ``SignatureAlgorithm`` and ``PublicKeyAlgorithm`` (int subclasses with
  Go's values and ``String()``), the ``KeyUsage`` and ``ExtKeyUsage``
  constants.
- ``crypto/x509/cert_pool.go``: ``CertPool`` (DER only, see below).
- ``crypto/x509/parser.go``: ``ParseCertificate`` and the helpers it calls,
  in Go's order, with Go's error texts.
- ``crypto/x509/verify.go``: the error types, ``Certificate.VerifyHostname``
  and ``_validityError`` (the expiry half of Go's ``isValid``).

How it fits together. ``ParseCertificate`` walks the DER in the order Go's
parser does and stops at the first problem, returning ``(None, err)`` with
the text Go would print ("x509: malformed tbs certificate", "x509: invalid
version", "x509: trailing data"...). It never raises on bad input: every
read goes through ``_cbString``, whose methods answer ``None``/``False``
rather than raising, and an unexpected exception inside the parser is a bug
in this module, not in the input. ``crypto/tls`` reads ``Raw``,
``RawSubject``/``RawIssuer``, ``DNSNames``, ``IPAddresses`` and
``Subject.CommonName`` of the result, and builds Go's verification errors
from them (``HostnameError``, ``_validityError``); the chain itself is still
verified by OpenSSL inside tls (see tls.py), which is why ``CertPool`` only
carries DER for tls to hand to ``ssl.SSLContext``.

Differences from Go, and what is left out:

- ``PublicKey`` is always ``None``: there is no RSA/ECDSA/Ed25519 key type
  in this port, so ``parsePublicKey`` is not mirrored and a certificate
  whose key Go would reject (a bad RSA modulus, an unknown curve) parses
  here. ``PublicKeyAlgorithm`` is still set from the key's OID.
- ``URIs`` holds the URI SANs as ``str`` rather than ``*url.URL``; only the
  IA5 check is applied, not ``url.Parse`` and the host name check.
- Extensions other than key usage, basic constraints, SANs, extended key
  usage, subject/authority key id and authority info access are kept in
  ``Extensions`` but not decoded: name constraints, CRL distribution
  points, certificate policies, policy mappings/constraints and inhibit
  any policy (so their fields do not exist and their malformations are not
  reported). They are counted as handled, never as unhandled critical.
- ``NotBefore``/``NotAfter`` are UTC ``std.time.Time`` values (there are no
  Locations here); a validity time written with an offset keeps the offset
  only privately, for ``_validityError``'s text. std.time has no
  ``Format``, so the RFC 3339 printing is a private helper here.
- A parsed ``Name`` attribute of an unknown type whose value is not a
  string prints as ``oid=#`` and the hex of the value's DER as received,
  where Go re-marshals the parsed value; the two differ only for a
  UTCTime without seconds. (A hand-built one is marshalled, for ints,
  bools and bytes.)
- Negative serial numbers are refused as with Go's default GODEBUG
  (``x509negativeserial=0``).
- From parser.go, not mirrored: ``parsePublicKey`` (above),
  ``parseCertificatePoliciesExtension``, ``isValidIPMask`` and
  ``parseNameConstraintsExtension`` (their extensions are not decoded),
  ``ParseCertificates``, ``ParseRevocationList`` and its helpers (no CRLs
  here); ``forEachSAN`` is folded into ``parseSANExtension``. From
  verify.go, only the validity-period part of ``isValid`` is here
  (``_validityError``, which tls calls for Go's expiry text).
- Left out entirely: ``Verify``/``VerifyOptions`` (OpenSSL verifies
  chains), ``CheckSignature*``, ``CreateCertificate``, the key parsers and
  marshalers (PKCS#1, PKCS#8, SEC 1), CRLs, certificate requests, and
  ``OID``/``Policies``.
"""

from __future__ import annotations

import base64
import re
import ssl
from dataclasses import dataclass, field
from typing import Any, Final

import net
from net import netip
from std import errors, time
from std.errors import error

__all__ = [
    "AttributeTypeAndValue",
    "CANotAuthorizedForThisName",
    "CertPool",
    "Certificate",
    "CertificateInvalidError",
    "DSA",
    "DSAWithSHA1",
    "DSAWithSHA256",
    "ECDSA",
    "ECDSAWithSHA1",
    "ECDSAWithSHA256",
    "ECDSAWithSHA384",
    "ECDSAWithSHA512",
    "Ed25519",
    "Expired",
    "ExtKeyUsage",
    "ExtKeyUsageAny",
    "ExtKeyUsageClientAuth",
    "ExtKeyUsageCodeSigning",
    "ExtKeyUsageEmailProtection",
    "ExtKeyUsageIPSECEndSystem",
    "ExtKeyUsageIPSECTunnel",
    "ExtKeyUsageIPSECUser",
    "ExtKeyUsageMicrosoftCommercialCodeSigning",
    "ExtKeyUsageMicrosoftKernelCodeSigning",
    "ExtKeyUsageMicrosoftServerGatedCrypto",
    "ExtKeyUsageNetscapeServerGatedCrypto",
    "ExtKeyUsageOCSPSigning",
    "ExtKeyUsageServerAuth",
    "ExtKeyUsageTimeStamping",
    "Extension",
    "HostnameError",
    "IncompatibleUsage",
    "InvalidReason",
    "KeyUsage",
    "KeyUsageCRLSign",
    "KeyUsageCertSign",
    "KeyUsageContentCommitment",
    "KeyUsageDataEncipherment",
    "KeyUsageDecipherOnly",
    "KeyUsageDigitalSignature",
    "KeyUsageEncipherOnly",
    "KeyUsageKeyAgreement",
    "KeyUsageKeyEncipherment",
    "MD2WithRSA",
    "MD5WithRSA",
    "MLDSA",
    "MLDSA44",
    "MLDSA65",
    "MLDSA87",
    "Name",
    "NameMismatch",
    "NewCertPool",
    "NoValidChains",
    "NotAuthorizedToSign",
    "ParseCertificate",
    "PublicKeyAlgorithm",
    "PureEd25519",
    "RSA",
    "SHA1WithRSA",
    "SHA256WithRSA",
    "SHA256WithRSAPSS",
    "SHA384WithRSA",
    "SHA384WithRSAPSS",
    "SHA512WithRSA",
    "SHA512WithRSAPSS",
    "SignatureAlgorithm",
    "SystemCertPool",
    "SystemRootsError",
    "TooManyIntermediates",
    "UnhandledCriticalExtension",
    "UnknownAuthorityError",
    "UnknownPublicKeyAlgorithm",
    "UnknownSignatureAlgorithm",
]


# ---- encoding/pem (only the decoding loop tls needs)


def _pemBlocks(data: bytes | str) -> list[tuple[str, bytes]]:
    """encoding/pem.Decode, repeated: every (Type, Bytes) block in data, in order.

    Headers inside a block ("Proc-Type: ...") are skipped; a block whose
    base64 does not decode is left out, as pem.Decode skips it.
    """
    if isinstance(data, str):
        data = data.encode()
    out = []
    for m in _pemRE.finditer(data):
        body = b"".join(ln for ln in m.group(2).splitlines() if b":" not in ln)
        try:
            der = base64.b64decode(body, validate=False)
        except ValueError:
            continue
        out.append((m.group(1).decode("ascii", "replace"), der))
    return out


_pemRE: Final = re.compile(rb"-----BEGIN ([^\r\n-]+)-----\r?\n(.*?)-----END \1-----", re.DOTALL)


def _pem(der: bytes) -> str:
    return ssl.DER_cert_to_PEM_cert(der)


# ---- golang.org/x/crypto/cryptobyte/asn1.go
#
# Tags are the whole identifier octet, as in cryptobyte: class in the top two
# bits, 0x20 for constructed, the number in the low five.

_BOOLEAN: Final = 1
_INTEGER: Final = 2
_BIT_STRING: Final = 3
_OCTET_STRING: Final = 4
_NULL: Final = 5
_OBJECT_IDENTIFIER: Final = 6
_UTF8String: Final = 12
_SEQUENCE: Final = 16 | 0x20
_SET: Final = 17 | 0x20
_NumericString: Final = 18
_PrintableString: Final = 19
_T61String: Final = 20
_IA5String: Final = 22
_UTCTime: Final = 23
_GeneralizedTime: Final = 24
_BMPString: Final = 30
_classConstructed: Final = 0x20
_classContextSpecific: Final = 0x80

ObjectIdentifier = tuple[int, ...]
"""encoding/asn1.ObjectIdentifier: the arcs of an OID."""


def _oidString(oid: ObjectIdentifier) -> str:
    """encoding/asn1.ObjectIdentifier.String: the arcs joined by dots."""
    return ".".join(str(a) for a in oid)


@dataclass(frozen=True)
class _BitString:
    """encoding/asn1.BitString: Bytes holds BitLength bits, the first in the top bit."""

    Bytes: bytes = b""
    BitLength: int = 0

    def At(self, i: int) -> int:
        """encoding/asn1.BitString.At: bit i, or 0 when i is out of range."""
        if i < 0 or i >= self.BitLength:
            return 0
        return (self.Bytes[i // 8] >> (7 - i % 8)) & 1

    def RightAlign(self) -> bytes:
        """encoding/asn1.BitString.RightAlign: the bits shifted so the padding is at the front."""
        shift = 8 - self.BitLength % 8
        if shift == 8 or not self.Bytes:
            return self.Bytes
        n = int.from_bytes(self.Bytes, "big") >> shift
        return n.to_bytes(len(self.Bytes), "big")


@dataclass(frozen=True)
class _RawValue:
    """encoding/asn1.RawValue: an element kept undecoded (class, tag, content, encoding)."""

    Class: int = 0
    Tag: int = 0
    IsCompound: bool = False
    Bytes: bytes = b""
    FullBytes: bytes = b""


@dataclass(frozen=True)
class _asn1Time:
    """A decoded UTCTime/GeneralizedTime: Unix seconds and the offset it was written with."""

    sec: int
    offset: int  # seconds east of UTC as written; 0 for "Z"

    def Time(self) -> time.Time:
        return time.Unix(self.sec, 0)


class _cbString:
    """cryptobyte.String: DER input consumed from the front.

    Each Read method either consumes one element and returns what it read,
    or returns None/False and leaves the position undefined, as cryptobyte
    does; callers give up at the first failure. Nothing here raises on bad
    input.
    """

    __slots__ = ("s",)

    def __init__(self, s: bytes = b"") -> None:
        self.s = bytes(s)

    def Empty(self) -> bool:
        """cryptobyte.String.Empty: nothing left to read."""
        return not self.s

    def _readASN1(self, skipHeader: bool) -> tuple[int, bytes] | None:
        """cryptobyte.String.readASN1: one element's tag and its content (or whole encoding)."""
        s = self.s
        if len(s) < 2:
            return None
        tag, lenByte = s[0], s[1]
        if tag & 0x1F == 0x1F:
            # High tag numbers (several identifier octets) are not supported, as in Go.
            return None
        if lenByte & 0x80 == 0:
            length = lenByte + 2
            headerLen = 2
        else:
            lenLen = lenByte & 0x7F
            if lenLen == 0 or lenLen > 4 or len(s) < 2 + lenLen:
                return None
            len32 = int.from_bytes(s[2:2 + lenLen], "big")
            # DER: the long form only for lengths >= 128, and with no leading zero byte.
            if len32 < 128 or len32 >> ((lenLen - 1) * 8) == 0:
                return None
            headerLen = 2 + lenLen
            length = headerLen + len32
        if len(s) < length:
            return None
        self.s = s[length:]
        return tag, (s[headerLen:length] if skipHeader else s[:length])

    def ReadAnyASN1(self) -> tuple[int, bytes] | None:
        """cryptobyte.String.ReadAnyASN1: the next element's tag and content."""
        return self._readASN1(True)

    def ReadAnyASN1Element(self) -> tuple[int, bytes] | None:
        """cryptobyte.String.ReadAnyASN1Element: the next element's tag and full encoding."""
        return self._readASN1(False)

    def ReadASN1(self, tag: int) -> bytes | None:
        """cryptobyte.String.ReadASN1: the content of the next element, which must have tag."""
        r = self._readASN1(True)
        if r is None or r[0] != tag:
            return None
        return r[1]

    def ReadASN1Element(self, tag: int) -> bytes | None:
        """cryptobyte.String.ReadASN1Element: the full encoding of the next element, of tag."""
        r = self._readASN1(False)
        if r is None or r[0] != tag:
            return None
        return r[1]

    def PeekASN1Tag(self, tag: int) -> bool:
        """cryptobyte.String.PeekASN1Tag: whether the next element has tag."""
        return len(self.s) > 0 and self.s[0] == tag

    def ReadOptionalASN1(self, tag: int) -> tuple[bool, bytes | None]:
        """cryptobyte.String.ReadOptionalASN1: (ok, content or None when absent)."""
        if not self.PeekASN1Tag(tag):
            return True, None
        v = self.ReadASN1(tag)
        return v is not None, v

    def SkipOptionalASN1(self, tag: int) -> bool:
        """cryptobyte.String.SkipOptionalASN1: skip the next element if it has tag."""
        if not self.PeekASN1Tag(tag):
            return True
        return self.ReadASN1(tag) is not None

    def ReadASN1BigInt(self) -> int | None:
        """cryptobyte.String.ReadASN1Integer into a *big.Int: any minimal INTEGER."""
        b = self.ReadASN1(_INTEGER)
        if b is None or not _checkASN1Integer(b):
            return None
        return int.from_bytes(b, "big", signed=True)

    def ReadASN1Int64(self) -> int | None:
        """cryptobyte.String.ReadASN1Integer into an int64: a minimal INTEGER of at most 8 bytes."""
        b = self.ReadASN1(_INTEGER)
        if b is None or not _checkASN1Integer(b) or len(b) > 8:
            return None
        return int.from_bytes(b, "big", signed=True)

    def ReadASN1Uint64(self) -> int | None:
        """cryptobyte.String.ReadASN1Integer into a uint64: a minimal non-negative INTEGER."""
        b = self.ReadASN1(_INTEGER)
        if b is None or not _checkASN1Integer(b):
            return None
        if len(b) > 9 or (len(b) == 9 and b[0] != 0) or b[0] & 0x80:
            return None
        return int.from_bytes(b, "big")

    def ReadASN1Boolean(self) -> bool | None:
        """cryptobyte.String.ReadASN1Boolean: DER's BOOLEAN, one byte 0x00 or 0xff."""
        b = self.ReadASN1(_BOOLEAN)
        if b is None or len(b) != 1 or b[0] not in (0, 0xFF):
            return None
        return b[0] == 0xFF

    def ReadASN1BitString(self) -> _BitString | None:
        """cryptobyte.String.ReadASN1BitString: a BIT STRING whose unused bits are zero."""
        b = self.ReadASN1(_BIT_STRING)
        if b is None or len(b) == 0:
            return None
        paddingBits = b[0]
        body = b[1:]
        if (paddingBits > 7 or (not body and paddingBits != 0)
                or (body and body[-1] & ((1 << paddingBits) - 1) != 0)):
            return None
        return _BitString(Bytes=body, BitLength=len(body) * 8 - paddingBits)

    def ReadASN1ObjectIdentifier(self) -> ObjectIdentifier | None:
        """cryptobyte.String.ReadASN1ObjectIdentifier: the arcs of an OBJECT IDENTIFIER."""
        b = self.ReadASN1(_OBJECT_IDENTIFIER)
        if not b:
            return None
        arcs: list[int] = []
        i = 0
        while i < len(b):
            r = _readBase128Int(b, i)
            if r is None:
                return None
            v, i = r
            if not arcs:
                # The first subidentifier packs two arcs: 40*X + Y, X at most 2.
                arcs.extend((v // 40, v % 40) if v < 80 else (2, v - 80))
            else:
                arcs.append(v)
        return tuple(arcs)

    def ReadASN1UTCTime(self) -> _asn1Time | None:
        """cryptobyte.String.ReadASN1UTCTime: "YYMMDDhhmm[ss]Z" or with a ±hhmm offset.

        Two-digit years 50..99 are 1950..1999 and 00..49 are 2000..2049.
        """
        b = self.ReadASN1(_UTCTime)
        if b is None:
            return None
        t = _parseASN1TimeText(b, 2, True)
        if t is None:
            t = _parseASN1TimeText(b, 2, False)
        return t

    def ReadASN1GeneralizedTime(self) -> _asn1Time | None:
        """cryptobyte.String.ReadASN1GeneralizedTime: "YYYYMMDDhhmmssZ" or with a ±hhmm offset."""
        b = self.ReadASN1(_GeneralizedTime)
        if b is None:
            return None
        return _parseASN1TimeText(b, 4, True)


def _checkASN1Integer(b: bytes) -> bool:
    """cryptobyte.checkASN1Integer: non-empty and minimally encoded (no redundant sign byte)."""
    if len(b) == 0:
        return False
    if len(b) == 1:
        return True
    return not ((b[0] == 0 and b[1] & 0x80 == 0) or (b[0] == 0xFF and b[1] & 0x80 == 0x80))


def _readBase128Int(b: bytes, i: int) -> tuple[int, int] | None:
    """cryptobyte.String.readBase128Int: one OID subidentifier at b[i:], and where it ends.

    Like Go, refuses a leading 0x80 (non-minimal), more than five bytes, and
    values that do not fit in 31 bits.
    """
    ret = 0
    n = 0
    while i < len(b):
        if n == 5 or ret >= 1 << (31 - 7):
            return None
        c = b[i]
        if n == 0 and c == 0x80:
            return None
        ret = (ret << 7) | (c & 0x7F)
        i += 1
        n += 1
        if c & 0x80 == 0:
            return ret, i
    return None


_daysIn: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _isLeap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _daysFromCivil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of the proleptic Gregorian date y-m-d."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _parseASN1TimeText(b: bytes, yearDigits: int, withSeconds: bool) -> _asn1Time | None:
    """time.Parse then Format with cryptobyte's layouts, kept only if the text round-trips.

    Discussion: cryptobyte parses with "060102150405Z0700" (or
    "20060102150405Z0700", or "0601021504Z0700") and refuses any text that
    Format would not print back identically. That leaves exactly: fixed
    two-digit fields (four for a GeneralizedTime year), valid calendar
    values, no fractional seconds, and a zone that is "Z" or a non-zero
    ±hhmm with mm < 60 and hh <= 24. We check that directly.
    """
    try:
        s = b.decode("ascii")
    except UnicodeDecodeError:
        return None
    n = yearDigits + 8 + (2 if withSeconds else 0)
    digits = s[:n]
    if len(digits) != n or not all("0" <= c <= "9" for c in digits):
        return None
    year = int(digits[:yearDigits])
    if yearDigits == 2:
        year += 1900 if year >= 50 else 2000
    rest = [int(digits[i:i + 2]) for i in range(yearDigits, n, 2)]
    month, day, hour, minute = rest[:4]
    second = rest[4] if withSeconds else 0
    if not 1 <= month <= 12:
        return None
    dim = 29 if month == 2 and _isLeap(year) else _daysIn[month - 1]
    if not 1 <= day <= dim or hour > 23 or minute > 59 or second > 59:
        return None
    zone = s[n:]
    if zone == "Z":
        offset = 0
    else:
        if (len(zone) != 5 or zone[0] not in "+-"
                or not all("0" <= c <= "9" for c in zone[1:])):
            return None
        hh, mm = int(zone[1:3]), int(zone[3:5])
        if hh > 24 or mm > 59 or (hh == 0 and mm == 0):
            return None
        offset = (hh * 3600 + mm * 60) * (1 if zone[0] == "+" else -1)
    days = _daysFromCivil(year, month, day)
    sec = days * 86400 + hour * 3600 + minute * 60 + second - offset
    return _asn1Time(sec, offset)


# ---- crypto/x509/pkix/pkix.go


@dataclass(frozen=True)
class AttributeTypeAndValue:
    """crypto/x509/pkix.AttributeTypeAndValue: one attribute of a distinguished name.

    ``Type`` is the OID as a tuple of ints; ``Value`` is what parser.go's
    readASN1Any returns: a ``str`` for the string types, an ``int`` for an
    INTEGER, ``bytes`` for an OCTET STRING, a tuple for an OID, a bool, a
    ``std.time.Time``, ``None`` for NULL, or an undecoded value otherwise.
    ``_der`` keeps the value's DER for ``Name.String``.
    """

    Type: ObjectIdentifier = ()
    Value: Any = None
    _der: bytes = b""


@dataclass(frozen=True)
class Extension:
    """crypto/x509/pkix.Extension: one certificate extension, Value still DER-encoded."""

    Id: ObjectIdentifier = ()
    Critical: bool = False
    Value: bytes = b""


RDNSequence = list[list[AttributeTypeAndValue]]
"""crypto/x509/pkix.RDNSequence: the RDN sets of a Name, in DER order."""

_attributeTypeNames: Final = {
    "2.5.4.6": "C",
    "2.5.4.10": "O",
    "2.5.4.11": "OU",
    "2.5.4.3": "CN",
    "2.5.4.5": "SERIALNUMBER",
    "2.5.4.7": "L",
    "2.5.4.8": "ST",
    "2.5.4.9": "STREET",
    "2.5.4.17": "POSTALCODE",
}


def _rdnSequenceString(r: RDNSequence) -> str:
    """crypto/x509/pkix.RDNSequence.String: RFC 2253 text, last RDN first.

    Attributes of one RDN are joined by "+", RDNs by ",". Known types print
    by short name (CN, O...), others by dotted OID; an unknown type whose
    value is not a string prints as "#" and the value's DER in hex. In
    values, ``, + " \\ < > ;`` are escaped everywhere, a space only first or
    last, and "#" only first.
    """
    parts = []
    for rdn in reversed(r):
        atvs = []
        for tv in rdn:
            oidString = _oidString(tv.Type)
            typeName = _attributeTypeNames.get(oidString)
            if typeName is None:
                # Go re-marshals the value; Marshal(nil) fails, so NULL prints as text.
                der = b""
                if not isinstance(tv.Value, str) and tv.Value is not None:
                    der = tv._der or _marshalValue(tv.Value)
                if der:
                    atvs.append(oidString + "=#" + der.hex())
                    continue
                typeName = oidString
            valueString = _goSprint(tv.Value)
            last = len(valueString.encode()) - 1
            out = []
            k = 0  # byte offset, as Go's range over a string counts
            for c in valueString:
                esc = (c in ',+"\\<>;' or (c == " " and (k == 0 or k == last))
                       or (c == "#" and k == 0))
                out.append("\\" + c if esc else c)
                k += len(c.encode())
            atvs.append(typeName + "=" + "".join(out))
        parts.append("+".join(atvs))
    return ",".join(parts)


def _marshalValue(v: Any) -> bytes:
    """encoding/asn1.Marshal for the simple kinds a hand-built attribute may hold, else b""."""
    if isinstance(v, bool):
        tag, body = _BOOLEAN, b"\xff" if v else b"\x00"
    elif isinstance(v, int):
        n = (v + (v < 0)).bit_length() // 8 + 1
        tag, body = _INTEGER, v.to_bytes(n, "big", signed=True)
    elif isinstance(v, bytes):
        tag, body = _OCTET_STRING, v
    else:
        return b""
    if len(body) < 128:
        return bytes((tag, len(body))) + body
    ln = len(body).to_bytes((len(body).bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(ln))) + ln + body


def _goSprint(v: Any) -> str:
    """fmt.Sprint for the value kinds an attribute can hold."""
    if v is None:
        return "<nil>"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return v
    if isinstance(v, tuple):
        return _oidString(v)
    if isinstance(v, bytes):
        return "[" + " ".join(str(x) for x in v) + "]"
    if isinstance(v, time.Time):
        return v.String()
    return str(v)


_oidCountry: Final = (2, 5, 4, 6)
_oidOrganization: Final = (2, 5, 4, 10)
_oidOrganizationalUnit: Final = (2, 5, 4, 11)
_oidCommonName: Final = (2, 5, 4, 3)
_oidSerialNumber: Final = (2, 5, 4, 5)
_oidLocality: Final = (2, 5, 4, 7)
_oidProvince: Final = (2, 5, 4, 8)
_oidStreetAddress: Final = (2, 5, 4, 9)
_oidPostalCode: Final = (2, 5, 4, 17)
_standardNameArcs: Final = frozenset((3, 5, 6, 7, 8, 9, 10, 11, 17))


@dataclass(eq=False)
class Name:
    """crypto/x509/pkix.Name: a distinguished name, with the common attributes pulled out.

    ``Names`` holds every attribute parsed, in order; the list fields and
    ``SerialNumber``/``CommonName`` repeat the ones of the standard types
    whose value is a string. ``ExtraNames`` is only for building names (Go
    uses it when marshalling); the parser leaves it empty.
    """

    Country: list[str] = field(default_factory=list)
    Organization: list[str] = field(default_factory=list)
    OrganizationalUnit: list[str] = field(default_factory=list)
    Locality: list[str] = field(default_factory=list)
    Province: list[str] = field(default_factory=list)
    StreetAddress: list[str] = field(default_factory=list)
    PostalCode: list[str] = field(default_factory=list)
    SerialNumber: str = ""
    CommonName: str = ""
    Names: list[AttributeTypeAndValue] = field(default_factory=list)
    ExtraNames: list[AttributeTypeAndValue] = field(default_factory=list)

    def FillFromRDNSequence(self, rdns: RDNSequence) -> None:
        """crypto/x509/pkix.Name.FillFromRDNSequence: add rdns's attributes to n.

        Every attribute goes to ``Names``; string values of the standard
        types also go to their field (a repeated CN or serial number keeps
        the last one).
        """
        for rdn in rdns:
            for atv in rdn:
                self.Names.append(atv)
                value = atv.Value
                if not isinstance(value, str):
                    continue
                t = atv.Type
                if len(t) == 4 and t[:3] == (2, 5, 4):
                    a = t[3]
                    if a == 3:
                        self.CommonName = value
                    elif a == 5:
                        self.SerialNumber = value
                    elif a == 6:
                        self.Country.append(value)
                    elif a == 7:
                        self.Locality.append(value)
                    elif a == 8:
                        self.Province.append(value)
                    elif a == 9:
                        self.StreetAddress.append(value)
                    elif a == 10:
                        self.Organization.append(value)
                    elif a == 11:
                        self.OrganizationalUnit.append(value)
                    elif a == 17:
                        self.PostalCode.append(value)

    def _appendRDNs(self, into: RDNSequence, values: list[str],
                    oid: ObjectIdentifier) -> RDNSequence:
        """crypto/x509/pkix.Name.appendRDNs: values as one multi-valued RDN of type oid."""
        if not values or any(a.Type == oid for a in self.ExtraNames):
            return into
        into.append([AttributeTypeAndValue(Type=oid, Value=v) for v in values])
        return into

    def ToRDNSequence(self) -> RDNSequence:
        """crypto/x509/pkix.Name.ToRDNSequence: the fields as RDNs, in Go's fixed order.

        C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER, then each of
        ``ExtraNames`` as its own RDN; ``Names`` is not consulted.
        """
        ret: RDNSequence = []
        ret = self._appendRDNs(ret, self.Country, _oidCountry)
        ret = self._appendRDNs(ret, self.Province, _oidProvince)
        ret = self._appendRDNs(ret, self.Locality, _oidLocality)
        ret = self._appendRDNs(ret, self.StreetAddress, _oidStreetAddress)
        ret = self._appendRDNs(ret, self.PostalCode, _oidPostalCode)
        ret = self._appendRDNs(ret, self.Organization, _oidOrganization)
        ret = self._appendRDNs(ret, self.OrganizationalUnit, _oidOrganizationalUnit)
        if self.CommonName:
            ret = self._appendRDNs(ret, [self.CommonName], _oidCommonName)
        if self.SerialNumber:
            ret = self._appendRDNs(ret, [self.SerialNumber], _oidSerialNumber)
        for atv in self.ExtraNames:
            ret.append([atv])
        return ret

    def String(self) -> str:
        """crypto/x509/pkix.Name.String: the name as RFC 2253 text, e.g. "CN=server,O=Acme".

        As in Go this is rebuilt from the fields, not from the DER order: the
        attributes of non-standard types (say emailAddress) come last, then
        the standard fields from SERIALNUMBER and CN down to C. Several
        values of one field share an RDN ("O=a+O=b").
        """
        rdns: RDNSequence = []
        if not self.ExtraNames:
            for atv in self.Names:
                t = atv.Type
                if len(t) == 4 and t[:3] == (2, 5, 4) and t[3] in _standardNameArcs:
                    continue
                rdns.append([atv])
        rdns.extend(self.ToRDNSequence())
        return _rdnSequenceString(rdns)

    def __str__(self) -> str:
        return self.String()


# ---- crypto/x509/x509.go


class SignatureAlgorithm(int):
    """crypto/x509.SignatureAlgorithm: an int with Go's values; ``String()`` gives Go's name."""

    def String(self) -> str:
        """crypto/x509.SignatureAlgorithm.String: "SHA256-RSA", "ECDSA-SHA256"... or the number."""
        return _sigAlgoNames.get(int(self), str(int(self)))

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"SignatureAlgorithm({int(self)})"


UnknownSignatureAlgorithm: Final = SignatureAlgorithm(0)
MD2WithRSA: Final = SignatureAlgorithm(1)
MD5WithRSA: Final = SignatureAlgorithm(2)
SHA1WithRSA: Final = SignatureAlgorithm(3)
SHA256WithRSA: Final = SignatureAlgorithm(4)
SHA384WithRSA: Final = SignatureAlgorithm(5)
SHA512WithRSA: Final = SignatureAlgorithm(6)
DSAWithSHA1: Final = SignatureAlgorithm(7)
DSAWithSHA256: Final = SignatureAlgorithm(8)
ECDSAWithSHA1: Final = SignatureAlgorithm(9)
ECDSAWithSHA256: Final = SignatureAlgorithm(10)
ECDSAWithSHA384: Final = SignatureAlgorithm(11)
ECDSAWithSHA512: Final = SignatureAlgorithm(12)
SHA256WithRSAPSS: Final = SignatureAlgorithm(13)
SHA384WithRSAPSS: Final = SignatureAlgorithm(14)
SHA512WithRSAPSS: Final = SignatureAlgorithm(15)
PureEd25519: Final = SignatureAlgorithm(16)
MLDSA44: Final = SignatureAlgorithm(17)
MLDSA65: Final = SignatureAlgorithm(18)
MLDSA87: Final = SignatureAlgorithm(19)


class PublicKeyAlgorithm(int):
    """crypto/x509.PublicKeyAlgorithm: an int with Go's values; ``String()`` gives Go's name."""

    def String(self) -> str:
        """crypto/x509.PublicKeyAlgorithm.String: "RSA", "ECDSA"... or the number."""
        if 0 < self < len(_publicKeyAlgoName):
            return _publicKeyAlgoName[self]
        return str(int(self))

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"PublicKeyAlgorithm({int(self)})"


UnknownPublicKeyAlgorithm: Final = PublicKeyAlgorithm(0)
RSA: Final = PublicKeyAlgorithm(1)
DSA: Final = PublicKeyAlgorithm(2)
ECDSA: Final = PublicKeyAlgorithm(3)
Ed25519: Final = PublicKeyAlgorithm(4)
MLDSA: Final = PublicKeyAlgorithm(5)

_publicKeyAlgoName: Final = ("", "RSA", "DSA", "ECDSA", "Ed25519", "ML-DSA")

_oidSignatureMD5WithRSA: Final = (1, 2, 840, 113549, 1, 1, 4)
_oidSignatureSHA1WithRSA: Final = (1, 2, 840, 113549, 1, 1, 5)
_oidSignatureSHA256WithRSA: Final = (1, 2, 840, 113549, 1, 1, 11)
_oidSignatureSHA384WithRSA: Final = (1, 2, 840, 113549, 1, 1, 12)
_oidSignatureSHA512WithRSA: Final = (1, 2, 840, 113549, 1, 1, 13)
_oidSignatureRSAPSS: Final = (1, 2, 840, 113549, 1, 1, 10)
_oidSignatureDSAWithSHA1: Final = (1, 2, 840, 10040, 4, 3)
_oidSignatureDSAWithSHA256: Final = (2, 16, 840, 1, 101, 3, 4, 3, 2)
_oidSignatureECDSAWithSHA1: Final = (1, 2, 840, 10045, 4, 1)
_oidSignatureECDSAWithSHA256: Final = (1, 2, 840, 10045, 4, 3, 2)
_oidSignatureECDSAWithSHA384: Final = (1, 2, 840, 10045, 4, 3, 3)
_oidSignatureECDSAWithSHA512: Final = (1, 2, 840, 10045, 4, 3, 4)
_oidSignatureEd25519: Final = (1, 3, 101, 112)
_oidISOSignatureSHA1WithRSA: Final = (1, 3, 14, 3, 2, 29)
_oidSHA256: Final = (2, 16, 840, 1, 101, 3, 4, 2, 1)
_oidSHA384: Final = (2, 16, 840, 1, 101, 3, 4, 2, 2)
_oidSHA512: Final = (2, 16, 840, 1, 101, 3, 4, 2, 3)
_oidMGF1: Final = (1, 2, 840, 113549, 1, 1, 8)
_oidPublicKeyRSA: Final = (1, 2, 840, 113549, 1, 1, 1)
_oidPublicKeyDSA: Final = (1, 2, 840, 10040, 4, 1)
_oidPublicKeyECDSA: Final = (1, 2, 840, 10045, 2, 1)
_oidPublicKeyEd25519: Final = (1, 3, 101, 112)
_oidPublicKeyMLDSA44: Final = (2, 16, 840, 1, 101, 3, 4, 3, 17)
_oidPublicKeyMLDSA65: Final = (2, 16, 840, 1, 101, 3, 4, 3, 18)
_oidPublicKeyMLDSA87: Final = (2, 16, 840, 1, 101, 3, 4, 3, 19)

# crypto/x509.signatureAlgorithmDetails, less the RSA-PSS rows (the PSS OID
# is resolved from its parameters in getSignatureAlgorithmFromAI).
_signatureAlgorithmDetails: Final = (
    (MD5WithRSA, "MD5-RSA", _oidSignatureMD5WithRSA),
    (SHA1WithRSA, "SHA1-RSA", _oidSignatureSHA1WithRSA),
    (SHA1WithRSA, "SHA1-RSA", _oidISOSignatureSHA1WithRSA),
    (SHA256WithRSA, "SHA256-RSA", _oidSignatureSHA256WithRSA),
    (SHA384WithRSA, "SHA384-RSA", _oidSignatureSHA384WithRSA),
    (SHA512WithRSA, "SHA512-RSA", _oidSignatureSHA512WithRSA),
    (DSAWithSHA1, "DSA-SHA1", _oidSignatureDSAWithSHA1),
    (DSAWithSHA256, "DSA-SHA256", _oidSignatureDSAWithSHA256),
    (ECDSAWithSHA1, "ECDSA-SHA1", _oidSignatureECDSAWithSHA1),
    (ECDSAWithSHA256, "ECDSA-SHA256", _oidSignatureECDSAWithSHA256),
    (ECDSAWithSHA384, "ECDSA-SHA384", _oidSignatureECDSAWithSHA384),
    (ECDSAWithSHA512, "ECDSA-SHA512", _oidSignatureECDSAWithSHA512),
    (PureEd25519, "Ed25519", _oidSignatureEd25519),
    (MLDSA44, "ML-DSA-44", _oidPublicKeyMLDSA44),
    (MLDSA65, "ML-DSA-65", _oidPublicKeyMLDSA65),
    (MLDSA87, "ML-DSA-87", _oidPublicKeyMLDSA87),
)
_sigAlgoNames: Final = {int(a): n for a, n, _ in _signatureAlgorithmDetails} | {
    13: "SHA256-RSAPSS", 14: "SHA384-RSAPSS", 15: "SHA512-RSAPSS"}

_asn1NullBytes: Final = b"\x05\x00"


@dataclass(frozen=True)
class _AlgorithmIdentifier:
    """crypto/x509/pkix.AlgorithmIdentifier: an OID and its parameters' full DER (or b"")."""

    Algorithm: ObjectIdentifier = ()
    Parameters: bytes = b""


def getSignatureAlgorithmFromAI(ai: _AlgorithmIdentifier) -> SignatureAlgorithm:
    """crypto/x509.getSignatureAlgorithmFromAI: the SignatureAlgorithm an identifier names.

    Ed25519 and ML-DSA must come without parameters. RSA-PSS is recognised
    only with Go's three parameter sets: SHA-256/384/512 for both the hash
    and MGF1, salt length equal to the hash size, trailer field 1.
    Anything else is ``UnknownSignatureAlgorithm``.
    """
    if ai.Algorithm in (_oidSignatureEd25519, _oidPublicKeyMLDSA44, _oidPublicKeyMLDSA65,
                        _oidPublicKeyMLDSA87) and ai.Parameters:
        return UnknownSignatureAlgorithm
    if ai.Algorithm != _oidSignatureRSAPSS:
        for algo, _, oid in _signatureAlgorithmDetails:
            if ai.Algorithm == oid:
                return algo
        return UnknownSignatureAlgorithm
    p = _parsePSSParameters(ai.Parameters)
    if p is None:
        return UnknownSignatureAlgorithm
    hashAI, mgfAI, mgfHash, saltLength, trailer = p
    if ((hashAI.Parameters and hashAI.Parameters != _asn1NullBytes)
            or mgfAI.Algorithm != _oidMGF1
            or mgfHash.Algorithm != hashAI.Algorithm
            or (mgfHash.Parameters and mgfHash.Parameters != _asn1NullBytes)
            or trailer != 1):
        return UnknownSignatureAlgorithm
    if hashAI.Algorithm == _oidSHA256 and saltLength == 32:
        return SHA256WithRSAPSS
    if hashAI.Algorithm == _oidSHA384 and saltLength == 48:
        return SHA384WithRSAPSS
    if hashAI.Algorithm == _oidSHA512 and saltLength == 64:
        return SHA512WithRSAPSS
    return UnknownSignatureAlgorithm


def _parsePSSParameters(der: bytes) -> tuple[_AlgorithmIdentifier, _AlgorithmIdentifier,
                                              _AlgorithmIdentifier, int, int] | None:
    """asn1.Unmarshal into crypto/x509.pssParameters, and MGF's parameters into an identifier.

    The four fields are explicitly tagged [0]..[3]; Go's struct tags make
    hash, MGF and salt length required and the trailer field default to 1.
    """
    s = _cbString(der)
    seq = s.ReadASN1(_SEQUENCE)
    if seq is None:
        return None
    body = _cbString(seq)
    out: list[Any] = []
    for n in range(4):
        tag = n | _classConstructed | _classContextSpecific
        if not body.PeekASN1Tag(tag):
            if n < 3:
                return None
            out.append(1)
            break
        inner = _cbString(body.ReadASN1(tag) or b"")
        if n < 2:
            aiSeq = inner.ReadASN1(_SEQUENCE)
            if aiSeq is None:
                return None
            ai, err = _parseAI(_cbString(aiSeq))
            if err is not None:
                return None
            out.append(ai)
        else:
            v = inner.ReadASN1Int64()
            if v is None:
                return None
            out.append(v)
    hashAI, mgfAI, saltLength, trailer = out
    m = _cbString(mgfAI.Parameters)
    mgfSeq = m.ReadASN1(_SEQUENCE)
    if mgfSeq is None:
        return None
    mgfHash, err = _parseAI(_cbString(mgfSeq))
    if err is not None:
        return None
    return hashAI, mgfAI, mgfHash, saltLength, trailer


def getPublicKeyAlgorithmFromOID(oid: ObjectIdentifier) -> PublicKeyAlgorithm:
    """crypto/x509.getPublicKeyAlgorithmFromOID: the key type an SPKI algorithm OID names."""
    if oid == _oidPublicKeyRSA:
        return RSA
    if oid == _oidPublicKeyDSA:
        return DSA
    if oid == _oidPublicKeyECDSA:
        return ECDSA
    if oid == _oidPublicKeyEd25519:
        return Ed25519
    if oid in (_oidPublicKeyMLDSA44, _oidPublicKeyMLDSA65, _oidPublicKeyMLDSA87):
        return MLDSA
    return UnknownPublicKeyAlgorithm


KeyUsage = int
"""crypto/x509.KeyUsage: a bit set of the KeyUsage* flags below."""

KeyUsageDigitalSignature: Final = 1 << 0
KeyUsageContentCommitment: Final = 1 << 1
KeyUsageKeyEncipherment: Final = 1 << 2
KeyUsageDataEncipherment: Final = 1 << 3
KeyUsageKeyAgreement: Final = 1 << 4
KeyUsageCertSign: Final = 1 << 5
KeyUsageCRLSign: Final = 1 << 6
KeyUsageEncipherOnly: Final = 1 << 7
KeyUsageDecipherOnly: Final = 1 << 8

ExtKeyUsage = int
"""crypto/x509.ExtKeyUsage: one extended key usage, numbered as in Go."""

ExtKeyUsageAny: Final = 0
ExtKeyUsageServerAuth: Final = 1
ExtKeyUsageClientAuth: Final = 2
ExtKeyUsageCodeSigning: Final = 3
ExtKeyUsageEmailProtection: Final = 4
ExtKeyUsageIPSECEndSystem: Final = 5
ExtKeyUsageIPSECTunnel: Final = 6
ExtKeyUsageIPSECUser: Final = 7
ExtKeyUsageTimeStamping: Final = 8
ExtKeyUsageOCSPSigning: Final = 9
ExtKeyUsageMicrosoftServerGatedCrypto: Final = 10
ExtKeyUsageNetscapeServerGatedCrypto: Final = 11
ExtKeyUsageMicrosoftCommercialCodeSigning: Final = 12
ExtKeyUsageMicrosoftKernelCodeSigning: Final = 13

# crypto/x509.extKeyUsageOIDs
_extKeyUsageOIDs: Final = {
    (2, 5, 29, 37, 0): ExtKeyUsageAny,
    (1, 3, 6, 1, 5, 5, 7, 3, 1): ExtKeyUsageServerAuth,
    (1, 3, 6, 1, 5, 5, 7, 3, 2): ExtKeyUsageClientAuth,
    (1, 3, 6, 1, 5, 5, 7, 3, 3): ExtKeyUsageCodeSigning,
    (1, 3, 6, 1, 5, 5, 7, 3, 4): ExtKeyUsageEmailProtection,
    (1, 3, 6, 1, 5, 5, 7, 3, 5): ExtKeyUsageIPSECEndSystem,
    (1, 3, 6, 1, 5, 5, 7, 3, 6): ExtKeyUsageIPSECTunnel,
    (1, 3, 6, 1, 5, 5, 7, 3, 7): ExtKeyUsageIPSECUser,
    (1, 3, 6, 1, 5, 5, 7, 3, 8): ExtKeyUsageTimeStamping,
    (1, 3, 6, 1, 5, 5, 7, 3, 9): ExtKeyUsageOCSPSigning,
    (1, 3, 6, 1, 4, 1, 311, 10, 3, 3): ExtKeyUsageMicrosoftServerGatedCrypto,
    (2, 16, 840, 1, 113730, 4, 1): ExtKeyUsageNetscapeServerGatedCrypto,
    (1, 3, 6, 1, 4, 1, 311, 2, 1, 22): ExtKeyUsageMicrosoftCommercialCodeSigning,
    (1, 3, 6, 1, 4, 1, 311, 61, 1, 1): ExtKeyUsageMicrosoftKernelCodeSigning,
}

# Certificate's fields shadow these type names inside its class body.
_SignatureAlgorithm = SignatureAlgorithm
_PublicKeyAlgorithm = PublicKeyAlgorithm

_oidExtensionSubjectAltName: Final = (2, 5, 29, 17)
_oidExtensionAuthorityInfoAccess: Final = (1, 3, 6, 1, 5, 5, 7, 1, 1)
_oidAuthorityInfoAccessOcsp: Final = (1, 3, 6, 1, 5, 5, 7, 48, 1)
_oidAuthorityInfoAccessIssuers: Final = (1, 3, 6, 1, 5, 5, 7, 48, 2)


@dataclass(eq=False)
class Certificate:
    """crypto/x509.Certificate: an X.509 v1-v3 certificate, as ParseCertificate decodes it.

    Field names and meanings are Go's. ``Raw*`` are slices of the input
    DER; ``SerialNumber`` is a Python int (Go's ``*big.Int``);
    ``NotBefore``/``NotAfter`` are UTC ``std.time.Time``; ``IPAddresses``
    holds ``net.IP``; ``URIs`` holds ``str`` (not ``*url.URL``);
    ``PublicKey`` is always None (see the module docstring). OIDs are
    tuples of ints. A Certificate is not changed after parsing.
    ``SubjectCommonName`` is a read-only alias for ``Subject.CommonName``,
    kept for older callers.
    """

    Raw: bytes = b""
    RawTBSCertificate: bytes = b""
    RawSubjectPublicKeyInfo: bytes = b""
    RawSubject: bytes = b""
    RawIssuer: bytes = b""
    RawSignatureAlgorithm: bytes = b""
    Signature: bytes = b""
    SignatureAlgorithm: _SignatureAlgorithm = UnknownSignatureAlgorithm
    PublicKeyAlgorithm: _PublicKeyAlgorithm = UnknownPublicKeyAlgorithm
    PublicKey: Any = None
    Version: int = 0
    SerialNumber: int | None = None
    Issuer: Name = field(default_factory=Name)
    Subject: Name = field(default_factory=Name)
    NotBefore: time.Time = field(default_factory=time.Time)
    NotAfter: time.Time = field(default_factory=time.Time)
    KeyUsage: int = 0
    Extensions: list[Extension] = field(default_factory=list)
    UnhandledCriticalExtensions: list[ObjectIdentifier] = field(default_factory=list)
    ExtKeyUsage: list[int] = field(default_factory=list)
    UnknownExtKeyUsage: list[ObjectIdentifier] = field(default_factory=list)
    BasicConstraintsValid: bool = False
    IsCA: bool = False
    MaxPathLen: int = 0
    MaxPathLenZero: bool = False
    SubjectKeyId: bytes = b""
    AuthorityKeyId: bytes = b""
    OCSPServer: list[str] = field(default_factory=list)
    IssuingCertificateURL: list[str] = field(default_factory=list)
    DNSNames: list[str] = field(default_factory=list)
    EmailAddresses: list[str] = field(default_factory=list)
    IPAddresses: list[net.IP] = field(default_factory=list)
    URIs: list[str] = field(default_factory=list)
    # The offsets (seconds east of UTC) NotBefore/NotAfter were written with,
    # so _validityError can print them as Go's Format(RFC3339) would.
    _notBeforeOffset: int = 0
    _notAfterOffset: int = 0

    @property
    def SubjectCommonName(self) -> str:
        """Subject.CommonName (an alias from the earlier, reduced Certificate)."""
        return self.Subject.CommonName

    def Equal(self, other: Certificate | None) -> bool:
        """crypto/x509.Certificate.Equal: the same DER encoding."""
        if other is None:
            return False
        return self.Raw == other.Raw

    def hasSANExtension(self) -> bool:
        """crypto/x509.Certificate.hasSANExtension: whether a subjectAltName extension is present.

        True even when the extension lists no name Go understands; that
        decides whether HostnameError mentions the legacy Common Name.
        """
        return any(e.Id == _oidExtensionSubjectAltName for e in self.Extensions)

    def VerifyHostname(self, h: str) -> error | None:
        """crypto/x509.Certificate.VerifyHostname: None if the certificate is valid for host h.

        An IP address (optionally in brackets, IPv6 zones allowed) is
        matched against ``IPAddresses`` only. Any other name is compared
        ASCII-case-insensitively with ``DNSNames``; when both the name and
        the SAN are valid host names, a SAN may start with a "*." wildcard
        label and a trailing dot on h is ignored. The Common Name is never
        consulted. A mismatch returns a ``HostnameError``.
        """
        return _verifyHostname(self, h)


class UnhandledCriticalExtension(Exception):
    """crypto/x509.UnhandledCriticalExtension: a critical extension this package cannot process."""

    _goType = "x509.UnhandledCriticalExtension"  # what %T prints (std/fmt.py)

    def Error(self) -> str:
        """crypto/x509.UnhandledCriticalExtension.Error: the message "x509: unhandled critical
        extension".
        """
        return "x509: unhandled critical extension"

    def __str__(self) -> str:
        return self.Error()


# ---- crypto/x509/cert_pool.go


@dataclass(eq=False)
class CertPool:
    """crypto/x509.CertPool: a set of trusted certificates.

    Holds the certificates as DER; ``_system`` marks a pool that starts
    from OpenSSL's default verify paths (what ``SystemCertPool`` returns).
    """

    _certs: list[bytes] = field(default_factory=list)
    _system: bool = False

    def AddCert(self, cert: Certificate) -> None:
        """crypto/x509.CertPool.AddCert: trust cert as a root in this pool; adding the same
        certificate twice keeps one copy.
        """
        if cert is None:
            from rt.panic import Panic

            raise Panic("adding nil Certificate to CertPool")
        if cert.Raw not in self._certs:
            self._certs.append(cert.Raw)

    def AppendCertsFromPEM(self, pemCerts: bytes | str) -> bool:
        """crypto/x509.CertPool.AppendCertsFromPEM: trust every CERTIFICATE block.

        Returns whether any certificate was added. Blocks of other types and
        certificates that do not parse are skipped, as in Go.
        """
        ok = False
        for typ, der in _pemBlocks(pemCerts):
            if typ != "CERTIFICATE":
                continue
            c, err = ParseCertificate(der)
            if err is not None or c is None:
                continue
            self.AddCert(c)
            ok = True
        return ok

    def Equal(self, other: CertPool | None) -> bool:
        """crypto/x509.CertPool.Equal: the same certificates (and system flag)."""
        if other is None:
            return False
        return self._system == other._system and set(self._certs) == set(other._certs)

    def Clone(self) -> CertPool:
        """crypto/x509.CertPool.Clone: an independent copy of the pool; adding to one does not
        change the other.
        """
        return CertPool(list(self._certs), self._system)

    def _load(self, ctx: ssl.SSLContext) -> None:
        """Install this pool as ctx's trust anchors (the port's bridge to OpenSSL)."""
        if self._system:
            ctx.load_default_certs()
        if self._certs:
            ctx.load_verify_locations(cadata="".join(_pem(d) for d in self._certs))


def NewCertPool() -> CertPool:
    """crypto/x509.NewCertPool: a new pool with no certificates (not even the system roots)."""
    return CertPool()


def SystemCertPool() -> tuple[CertPool | None, error | None]:
    """crypto/x509.SystemCertPool: a pool that trusts the system's roots.

    The roots are OpenSSL's default verify paths, loaded when the pool is
    installed in a tls.Config; certificates added later are trusted too.
    """
    return CertPool(_system=True), None


# ---- crypto/x509/parser.go


def isPrintable(b: int) -> bool:
    """crypto/x509.isPrintable: whether byte b may appear in a PrintableString.

    Go also lets "*" and "&" through: real certificates put them there.
    """
    return (0x61 <= b <= 0x7A or 0x41 <= b <= 0x5A or 0x30 <= b <= 0x39
            or 0x27 <= b <= 0x29 or 0x2B <= b <= 0x2F
            or b in b" :=?*&")


def parseASN1String(tag: int, value: bytes) -> tuple[str, error | None]:
    """crypto/x509.parseASN1String: the text of a DirectoryString-like value.

    T61String is read as Latin-1 (as Go and BoringSSL do); PrintableString,
    UTF8String, IA5String and NumericString are checked for their
    alphabets; a BMPString (UCS-2) loses a trailing NUL and may not hold
    surrogates or noncharacters.
    """
    if tag == _T61String:
        return value.decode("latin-1"), None
    if tag == _PrintableString:
        if not all(isPrintable(b) for b in value):
            return "", errors.New("invalid PrintableString")
        return value.decode("ascii"), None
    if tag == _UTF8String:
        try:
            return value.decode("utf-8"), None
        except UnicodeDecodeError:
            return "", errors.New("invalid UTF-8 string")
    if tag == _BMPString:
        if len(value) % 2 != 0:
            return "", errors.New("invalid BMPString")
        if len(value) >= 2 and value[-1] == 0 and value[-2] == 0:
            value = value[:-2]
        chars = []
        for i in range(0, len(value), 2):
            point = (value[i] << 8) | value[i + 1]
            if (point in (0xFFFE, 0xFFFF) or 0xFDD0 <= point <= 0xFDEF
                    or 0xD800 <= point <= 0xDFFF):
                return "", errors.New("invalid BMPString")
            chars.append(chr(point))
        return "".join(chars), None
    if tag == _IA5String:
        if not value.isascii():
            return "", errors.New("invalid IA5String")
        return value.decode("ascii"), None
    if tag == _NumericString:
        if not all(0x30 <= b <= 0x39 or b == 0x20 for b in value):
            return "", errors.New("invalid NumericString")
        return value.decode("ascii"), None
    return "", errors.New(f"unsupported string type: {tag}")


_stringTags: Final = frozenset((_T61String, _PrintableString, _UTF8String, _BMPString,
                                _IA5String, _NumericString))


def readASN1Any(der: _cbString) -> tuple[Any, bytes, error | None]:
    """crypto/x509.readASN1Any: decode one attribute value, whatever its type.

    Returns (value, the element's DER, err); the value kinds are listed on
    ``AttributeTypeAndValue``.
    """
    r = der.ReadAnyASN1Element()
    if r is None:
        return None, b"", errors.New("invalid ASN.1 element")
    valueTag, full = r
    fullValue = _cbString(full)
    if valueTag in _stringTags:
        raw = fullValue.ReadASN1(valueTag)
        if raw is None:
            return None, full, errors.New("invalid ASN.1 element")
        s, err = parseASN1String(valueTag, raw)
        return (None if err is not None else s), full, err
    if valueTag == _INTEGER:
        i = fullValue.ReadASN1Int64()
        if i is None:
            return None, full, errors.New("invalid ASN.1 integer")
        return i, full, None
    if valueTag == _BIT_STRING:
        bs = fullValue.ReadASN1BitString()
        if bs is None:
            return None, full, errors.New("invalid ASN.1 BIT STRING")
        return bs, full, None
    if valueTag == _OCTET_STRING:
        o = fullValue.ReadASN1(_OCTET_STRING)
        if o is None:
            return None, full, errors.New("invalid ASN.1 OCTET STRING")
        return o, full, None
    if valueTag == _OBJECT_IDENTIFIER:
        oid = fullValue.ReadASN1ObjectIdentifier()
        if oid is None:
            return None, full, errors.New("invalid ASN.1 OBJECT IDENTIFIER")
        return oid, full, None
    if valueTag in (_UTCTime, _GeneralizedTime):
        t, err = readASN1Time(fullValue)
        return (t.Time() if t is not None else None), full, err
    if valueTag == _BOOLEAN:
        b = fullValue.ReadASN1Boolean()
        if b is None:
            return None, full, errors.New("invalid ASN.1 BOOLEAN")
        return b, full, None
    if valueTag == _NULL:
        return None, full, None
    rr = fullValue.ReadAnyASN1()
    if rr is None:
        return None, full, errors.New("invalid ASN.1 element")
    return _RawValue(Class=valueTag >> 6, Tag=valueTag & 0x1F, IsCompound=bool(valueTag & 0x20),
                     Bytes=rr[1], FullBytes=full), full, None


def parseName(raw: bytes) -> tuple[RDNSequence | None, error | None]:
    """crypto/x509.parseName: the RDN sequence of a DER Name (issuer or subject)."""
    body = _cbString(raw).ReadASN1(_SEQUENCE)
    if body is None:
        return None, errors.New("x509: invalid RDNSequence")
    rs = _cbString(body)
    rdnSeq: RDNSequence = []
    while not rs.Empty():
        setBytes = rs.ReadASN1(_SET)
        if setBytes is None:
            return None, errors.New("x509: invalid RDNSequence")
        st = _cbString(setBytes)
        rdnSet: list[AttributeTypeAndValue] = []
        while not st.Empty():
            atvBytes = st.ReadASN1(_SEQUENCE)
            if atvBytes is None:
                return None, errors.New("x509: invalid RDNSequence: invalid attribute")
            atv = _cbString(atvBytes)
            typ = atv.ReadASN1ObjectIdentifier()
            if typ is None:
                return None, errors.New("x509: invalid RDNSequence: invalid attribute type")
            value, der, err = readASN1Any(atv)
            if err is not None:
                return None, errors.New(
                    "x509: invalid RDNSequence: invalid attribute value: " + err.Error())
            rdnSet.append(AttributeTypeAndValue(Type=typ, Value=value, _der=der))
        rdnSeq.append(rdnSet)
    return rdnSeq, None


def _parseAI(der: _cbString) -> tuple[_AlgorithmIdentifier, error | None]:
    """crypto/x509.parseAI: an AlgorithmIdentifier's OID and raw parameters, or the error."""
    oid = der.ReadASN1ObjectIdentifier()
    if oid is None:
        return _AlgorithmIdentifier(), errors.New("x509: malformed OID")
    if der.Empty():
        return _AlgorithmIdentifier(Algorithm=oid), None
    r = der.ReadAnyASN1Element()
    if r is None:
        return _AlgorithmIdentifier(), errors.New("x509: malformed parameters")
    return _AlgorithmIdentifier(Algorithm=oid, Parameters=r[1]), None


def readASN1Time(der: _cbString) -> tuple[_asn1Time | None, error | None]:
    """crypto/x509.readASN1Time: a UTCTime or a GeneralizedTime, whichever comes next."""
    if der.PeekASN1Tag(_UTCTime):
        t = der.ReadASN1UTCTime()
        if t is None:
            return None, errors.New("x509: malformed UTCTime")
        return t, None
    if der.PeekASN1Tag(_GeneralizedTime):
        t = der.ReadASN1GeneralizedTime()
        if t is None:
            return None, errors.New("x509: malformed GeneralizedTime")
        return t, None
    return None, errors.New("x509: unsupported time format")


def parseValidity(der: _cbString) -> tuple[_asn1Time | None, _asn1Time | None, error | None]:
    """crypto/x509.parseValidity: (notBefore, notAfter, err)."""
    notBefore, err = readASN1Time(der)
    if err is not None:
        return None, None, err
    notAfter, err = readASN1Time(der)
    if err is not None:
        return None, None, err
    return notBefore, notAfter, None


def parseExtension(der: _cbString) -> tuple[Extension | None, error | None]:
    """crypto/x509.parseExtension: one Extension (OID, optional critical flag, OCTET STRING)."""
    oid = der.ReadASN1ObjectIdentifier()
    if oid is None:
        return None, errors.New("x509: malformed extension OID field")
    critical = False
    if der.PeekASN1Tag(_BOOLEAN):
        b = der.ReadASN1Boolean()
        if b is None:
            return None, errors.New("x509: malformed extension critical field")
        critical = b
    val = der.ReadASN1(_OCTET_STRING)
    if val is None:
        return None, errors.New("x509: malformed extension value field")
    return Extension(Id=oid, Critical=critical, Value=val), None


def parseKeyUsageExtension(der: bytes) -> tuple[int, error | None]:
    """crypto/x509.parseKeyUsageExtension: the KeyUsage bits (the first nine) of a BIT STRING."""
    usageBits = _cbString(der).ReadASN1BitString()
    if usageBits is None:
        return 0, errors.New("x509: invalid key usage")
    usage = 0
    for i in range(9):
        if usageBits.At(i):
            usage |= 1 << i
    return usage, None


def parseBasicConstraintsExtension(der: bytes) -> tuple[bool, int, error | None]:
    """crypto/x509.parseBasicConstraintsExtension: (isCA, maxPathLen, err); -1 means no limit."""
    bad = errors.New("x509: invalid basic constraints")
    seq = _cbString(der).ReadASN1(_SEQUENCE)
    if seq is None:
        return False, 0, bad
    s = _cbString(seq)
    isCA = False
    if s.PeekASN1Tag(_BOOLEAN):
        b = s.ReadASN1Boolean()
        if b is None:
            return False, 0, bad
        isCA = b
    maxPathLen = -1
    if s.PeekASN1Tag(_INTEGER):
        mpl = s.ReadASN1Uint64()
        if mpl is None or mpl > (1 << 63) - 1:  # Go: mpl > math.MaxInt
            return False, 0, bad
        maxPathLen = mpl
    return isCA, maxPathLen, None


_nameTypeEmail: Final = 1
_nameTypeDNS: Final = 2
_nameTypeURI: Final = 6
_nameTypeIP: Final = 7


def _isIA5(b: bytes) -> bool:
    """crypto/x509.isIA5String, on bytes: only ASCII (invalid UTF-8 fails too, as in Go)."""
    return b.isascii()


def parseSANExtension(der: bytes) -> tuple[list[str], list[str], list[net.IP], list[str],
                                           error | None]:
    """crypto/x509.parseSANExtension: (dnsNames, emailAddresses, ipAddresses, uris, err).

    Mirrors forEachSAN too: each GeneralName's context tag picks the list;
    other kinds (otherName, directoryName...) are skipped. An IP must be 4
    or 16 bytes, and a 16-byte one may not be IPv4-mapped. URIs are kept as
    text after the IA5 check (Go also parses them with net/url).
    """
    dnsNames: list[str] = []
    emails: list[str] = []
    ips: list[net.IP] = []
    uris: list[str] = []

    def fail(msg: str) -> tuple[list[str], list[str], list[net.IP], list[str], error]:
        return [], [], [], [], errors.New(msg)

    seq = _cbString(der).ReadASN1(_SEQUENCE)
    if seq is None:
        return fail("x509: invalid subject alternative names")
    s = _cbString(seq)
    while not s.Empty():
        r = s.ReadAnyASN1()
        if r is None:
            return fail("x509: invalid subject alternative name")
        tag, data = r[0] ^ 0x80, r[1]
        if tag == _nameTypeEmail:
            if not _isIA5(data):
                return fail("x509: SAN rfc822Name is malformed")
            emails.append(data.decode("ascii"))
        elif tag == _nameTypeDNS:
            if not _isIA5(data):
                return fail("x509: SAN dNSName is malformed")
            dnsNames.append(data.decode("ascii"))
        elif tag == _nameTypeURI:
            if not _isIA5(data):
                return fail("x509: SAN uniformResourceIdentifier is malformed")
            uris.append(data.decode("ascii"))
        elif tag == _nameTypeIP:
            if len(data) == 16:
                if data[:12] == b"\x00" * 10 + b"\xff\xff":
                    return fail("x509: SAN iPAddress contains IPv4-mapped IPv6 address")
                ips.append(net.IP(data))
            elif len(data) == 4:
                ips.append(net.IP(data))
            else:
                return fail("x509: cannot parse IP address of length " + str(len(data)))
    return dnsNames, emails, ips, uris, None


def parseAuthorityKeyIdentifier(e: Extension) -> tuple[bytes, error | None]:
    """crypto/x509.parseAuthorityKeyIdentifier: the keyIdentifier [0] field, or b"" if absent."""
    if e.Critical:
        # RFC 5280 4.2.1.1 requires this extension to be non-critical.
        return b"", errors.New("x509: authority key identifier incorrectly marked critical")
    akid = _cbString(e.Value).ReadASN1(_SEQUENCE)
    if akid is None:
        return b"", errors.New("x509: invalid authority key identifier")
    a = _cbString(akid)
    tag = 0 | _classContextSpecific
    if a.PeekASN1Tag(tag):
        kid = a.ReadASN1(tag)
        if kid is None:
            return b"", errors.New("x509: invalid authority key identifier")
        return kid, None
    return b"", None


def parseExtKeyUsageExtension(der: bytes) -> tuple[list[int], list[ObjectIdentifier],
                                                   error | None]:
    """crypto/x509.parseExtKeyUsageExtension: (known ExtKeyUsages, unknown OIDs, err)."""
    seq = _cbString(der).ReadASN1(_SEQUENCE)
    if seq is None:
        return [], [], errors.New("x509: invalid extended key usages")
    s = _cbString(seq)
    known: list[int] = []
    unknown: list[ObjectIdentifier] = []
    while not s.Empty():
        eku = s.ReadASN1ObjectIdentifier()
        if eku is None:
            return [], [], errors.New("x509: invalid extended key usages")
        u = _extKeyUsageOIDs.get(eku)
        if u is None:
            unknown.append(eku)
        else:
            known.append(u)
    return known, unknown, None


def _parseAuthorityInfoAccess(out: Certificate, e: Extension) -> error | None:
    """crypto/x509.processExtensions, the authority info access branch: OCSP and issuer URLs."""
    if e.Critical:
        return errors.New("x509: authority info access incorrectly marked critical")
    bad = errors.New("x509: invalid authority info access")
    seq = _cbString(e.Value).ReadASN1(_SEQUENCE)
    if seq is None:
        return bad
    s = _cbString(seq)
    while not s.Empty():
        aia = s.ReadASN1(_SEQUENCE)
        if aia is None:
            return bad
        a = _cbString(aia)
        method = a.ReadASN1ObjectIdentifier()
        if method is None:
            return bad
        uriTag = 6 | _classContextSpecific
        if not a.PeekASN1Tag(uriTag):
            continue
        loc = a.ReadASN1(uriTag)
        if loc is None:
            return bad
        text = loc.decode("utf-8", "replace")
        if method == _oidAuthorityInfoAccessOcsp:
            out.OCSPServer.append(text)
        elif method == _oidAuthorityInfoAccessIssuers:
            out.IssuingCertificateURL.append(text)
    return None


# The 2.5.29.x extensions Go decodes but this port only counts as handled
# (name constraints, CRL distribution points, policy mappings, certificate
# policies, policy constraints, inhibit any policy): see the module docstring.
_skippedExtensionArcs: Final = frozenset((30, 31, 32, 33, 36, 54))


def processExtensions(out: Certificate) -> error | None:
    """crypto/x509.processExtensions: fill the Certificate fields from its extensions.

    Unknown extensions marked critical are listed in
    ``UnhandledCriticalExtensions``, as is a critical SAN extension that
    holds no name Go understands.
    """
    for e in out.Extensions:
        unhandled = False
        err: error | None = None
        if len(e.Id) == 4 and e.Id[:3] == (2, 5, 29):
            arc = e.Id[3]
            if arc == 15:
                out.KeyUsage, err = parseKeyUsageExtension(e.Value)
            elif arc == 19:
                out.IsCA, out.MaxPathLen, err = parseBasicConstraintsExtension(e.Value)
                if err is None:
                    out.BasicConstraintsValid = True
                    out.MaxPathLenZero = out.MaxPathLen == 0
            elif arc == 17:
                (out.DNSNames, out.EmailAddresses, out.IPAddresses, out.URIs,
                 err) = parseSANExtension(e.Value)
                if err is None and not (out.DNSNames or out.EmailAddresses
                                        or out.IPAddresses or out.URIs):
                    # Nothing usable in it: let the criticality check below decide.
                    unhandled = True
            elif arc == 35:
                out.AuthorityKeyId, err = parseAuthorityKeyIdentifier(e)
            elif arc == 37:
                out.ExtKeyUsage, out.UnknownExtKeyUsage, err = parseExtKeyUsageExtension(e.Value)
            elif arc == 14:
                if e.Critical:
                    # RFC 5280 4.2.1.2 requires this extension to be non-critical.
                    return errors.New("x509: subject key identifier incorrectly marked critical")
                skid = _cbString(e.Value).ReadASN1(_OCTET_STRING)
                if skid is None:
                    return errors.New("x509: invalid subject key identifier")
                out.SubjectKeyId = skid
            elif arc not in _skippedExtensionArcs:
                unhandled = True
        elif e.Id == _oidExtensionAuthorityInfoAccess:
            err = _parseAuthorityInfoAccess(out, e)
        else:
            unhandled = True
        if err is not None:
            return err
        if e.Critical and unhandled:
            out.UnhandledCriticalExtensions.append(e.Id)
    return None


def parseCertificate(der: bytes) -> tuple[Certificate | None, error | None]:
    """crypto/x509.parseCertificate: decode the certificate at the start of der.

    Bytes after the first element are ignored here; ParseCertificate
    rejects them.
    """
    def bad(msg: str) -> tuple[None, error]:
        return None, errors.New(msg)

    cert = Certificate()
    raw = _cbString(der).ReadASN1Element(_SEQUENCE)
    if raw is None:
        return bad("x509: malformed certificate")
    cert.Raw = raw
    body = _cbString(raw).ReadASN1(_SEQUENCE)
    if body is None:
        return bad("x509: malformed certificate")
    inp = _cbString(body)

    rawTBS = inp.ReadASN1Element(_SEQUENCE)
    if rawTBS is None:
        return bad("x509: malformed tbs certificate")
    cert.RawTBSCertificate = rawTBS
    tbsBody = _cbString(rawTBS).ReadASN1(_SEQUENCE)
    if tbsBody is None:
        return bad("x509: malformed tbs certificate")
    tbs = _cbString(tbsBody)

    # version [0] EXPLICIT INTEGER DEFAULT v1
    ok, vbytes = tbs.ReadOptionalASN1(0 | _classConstructed | _classContextSpecific)
    if not ok:
        return bad("x509: malformed version")
    version = 0
    if vbytes is not None:
        vs = _cbString(vbytes)
        v = vs.ReadASN1Int64()
        if v is None or not vs.Empty():
            return bad("x509: malformed version")
        version = v
    if version < 0:
        return bad("x509: malformed version")
    # Go's Version counts from 1 (X.509 v3 is 3), the encoding from 0.
    cert.Version = version + 1
    if cert.Version > 3:
        return bad("x509: invalid version")

    serial = tbs.ReadASN1BigInt()
    if serial is None:
        return bad("x509: malformed serial number")
    if serial < 0:
        # Go accepts these only under GODEBUG x509negativeserial=1 (since Go 1.23).
        return bad("x509: negative serial number")
    cert.SerialNumber = serial

    sigAISeq = tbs.ReadASN1Element(_SEQUENCE)
    if sigAISeq is None:
        return bad("x509: malformed signature algorithm identifier")
    cert.RawSignatureAlgorithm = sigAISeq
    sigAIBody = _cbString(sigAISeq).ReadASN1(_SEQUENCE)
    if sigAIBody is None:
        return bad("x509: malformed signature algorithm identifier")
    # The algorithm outside the TBS must be byte-identical to the one inside.
    outerSigAISeq = inp.ReadASN1(_SEQUENCE)
    if outerSigAISeq is None:
        return bad("x509: malformed algorithm identifier")
    if outerSigAISeq != sigAIBody:
        return bad("x509: inner and outer signature algorithm identifiers don't match")
    sigAI, err = _parseAI(_cbString(sigAIBody))
    if err is not None:
        return None, err
    cert.SignatureAlgorithm = getSignatureAlgorithmFromAI(sigAI)

    issuerSeq = tbs.ReadASN1Element(_SEQUENCE)
    if issuerSeq is None:
        return bad("x509: malformed issuer")
    cert.RawIssuer = issuerSeq
    issuerRDNs, err = parseName(issuerSeq)
    if err is not None or issuerRDNs is None:
        return None, err
    cert.Issuer.FillFromRDNSequence(issuerRDNs)

    validity = tbs.ReadASN1(_SEQUENCE)
    if validity is None:
        return bad("x509: malformed validity")
    notBefore, notAfter, err = parseValidity(_cbString(validity))
    if err is not None or notBefore is None or notAfter is None:
        return None, err
    cert.NotBefore, cert._notBeforeOffset = notBefore.Time(), notBefore.offset
    cert.NotAfter, cert._notAfterOffset = notAfter.Time(), notAfter.offset

    subjectSeq = tbs.ReadASN1Element(_SEQUENCE)
    if subjectSeq is None:
        return bad("x509: malformed issuer")  # sic: Go's text for the subject too
    cert.RawSubject = subjectSeq
    subjectRDNs, err = parseName(subjectSeq)
    if err is not None or subjectRDNs is None:
        return None, err
    cert.Subject.FillFromRDNSequence(subjectRDNs)

    spki = tbs.ReadASN1Element(_SEQUENCE)
    if spki is None:
        return bad("x509: malformed spki")
    cert.RawSubjectPublicKeyInfo = spki
    spkiBody = _cbString(spki).ReadASN1(_SEQUENCE)
    if spkiBody is None:
        return bad("x509: malformed spki")
    sp = _cbString(spkiBody)
    pkAISeq = sp.ReadASN1(_SEQUENCE)
    if pkAISeq is None:
        return bad("x509: malformed public key algorithm identifier")
    pkAI, err = _parseAI(_cbString(pkAISeq))
    if err is not None:
        return None, err
    cert.PublicKeyAlgorithm = getPublicKeyAlgorithmFromOID(pkAI.Algorithm)
    if sp.ReadASN1BitString() is None:
        return bad("x509: malformed subjectPublicKey")
    # Go decodes the key here (parsePublicKey); this port has no key types.

    if cert.Version > 1:
        if not tbs.SkipOptionalASN1(1 | _classContextSpecific):
            return bad("x509: malformed issuerUniqueID")
        if not tbs.SkipOptionalASN1(2 | _classContextSpecific):
            return bad("x509: malformed subjectUniqueID")
        if cert.Version == 3:
            ok, exts = tbs.ReadOptionalASN1(3 | _classConstructed | _classContextSpecific)
            if not ok:
                return bad("x509: malformed extensions")
            if exts is not None:
                extSeq = _cbString(exts).ReadASN1(_SEQUENCE)
                if extSeq is None:
                    return bad("x509: malformed extensions")
                es = _cbString(extSeq)
                seen: set[ObjectIdentifier] = set()
                while not es.Empty():
                    extBytes = es.ReadASN1(_SEQUENCE)
                    if extBytes is None:
                        return bad("x509: malformed extension")
                    ext, err = parseExtension(_cbString(extBytes))
                    if err is not None or ext is None:
                        return None, err
                    if ext.Id in seen:
                        return bad("x509: certificate contains duplicate extension with OID "
                                   + _goQuote(_oidString(ext.Id)))
                    seen.add(ext.Id)
                    cert.Extensions.append(ext)
                err = processExtensions(cert)
                if err is not None:
                    return None, err

    signature = inp.ReadASN1BitString()
    if signature is None:
        return bad("x509: malformed signature")
    cert.Signature = signature.RightAlign()
    return cert, None


def _goQuote(s: str) -> str:
    """strconv.Quote for the printable ASCII text of an OID."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ParseCertificate(der: bytes) -> tuple[Certificate | None, error | None]:
    """crypto/x509.ParseCertificate: the certificate in one DER block.

    Returns (cert, None), or (None, err) with Go's text when der is not a
    well-formed certificate or has bytes after it ("x509: trailing data").
    Never raises for bad input. What is decoded, and what not, is listed
    in the module docstring.
    """
    der = bytes(der)
    cert, err = parseCertificate(der)
    if err is not None or cert is None:
        return None, err
    if len(der) != len(cert.Raw):
        return None, errors.New("x509: trailing data")
    return cert, None


# ---- crypto/x509/verify.go

InvalidReason = int
"""crypto/x509.InvalidReason: why a CertificateInvalidError was returned."""

NotAuthorizedToSign: Final = 0
Expired: Final = 1
CANotAuthorizedForThisName: Final = 2
TooManyIntermediates: Final = 3
IncompatibleUsage: Final = 4
NameMismatch: Final = 5
NameConstraintsWithoutSANs: Final = 6
UnconstrainedName: Final = 7
TooManyConstraints: Final = 8
CANotAuthorizedForExtKeyUsage: Final = 9
NoValidChains: Final = 10


@dataclass(eq=False)
class CertificateInvalidError(Exception):
    """crypto/x509.CertificateInvalidError: a certificate in the chain is unusable."""

    _goType = "x509.CertificateInvalidError"  # what %T prints (std/fmt.py)

    Cert: Certificate | None = None
    Reason: int = 0
    Detail: str = ""

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/x509.CertificateInvalidError.Error: Go's text per Reason."""
        r = self.Reason
        if r == NotAuthorizedToSign:
            return "x509: certificate is not authorized to sign other certificates"
        if r == Expired:
            return "x509: certificate has expired or is not yet valid: " + self.Detail
        if r == CANotAuthorizedForThisName:
            return "x509: a root or intermediate certificate is not authorized to sign for this name: " + self.Detail  # noqa: E501
        if r == CANotAuthorizedForExtKeyUsage:
            return "x509: a root or intermediate certificate is not authorized for an extended key usage: " + self.Detail  # noqa: E501
        if r == TooManyIntermediates:
            return "x509: too many intermediates for path length constraint"
        if r == IncompatibleUsage:
            return "x509: certificate specifies an incompatible key usage"
        if r == NameMismatch:
            return "x509: issuer name does not match subject from issuing certificate"
        if r == NameConstraintsWithoutSANs:
            return "x509: issuer has name constraints but leaf doesn't have a SAN extension"
        if r == UnconstrainedName:
            return "x509: issuer has name constraints but leaf contains unknown or unconstrained name: " + self.Detail  # noqa: E501
        if r == NoValidChains:
            s = "x509: no valid chains built"
            return s + ": " + self.Detail if self.Detail else s
        return "x509: unknown error"

    def __str__(self) -> str:
        return self.Error()


_maxNamesIncluded: Final = 100


@dataclass(eq=False)
class HostnameError(Exception):
    """crypto/x509.HostnameError: the certificate is not valid for the host asked for."""

    _goType = "x509.HostnameError"  # what %T prints (std/fmt.py)

    Certificate: Certificate | None = None
    Host: str = ""

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/x509.HostnameError.Error: Go's texts, naming what the certificate is valid for.

        A certificate without SANs whose Common Name would have matched
        gets the "relies on legacy Common Name field" text; an IP host lists
        the IP SANs, any other host the DNS SANs (or a count past 100).
        Differs from Go: a nil Certificate gives the "not valid for any
        names" text where Go would panic.
        """
        c = self.Certificate
        h = self.Host
        if c is None:
            return "x509: certificate is not valid for any names, but wanted to match " + h
        if not c.hasSANExtension() and matchHostnames(c.Subject.CommonName, splitHostname(h)):
            return "x509: certificate relies on legacy Common Name field, use SANs instead"
        if net.ParseIP(h) is not None:
            if not c.IPAddresses:
                return ("x509: cannot validate certificate for " + h
                        + " because it doesn't contain any IP SANs")
            if len(c.IPAddresses) >= _maxNamesIncluded:
                return (f"x509: certificate is valid for {len(c.IPAddresses)} IP SANs, "
                        f"but none matched {h}")
            valid = ", ".join(ip.String() for ip in c.IPAddresses)
        else:
            if len(c.DNSNames) >= _maxNamesIncluded:
                return (f"x509: certificate is valid for {len(c.DNSNames)} names, "
                        f"but none matched {h}")
            valid = ", ".join(c.DNSNames)
        if not valid:
            return "x509: certificate is not valid for any names, but wanted to match " + h
        return "x509: certificate is valid for " + valid + ", not " + h

    def __str__(self) -> str:
        return self.Error()


@dataclass(eq=False)
class UnknownAuthorityError(Exception):
    """crypto/x509.UnknownAuthorityError: the chain ends in a certificate nobody trusts."""

    _goType = "x509.UnknownAuthorityError"  # what %T prints (std/fmt.py)

    Cert: Certificate | None = None

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/x509.UnknownAuthorityError.Error (Go's hint about candidates is not produced)."""
        return "x509: certificate signed by unknown authority"

    def __str__(self) -> str:
        return self.Error()


@dataclass(eq=False)
class SystemRootsError(Exception):
    """crypto/x509.SystemRootsError: no roots were given and the system ones failed to load."""

    _goType = "x509.SystemRootsError"  # what %T prints (std/fmt.py)

    Err: error | None = None

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/x509.SystemRootsError.Error: "x509: failed to load system roots and no roots
        provided", plus the cause if any.
        """
        msg = "x509: failed to load system roots and no roots provided"
        if self.Err is not None:
            return msg + "; " + self.Err.Error()
        return msg

    def Unwrap(self) -> error | None:
        """crypto/x509.SystemRootsError.Unwrap: the error met while loading the system roots (Err),
        or None.
        """
        return self.Err

    def __str__(self) -> str:
        return self.Error()


def _validityError(c: Certificate, now: time.Time) -> CertificateInvalidError | None:
    """crypto/x509.Certificate.isValid, its validity-period check: the Expired error or None.

    Before ``NotBefore`` gives Detail "current time T is before NB", after
    ``NotAfter`` "current time T is after NA", times in RFC 3339 as Go's
    ``Format(time.RFC3339)`` prints them (now in UTC, like
    "2026-12-03T04:00:00Z"; the certificate's bounds with the offset they
    were written with). The instants themselves are inclusive.
    """
    if now.Before(c.NotBefore):
        return CertificateInvalidError(
            Cert=c, Reason=Expired,
            Detail=(f"current time {_formatRFC3339(now, 0)} is before "
                    f"{_formatRFC3339(c.NotBefore, c._notBeforeOffset)}"))
    if now.After(c.NotAfter):
        return CertificateInvalidError(
            Cert=c, Reason=Expired,
            Detail=(f"current time {_formatRFC3339(now, 0)} is after "
                    f"{_formatRFC3339(c.NotAfter, c._notAfterOffset)}"))
    return None


def _formatRFC3339(t: time.Time, offset: int) -> str:
    """time.Time.Format(time.RFC3339) for t shown at offset seconds east of UTC.

    "2006-01-02T15:04:05Z07:00": no fraction, "Z" for UTC, else ±hh:mm.
    """
    u = time.Unix(t.Unix() + offset, 0)
    year, month, day = u.Date()
    hour, minute, second = u.Clock()
    ys = ("-" if year < 0 else "") + str(abs(year)).rjust(4, "0")
    s = f"{ys}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    if offset == 0:
        return s + "Z"
    sign = "+" if offset > 0 else "-"
    m = abs(offset) // 60
    return s + f"{sign}{m // 60:02d}:{m % 60:02d}"


def validHostnamePattern(host: str) -> bool:
    """crypto/x509.validHostnamePattern: validHostname for a SAN (a "*." first label allowed)."""
    return validHostname(host, True)


def validHostnameInput(host: str) -> bool:
    """crypto/x509.validHostnameInput: validHostname for the name asked for."""
    return validHostname(host, False)


def validHostname(host: str, isPattern: bool) -> bool:
    """crypto/x509.validHostname: whether host is a host name per RFC 6125 2.2, leniently.

    Labels are non-empty runs of letters, digits, "_" and inner "-"; a
    pattern may have "*" as its whole first label (but may not be only
    "*"); an input may end in one dot.
    """
    if not isPattern:
        host = host.removesuffix(".")
    if not host or host == "*":
        return False
    for i, part in enumerate(host.split(".")):
        if part == "":
            return False
        if isPattern and i == 0 and part == "*":
            continue
        for j, c in enumerate(part):
            if "a" <= c <= "z" or "0" <= c <= "9" or "A" <= c <= "Z" or c == "_":
                continue
            if c == "-" and j != 0:
                continue
            return False
    return True


def matchExactly(hostA: str, hostB: str) -> bool:
    """crypto/x509.matchExactly: equal ignoring ASCII case, and neither empty nor "."."""
    if hostA in ("", ".") or hostB in ("", "."):
        return False
    return toLowerCaseASCII(hostA) == toLowerCaseASCII(hostB)


def matchHostnames(pattern: str, hostParts: list[str]) -> bool:
    """crypto/x509.matchHostnames: pattern (maybe "*.x") against the labels of a host."""
    pattern = toLowerCaseASCII(pattern)
    if not pattern or not hostParts:
        return False
    patternParts = pattern.split(".")
    if len(patternParts) != len(hostParts):
        return False
    for i, p in enumerate(patternParts):
        if i == 0 and p == "*":
            continue
        if p != hostParts[i]:
            return False
    return True


def toLowerCaseASCII(s: str) -> str:
    """crypto/x509.toLowerCaseASCII: s with only A-Z lowered (RFC 6125 6.4.1)."""
    return s.translate(_asciiLower)


_asciiLower: Final = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _verifyHostname(c: Certificate, h: str) -> error | None:
    """crypto/x509.Certificate.VerifyHostname (the method on Certificate calls this)."""
    candidateIP = h
    if len(h) >= 3 and h[0] == "[" and h[-1] == "]":
        candidateIP = h[1:-1]
    # netip.ParseAddr, so a scoped IPv6 address ("fe80::1%eth0") is an IP too.
    addr, perr = netip.ParseAddr(candidateIP)
    if perr is None:
        ip = net.IP(addr.AsSlice())
        # IP hosts match IP SANs only (RFC 6125, Appendix B.2).
        for candidate in c.IPAddresses:
            if ip.Equal(candidate):
                return None
        return HostnameError(Certificate=c, Host=ip.String())

    candidateName = toLowerCaseASCII(h)
    validCandidateName = validHostnameInput(candidateName)
    hostParts = splitHostname(candidateName)
    for match in c.DNSNames:
        # Go always allows an exact match, and applies wildcards and the
        # trailing-dot rule only when both sides are valid host names.
        if validCandidateName and validHostnamePattern(match):
            if matchHostnames(match, hostParts):
                return None
        elif matchExactly(match, candidateName):
            return None
    return HostnameError(Certificate=c, Host=h)


def splitHostname(host: str) -> list[str]:
    """crypto/x509.splitHostname: the lower-cased labels of host, one trailing dot ignored."""
    return toLowerCaseASCII(host.removesuffix(".")).split(".")
