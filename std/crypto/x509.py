"""crypto/x509 (go1.27.0): certificate pools and verification errors, over OpenSSL.

Only what crypto/tls needs is here: ``CertPool`` (``NewCertPool``,
``SystemCertPool``, ``AppendCertsFromPEM``, ``AddCert``), a minimal
``Certificate`` (``Raw``, ``DNSNames``, ``IPAddresses``, ``Subject``'s
CommonName as ``SubjectCommonName``) and ``ParseCertificate``, and the
verification errors with Go's texts (``UnknownAuthorityError``,
``HostnameError``, ``CertificateInvalidError``, ``SystemRootsError``).

Discussion: chains are verified by OpenSSL, not by Go's verifier; a
``CertPool`` only carries PEM text (and, for ``SystemCertPool``, a flag
meaning "OpenSSL's default verify paths") that tls loads into its
``ssl.SSLContext``. ``ParseCertificate`` decodes through CPython's
``ssl._ssl._test_decode_cert`` (the only certificate parser in the standard
library), so it understands what OpenSSL understands and reports only the
fields above. Left out: Verify, VerifyOptions, CreateCertificate, the key
parsers (ParsePKCS1PrivateKey...), CRLs and certificate requests.
"""

from __future__ import annotations

import base64
import os as _pyos
import re
import ssl
from dataclasses import dataclass, field
from typing import Any, Final

import net
from std.errors import error

__all__ = [
    "CANotAuthorizedForThisName",
    "CertPool",
    "Certificate",
    "CertificateInvalidError",
    "Expired",
    "HostnameError",
    "IncompatibleUsage",
    "InvalidReason",
    "NotAuthorizedToSign",
    "NewCertPool",
    "ParseCertificate",
    "SystemCertPool",
    "SystemRootsError",
    "UnknownAuthorityError",
]


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


@dataclass(eq=False)
class Certificate:
    """crypto/x509.Certificate, reduced to the fields tls reports and checks.

    ``Raw`` is the DER encoding; ``DNSNames`` and ``IPAddresses`` come from
    the subjectAltName extension (``IPAddresses`` holds ``net.IP`` values);
    ``SubjectCommonName`` stands for Go's ``Subject.CommonName``.
    """

    Raw: bytes = b""
    DNSNames: list[str] = field(default_factory=list)
    IPAddresses: list[Any] = field(default_factory=list)
    SubjectCommonName: str = ""
    _hasSAN: bool = False


def ParseCertificate(der: bytes) -> tuple[Certificate | None, error | None]:
    """crypto/x509.ParseCertificate: the certificate in one DER block.

    Differs from Go: parsing goes through OpenSSL (see the module note) and
    a failure reports "x509: malformed certificate".
    """
    fd = _pyos.memfd_create("x509", 0)
    try:
        _pyos.write(fd, _pem(bytes(der)).encode())
        info: dict[str, Any] = ssl._ssl._test_decode_cert(f"/proc/self/fd/{fd}")  # type: ignore[attr-defined]
    except (ssl.SSLError, ValueError, OSError):
        return None, _stringError("x509: malformed certificate")
    finally:
        _pyos.close(fd)
    c = Certificate(Raw=bytes(der))
    for kind, value in info.get("subjectAltName", ()):
        c._hasSAN = True
        if kind == "DNS":
            c.DNSNames.append(value)
        elif kind == "IP Address":
            ip = net.ParseIP(value.strip())
            if ip is not None:
                c.IPAddresses.append(ip)
    for rdn in info.get("subject", ()):
        for k, v in rdn:
            if k == "commonName":
                c.SubjectCommonName = v
    return c, None


@dataclass(eq=False)
class CertPool:
    """crypto/x509.CertPool: a set of trusted certificates.

    Holds the certificates as DER; ``_system`` marks a pool that starts
    from OpenSSL's default verify paths (what ``SystemCertPool`` returns).
    """

    _certs: list[bytes] = field(default_factory=list)
    _system: bool = False

    def AddCert(self, cert: Certificate) -> None:
        """crypto/x509.CertPool.AddCert: trust cert."""
        if cert.Raw not in self._certs:
            self._certs.append(cert.Raw)

    def AppendCertsFromPEM(self, pemCerts: bytes | str) -> bool:
        """crypto/x509.CertPool.AppendCertsFromPEM: trust every CERTIFICATE block.

        Returns whether any certificate was added. Blocks of other types are
        skipped, as in Go.
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
        """crypto/x509.CertPool.Clone: an independent copy."""
        return CertPool(list(self._certs), self._system)

    def _load(self, ctx: ssl.SSLContext) -> None:
        """Install this pool as ctx's trust anchors (the port's bridge to OpenSSL)."""
        if self._system:
            ctx.load_default_certs()
        if self._certs:
            ctx.load_verify_locations(cadata="".join(_pem(d) for d in self._certs))


def NewCertPool() -> CertPool:
    """crypto/x509.NewCertPool: an empty pool."""
    return CertPool()


def SystemCertPool() -> tuple[CertPool | None, error | None]:
    """crypto/x509.SystemCertPool: a pool that trusts the system's roots.

    The roots are OpenSSL's default verify paths, loaded when the pool is
    installed in a tls.Config; certificates added later are trusted too.
    """
    return CertPool(_system=True), None


class _stringError(Exception):
    def __init__(self, s: str) -> None:
        super().__init__(s)
        self._s = s

    def Error(self) -> str:
        return self._s

    def __str__(self) -> str:
        return self._s


@dataclass(eq=False)
class UnknownAuthorityError(Exception):
    """crypto/x509.UnknownAuthorityError: the chain ends in a certificate nobody trusts."""

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

    Err: error | None = None

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/x509.SystemRootsError.Error."""
        msg = "x509: failed to load system roots and no roots provided"
        if self.Err is not None:
            return msg + "; " + self.Err.Error()
        return msg

    def Unwrap(self) -> error | None:
        """crypto/x509.SystemRootsError.Unwrap."""
        return self.Err

    def __str__(self) -> str:
        return self.Error()


@dataclass(eq=False)
class HostnameError(Exception):
    """crypto/x509.HostnameError: the certificate is not valid for the host asked for."""

    Certificate: Certificate | None = None
    Host: str = ""

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/x509.HostnameError.Error: Go's texts, naming what the certificate is valid for."""
        c = self.Certificate
        if c is None:
            return "x509: certificate is not valid for any names, but wanted to match " + self.Host
        if not c._hasSAN and c.SubjectCommonName and _matchHostnames(
                c.SubjectCommonName, self.Host):
            return "x509: certificate relies on legacy Common Name field, use SANs instead"
        host = self.Host
        if len(host) >= 3 and host[0] == "[" and host[-1] == "]":
            host = host[1:-1]
        if net.ParseIP(host) is not None:
            if not c.IPAddresses:
                return ("x509: cannot validate certificate for " + self.Host
                        + " because it doesn't contain any IP SANs")
            valid = ", ".join(ip.String() for ip in c.IPAddresses)
        else:
            valid = ", ".join(c.DNSNames)
        if not valid:
            return "x509: certificate is not valid for any names, but wanted to match " + self.Host
        return "x509: certificate is valid for " + valid + ", not " + self.Host

    def __str__(self) -> str:
        return self.Error()


def _matchHostnames(pattern: str, host: str) -> bool:
    """crypto/x509.matchHostnames: pattern (maybe "*.x") against host, case-insensitively."""
    p = pattern.lower().rstrip(".").split(".")
    h = host.lower().rstrip(".").split(".")
    if not pattern or not host or len(p) != len(h):
        return False
    return all((i == 0 and a == "*") or a == b for i, (a, b) in enumerate(zip(p, h, strict=True)))


InvalidReason = int
"""crypto/x509.InvalidReason."""

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
