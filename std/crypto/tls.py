"""crypto/tls (go1.27.0): TLS connections with Go's API, over OpenSSL memory BIOs.

This is not a port of Go's TLS protocol code: the record layer and the
handshake are OpenSSL's (``ssl.SSLContext.wrap_bio``). What is Go's is the
API (``Conn``, ``Client``, ``Server``, ``Dial``, ``Listen``, ``Config``,
``Certificate``, ``X509KeyPair``...), the way a ``Conn`` rides on any
``net.Conn``, and the error values and texts.

How bytes move. A ``Conn`` owns an ``ssl.SSLObject`` and two
``ssl.MemoryBIO``: ``_incoming`` (ciphertext from the peer, for OpenSSL to
read) and ``_outgoing`` (ciphertext OpenSSL produced, for the peer).
OpenSSL never touches a socket. Every SSLObject call is followed by a
*flush*: whatever sits in ``_outgoing`` is written with ``conn.Write``. A
call that fails with ``SSLWantReadError`` is followed by a *fill*: one
``conn.Read`` into ``_incoming`` (its EOF becomes ``write_eof``), then the
call is retried. So every byte goes through the underlying ``net.Conn``:
its Read and Write park the goroutine in the netpoller, its deadlines
bound the handshake and every later call, and closing it interrupts them.

Locks, as Go's ``in``/``out`` halves. ``_in`` serialises readers
(``Read``, and the handshake, which holds it as Go's does), ``_out``
serialises writers and every flush, so ciphertext reaches the conn in the
order OpenSSL produced it: bytes are taken out of ``_outgoing`` only while
``_out`` is held and written before it is released. The SSLObject itself
needs no lock although a reader and a writer share it: an OpenSSL call
never parks, and goroutines share one P, so each call ends before another
goroutine runs; locks are held across conn I/O only by ``_in`` and
``_out``, so a reader parked in ``conn.Read`` never blocks a writer. One
reader and one writer goroutine may use a Conn at once, as in Go.

Errors. OpenSSL's failures are mapped to Go's values where Go has one
(``_mapSSLError``): a peer's alert becomes ``net.OpError(Op="remote
error", Err=alert(n))`` ("remote error: tls: bad certificate") inside a
``permanentError``, as Go's conn keeps it; a peer that
does not speak TLS, ``RecordHeaderError`` ("tls: first record does not
look like a TLS handshake"); a failed verification,
``CertificateVerificationError`` wrapping the x509 error ("tls: failed to
verify certificate: x509: certificate signed by unknown authority"); an
EOF, ``io.EOF``. Errors of the underlying conn (a deadline's "i/o
timeout", a closed conn) are returned as they come, as Go returns them.
A failure with no Go counterpart keeps OpenSSL's reason, lower-cased:
"tls: <reason>".

The server reads the ClientHello itself. Before OpenSSL sees any byte,
``readClientHello`` peeks the first handshake message (the records also
go into the incoming BIO, so OpenSSL later reads them as if first) and
``_serverHello`` makes Go's choices in Go's order: GetConfigForClient,
the version ("tls: client offered only unsupported versions: [303]"),
ALPN (no overlap is Go's error and no_application_protocol alert), and
getCertificate (GetCertificate, then the certificate valid for the
client's name). So those callbacks run in the handshaking goroutine,
where they may block, and their errors are Go's. The client's first
record header is checked the same way (``_checkFirstRecord``).

OpenSSL contexts are built once per Config and certificate and cached
(``_sslContext``): loading a key or the system roots costs more than a
handshake, and a server's session tickets resume only on the context
that issued them.

Where Python's ``ssl`` stops short, a few libssl calls are made through
ctypes (``_libssl``): a verify callback that accepts any certificate
(for RequestClientCert and RequireAnyClientCert, which ask for a
certificate but do not verify it), SSL_MODE_NO_AUTO_CHAIN (send exactly
Certificate.Certificate, as Go does), turning a server's session cache off
(SessionTicketsDisabled), and SSL_export_keying_material
(ConnectionState.ExportKeyingMaterial). The pointers are read from
CPython's objects and checked against libssl before use, and only on the
CPython releases whose layouts were checked (3.11 to 3.13); elsewhere those
features report themselves unavailable.

What differs from Go, and why (OpenSSL through Python's ``ssl``):

* The hostname is checked by OpenSSL (so the peer gets OpenSSL's alert);
  for Go's text, the peer's certificates are captured from the handshake
  messages (``SSLContext._msg_callback``) and parsed with x509.
* VerifyPeerCertificate and VerifyConnection run once OpenSSL has
  finished the handshake, so a refusal sends no bad_certificate alert:
  the handshake fails here and the peer sees the connection close.
  ConnectionState.VerifiedChains is rebuilt (the peer's chain plus the
  trusted root that issued it), since Python 3.11 cannot return
  OpenSSL's.
* An EOF in the middle of a record is reported as ``io.EOF``, not
  ``io.ErrUnexpectedEOF``: OpenSSL does not tell the two apart.
* ``Write`` reports ``(0, err)`` when the conn fails: the records of one
  Write go out in one ``conn.Write``.
* ``CipherSuites`` applies to TLS 1.2 only (as in Go) and only the suites
  of ``_cipherSuiteNames``. ClientHelloInfo.SupportsCertificate checks
  only the name (OpenSSL matches keys with signature schemes later).
* ClientSessionCache holds OpenSSL sessions; a session resumes only on
  the context (the Config) that made it.
* Left out: CurvePreferences, KeyLogWriter, Renegotiation,
  GetClientCertificate, Time, Rand, ECH, QUIC, OCSP stapling and SCTs,
  Conn.VerifyHostname, ConnectionState.TLSUnique.
* Each Config's contexts are made on first use, so changing a Config
  after a Conn used it takes effect only through a new context (Go
  forbids the change).
"""

from __future__ import annotations

import encodings.idna  # noqa: F401  (ssl encodes server names with it: loaded now, not at EMFILE)
import errno as _errno
import os as _pyos
import re
import ssl
import sys
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Final, Protocol

import net
import rt
from std import context, errors, fmt, io, sync, syscall, time
from std import os as _os
from std.crypto import x509
from std.errors import error

__all__ = [
    "Certificate",
    "CertificateVerificationError",
    "CipherSuiteName",
    "Client",
    "ClientHelloInfo",
    "ClientSessionCache",
    "ClientSessionState",
    "ClientAuthType",
    "Config",
    "Conn",
    "ConnectionState",
    "Dial",
    "DialWithDialer",
    "Dialer",
    "Listen",
    "LoadX509KeyPair",
    "NewLRUClientSessionCache",
    "NewListener",
    "NoClientCert",
    "RecordHeaderError",
    "RequestClientCert",
    "RequireAndVerifyClientCert",
    "RequireAnyClientCert",
    "Server",
    "VerifyClientCertIfGiven",
    "VersionName",
    "VersionSSL30",
    "VersionTLS10",
    "VersionTLS11",
    "VersionTLS12",
    "VersionTLS13",
    "X509KeyPair",
]

# ---------------------------------------------------------------- common.go

VersionTLS10: Final = 0x0301
VersionTLS11: Final = 0x0302
VersionTLS12: Final = 0x0303
VersionTLS13: Final = 0x0304
VersionSSL30: Final = 0x0300
"""Deprecated in Go; kept for its name."""

_versionNames: Final = {
    VersionTLS10: "TLS 1.0", VersionTLS11: "TLS 1.1", VersionTLS12: "TLS 1.2",
    VersionTLS13: "TLS 1.3", VersionSSL30: "SSLv3",
}

_sslVersions: Final = {
    VersionTLS10: ssl.TLSVersion.TLSv1, VersionTLS11: ssl.TLSVersion.TLSv1_1,
    VersionTLS12: ssl.TLSVersion.TLSv1_2, VersionTLS13: ssl.TLSVersion.TLSv1_3,
}

_versionByName: Final = {"TLSv1": VersionTLS10, "TLSv1.1": VersionTLS11,
                         "TLSv1.2": VersionTLS12, "TLSv1.3": VersionTLS13}


def VersionName(version: int) -> str:
    """crypto/tls.VersionName: "TLS 1.3" for VersionTLS13; "0x%04X" for an unknown value."""
    return _versionNames.get(version, f"0x{version:04X}")


ClientAuthType = int
"""crypto/tls.ClientAuthType: what a server asks of the client's certificate."""

NoClientCert: Final = 0
RequestClientCert: Final = 1
RequireAnyClientCert: Final = 2
VerifyClientCertIfGiven: Final = 3
RequireAndVerifyClientCert: Final = 4

# Twin of Go's cipher_suites.go IDs (the ones OpenSSL also has), OpenSSL's names.
_cipherSuiteNames: Final = {
    0x1301: ("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"),
    0x1302: ("TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384"),
    0x1303: ("TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256"),
    0xC02B: ("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256"),
    0xC02C: ("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384"),
    0xC02F: ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256"),
    0xC030: ("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384"),
    0xCCA8: ("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305"),
    0xCCA9: ("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"),
    0xC013: ("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA"),
    0xC014: ("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA"),
    0xC009: ("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA"),
    0xC00A: ("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA"),
}
_cipherSuiteByOpenSSL: Final = {v[1]: k for k, v in _cipherSuiteNames.items()}


def CipherSuiteName(id: int) -> str:
    """crypto/tls.CipherSuiteName: Go's name of a suite, or "0x%04X"."""
    n = _cipherSuiteNames.get(id)
    return n[0] if n else f"0x{id:04X}"


@dataclass(eq=False)
class ConnectionState:
    """crypto/tls.ConnectionState: what the handshake settled.

    ``PeerCertificates`` holds the peer's chain as ``x509.Certificate``
    values (leaf first); each one's ``Raw`` is its DER.
    """

    Version: int = 0
    HandshakeComplete: bool = False
    DidResume: bool = False
    CipherSuite: int = 0
    NegotiatedProtocol: str = ""
    NegotiatedProtocolIsMutual: bool = True
    ServerName: str = ""
    PeerCertificates: list[x509.Certificate] = field(default_factory=list)
    VerifiedChains: list[list[x509.Certificate]] = field(default_factory=list)
    ekm: Callable[[str, bytes | None, int], tuple[bytes, error | None]] | None = field(
        default=None, repr=False)

    def ExportKeyingMaterial(self, label: str, context: bytes | None,
                             length: int) -> tuple[bytes, error | None]:
        """crypto/tls.ConnectionState.ExportKeyingMaterial: RFC 5705/8446 keying material.

        length bytes derived from the session's secrets, the label and
        context (None and b"" differ before TLS 1.3); both ends get the same.
        """
        if self.ekm is None:
            return b"", errors.New("crypto/tls: ExportKeyingMaterial is unavailable "
                                  "before the handshake")
        return self.ekm(label, context, length)


class ClientSessionState:
    """crypto/tls.ClientSessionState: a session a client may resume (OpenSSL's SSLSession)."""

    def __init__(self, session: ssl.SSLSession, ctx: ssl.SSLContext) -> None:
        self._session = session
        self._ctx = weakref.ref(ctx)  # a session resumes only on the context that made it


class ClientSessionCache(Protocol):
    """crypto/tls.ClientSessionCache: where a client keeps sessions, by server name or address."""

    def Get(self, sessionKey: str) -> tuple[ClientSessionState | None, bool]:
        """crypto/tls.ClientSessionCache.Get: the session stored under sessionKey and True, or
        (None, False) when there is none.
        """
        ...

    def Put(self, sessionKey: str, cs: ClientSessionState | None) -> None:
        """crypto/tls.ClientSessionCache.Put: store cs under sessionKey for later resumption; a None
        cs removes the entry.
        """
        ...


class lruSessionCache:
    """crypto/tls.lruSessionCache: a ClientSessionCache keeping the most recently used entries."""

    def __init__(self, capacity: int) -> None:
        self.mu = sync.Mutex()
        self.m: OrderedDict[str, ClientSessionState] = OrderedDict()
        self.capacity = capacity

    def Put(self, sessionKey: str, cs: ClientSessionState | None) -> None:
        """crypto/tls.lruSessionCache.Put: add or refresh an entry (None removes it)."""
        with self.mu:
            if cs is None:
                self.m.pop(sessionKey, None)
                return
            self.m[sessionKey] = cs
            self.m.move_to_end(sessionKey, last=False)
            while len(self.m) > self.capacity:
                self.m.popitem(last=True)

    def Get(self, sessionKey: str) -> tuple[ClientSessionState | None, bool]:
        """crypto/tls.lruSessionCache.Get: the entry, now the most recently used."""
        with self.mu:
            cs = self.m.get(sessionKey)
            if cs is None:
                return None, False
            self.m.move_to_end(sessionKey, last=False)
            return cs, True


def NewLRUClientSessionCache(capacity: int) -> ClientSessionCache:
    """crypto/tls.NewLRUClientSessionCache: an LRU cache of capacity entries (64 if < 1)."""
    return lruSessionCache(capacity if capacity >= 1 else 64)


@dataclass(eq=False)
class ClientHelloInfo:
    """crypto/tls.ClientHelloInfo: what the client's ClientHello offered.

    Passed to Config.GetCertificate and Config.GetConfigForClient, which run
    in the goroutine doing the handshake, before OpenSSL sees the hello (so
    they may block, dial, or read files). ``Conn`` is the underlying conn;
    do not read from or write to it.
    """

    CipherSuites: list[int] = field(default_factory=list)
    ServerName: str = ""
    SupportedCurves: list[int] = field(default_factory=list)
    SupportedPoints: list[int] = field(default_factory=list)
    SignatureSchemes: list[int] = field(default_factory=list)
    SupportedProtos: list[str] = field(default_factory=list)
    SupportedVersions: list[int] = field(default_factory=list)
    Extensions: list[int] = field(default_factory=list)
    Conn: Any = None
    HelloRetryRequest: bool = False
    config: Config | None = None
    ctx: context.Context | None = None

    def Context(self) -> context.Context:
        """crypto/tls.ClientHelloInfo.Context: the context of the handshake in progress."""
        return self.ctx if self.ctx is not None else context.Background()

    def SupportsCertificate(self, c: Certificate) -> error | None:
        """crypto/tls.ClientHelloInfo.SupportsCertificate, reduced to its name check.

        Discussion: Go also matches the key type against the client's
        signature schemes and versions; OpenSSL settles those later, so
        only the last of Go's checks is made here: when the client sent a
        name, the leaf must be valid for it.
        """
        if self.ServerName == "":
            return None
        leaf = c.Leaf
        if leaf is None and c.Certificate:
            leaf, err = x509.ParseCertificate(c.Certificate[0])
            if err is not None:
                return err
        if leaf is None:
            return errors.New("tls: certificate has no leaf")
        err = leaf.VerifyHostname(self.ServerName)
        if err is not None:
            return fmt.Errorf("certificate is not valid for requested server name: %w", err)
        return None


@dataclass(eq=False)
class Certificate:
    """crypto/tls.Certificate: a certificate chain (DER, leaf first) and its private key.

    ``PrivateKey`` holds the key's PEM bytes (Go holds a parsed key);
    ``Leaf`` is filled by X509KeyPair, as in Go since 1.23.
    """

    Certificate: list[bytes] = field(default_factory=list)
    PrivateKey: Any = None
    Leaf: x509.Certificate | None = None


@dataclass(eq=False)
class Config:
    """crypto/tls.Config: the settings of a client or server; fields as in Go.

    Left out: see the module docstring. ``RootCAs`` None means the system
    roots; ``ClientCAs`` None means none (so client certificates can only
    be requested, and fail verification, as the module notes explain).
    """

    Certificates: list[Certificate] = field(default_factory=list)
    RootCAs: x509.CertPool | None = None
    NextProtos: list[str] = field(default_factory=list)
    ServerName: str = ""
    ClientAuth: int = NoClientCert
    ClientCAs: x509.CertPool | None = None
    InsecureSkipVerify: bool = False
    CipherSuites: list[int] = field(default_factory=list)
    MinVersion: int = 0
    MaxVersion: int = 0
    GetCertificate: Callable[[ClientHelloInfo],
                             tuple[Certificate | None, error | None]] | None = None
    GetConfigForClient: Callable[[ClientHelloInfo],
                                 tuple[Config | None, error | None]] | None = None
    VerifyPeerCertificate: Callable[[list[bytes], list[list[x509.Certificate]]],
                                    error | None] | None = None
    VerifyConnection: Callable[[ConnectionState], error | None] | None = None
    SessionTicketsDisabled: bool = False
    ClientSessionCache: ClientSessionCache | None = None
    # The port's cache of OpenSSL contexts built from this Config (see _sslContext).
    _contexts: dict[Any, tuple[Any, ssl.SSLContext]] = field(
        default_factory=dict, init=False, repr=False)

    def Clone(self) -> Config:
        """crypto/tls.Config.Clone: a shallow copy (lists copied) safe to modify."""
        return replace(self, Certificates=list(self.Certificates),
                       NextProtos=list(self.NextProtos), CipherSuites=list(self.CipherSuites))

    def supportedVersions(self, isClient: bool) -> list[int]:
        """crypto/tls.Config.supportedVersions: the versions this side may speak, newest first.

        Without a MinVersion nothing below TLS 1.2; MinVersion above
        MaxVersion leaves none (a client then fails before sending a byte).
        """
        out = []
        for v in supportedVersions:
            if self.MinVersion == 0 and v < VersionTLS12:
                continue
            if self.MinVersion != 0 and v < self.MinVersion:
                continue
            if self.MaxVersion != 0 and v > self.MaxVersion:
                continue
            out.append(v)
        return out

    def mutualVersion(self, isClient: bool, peerVersions: list[int]) -> tuple[int, bool]:
        """crypto/tls.Config.mutualVersion: the newest version both sides speak, and whether any."""
        for v in self.supportedVersions(isClient):
            if v in peerVersions:
                return v, True
        return 0, False

    def getCertificate(self, clientHello: ClientHelloInfo) -> tuple[Certificate | None,
                                                                     error | None]:
        """crypto/tls.Config.getCertificate: the certificate to present to this client.

        GetCertificate is asked first (when there are no Certificates, or the
        client sent a name); then the only certificate; then the first whose
        leaf is valid for the client's name; then the first.
        """
        if self.GetCertificate is not None and (
                not self.Certificates or clientHello.ServerName):
            cert, err = self.GetCertificate(clientHello)
            if cert is not None or err is not None:
                return cert, err
        if not self.Certificates:
            return None, errNoCertificates
        if len(self.Certificates) == 1:
            return self.Certificates[0], None
        for cert in self.Certificates:
            if clientHello.SupportsCertificate(cert) is None:
                return cert, None
        return self.Certificates[0], None


def _defaultConfig() -> Config:
    return Config()


# ---------------------------------------------------------------- alert.go

_alertText: Final = {
    0: "close notify", 10: "unexpected message", 20: "bad record MAC",
    21: "decryption failed", 22: "record overflow", 30: "decompression failure",
    40: "handshake failure", 42: "bad certificate", 43: "unsupported certificate",
    44: "revoked certificate", 45: "expired certificate", 46: "unknown certificate",
    47: "illegal parameter", 48: "unknown certificate authority", 49: "access denied",
    50: "error decoding message", 51: "error decrypting message",
    60: "export restriction", 70: "protocol version not supported",
    71: "insufficient security level", 80: "internal error", 86: "inappropriate fallback",
    90: "user canceled", 100: "no renegotiation", 109: "missing extension",
    110: "unsupported extension", 111: "certificate unobtainable",
    112: "unrecognized name", 113: "bad certificate status response",
    114: "bad certificate hash value", 115: "unknown PSK identity",
    116: "certificate required", 120: "no application protocol", 121: "ECH required",
}

# OpenSSL's reason for "the peer sent this alert" (SSL_R_*ALERT*), by alert number.
_alertByReason: Final = {
    "SSLV3_ALERT_UNEXPECTED_MESSAGE": 10, "SSLV3_ALERT_BAD_RECORD_MAC": 20,
    "TLSV1_ALERT_DECRYPTION_FAILED": 21, "TLSV1_ALERT_RECORD_OVERFLOW": 22,
    "SSLV3_ALERT_DECOMPRESSION_FAILURE": 30, "SSLV3_ALERT_HANDSHAKE_FAILURE": 40,
    "SSLV3_ALERT_BAD_CERTIFICATE": 42, "SSLV3_ALERT_UNSUPPORTED_CERTIFICATE": 43,
    "SSLV3_ALERT_CERTIFICATE_REVOKED": 44, "SSLV3_ALERT_CERTIFICATE_EXPIRED": 45,
    "SSLV3_ALERT_CERTIFICATE_UNKNOWN": 46, "SSLV3_ALERT_ILLEGAL_PARAMETER": 47,
    "TLSV1_ALERT_UNKNOWN_CA": 48, "TLSV1_ALERT_ACCESS_DENIED": 49,
    "TLSV1_ALERT_DECODE_ERROR": 50, "TLSV1_ALERT_DECRYPT_ERROR": 51,
    "TLSV1_ALERT_EXPORT_RESTRICTION": 60, "TLSV1_ALERT_PROTOCOL_VERSION": 70,
    "TLSV1_ALERT_INSUFFICIENT_SECURITY": 71, "TLSV1_ALERT_INTERNAL_ERROR": 80,
    "TLSV1_ALERT_INAPPROPRIATE_FALLBACK": 86, "TLSV1_ALERT_USER_CANCELLED": 90,
    "TLSV1_ALERT_NO_RENEGOTIATION": 100, "TLSV13_ALERT_MISSING_EXTENSION": 109,
    "TLSV1_UNSUPPORTED_EXTENSION": 110, "TLSV1_CERTIFICATE_UNOBTAINABLE": 111,
    "TLSV1_UNRECOGNIZED_NAME": 112, "TLSV1_BAD_CERTIFICATE_STATUS_RESPONSE": 113,
    "TLSV1_BAD_CERTIFICATE_HASH_VALUE": 114, "TLSV1_ALERT_UNKNOWN_PSK_IDENTITY": 115,
    "TLSV13_ALERT_CERTIFICATE_REQUIRED": 116, "TLSV1_ALERT_NO_APPLICATION_PROTOCOL": 120,
}


class alert(Exception):
    """crypto/tls.alert: a TLS alert number; its Error() is Go's "tls: <description>"."""

    _goType = "tls.alert"  # what %T prints (std/fmt.py)

    def __init__(self, n: int) -> None:
        super().__init__(n)
        self.n = n

    def Error(self) -> str:
        """crypto/tls.alert.Error."""
        t = _alertText.get(self.n)
        return "tls: " + t if t is not None else f"tls: alert({self.n})"

    def __str__(self) -> str:
        return self.Error()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, alert) and other.n == self.n

    def __hash__(self) -> int:
        return hash(("alert", self.n))


# ---------------------------------------------------------------- errors


class permanentError(Exception):
    """crypto/tls.permanentError: a net.Error the conn keeps returning, marked not temporary.

    Alerts, sent or received, end a TLS conn for good: Go wraps their
    ``net.OpError`` ("local error: ...", "remote error: ...") in this, so
    its text is the OpError's, errors.As still finds the OpError, and
    ``Temporary()`` is False whatever the wrapped error says.
    """

    _goType = "*tls.permanentError"  # what %T prints (std/fmt.py)

    def __init__(self, err: Any) -> None:
        super().__init__(err)
        self.err = err

    def Error(self) -> str:
        """crypto/tls.permanentError.Error: the wrapped error's text."""
        return str(self.err.Error())

    def Unwrap(self) -> Any:
        """crypto/tls.permanentError.Unwrap: the wrapped net.Error."""
        return self.err

    def Timeout(self) -> bool:
        """crypto/tls.permanentError.Timeout: whether the wrapped error is a timeout."""
        return bool(self.err.Timeout())

    def Temporary(self) -> bool:
        """crypto/tls.permanentError.Temporary: never."""
        return False

    def __str__(self) -> str:
        return self.Error()


@dataclass(eq=False)
class RecordHeaderError(Exception):
    """crypto/tls.RecordHeaderError: the peer's first bytes are not a TLS record.

    ``RecordHeader`` is left empty (OpenSSL keeps the bytes); ``Conn`` is
    the underlying conn, which the caller still owns, as in Go.
    """

    _goType = "tls.RecordHeaderError"  # what %T prints (std/fmt.py)

    Msg: str = ""
    RecordHeader: bytes = b""
    Conn: Any = None

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/tls.RecordHeaderError.Error: "tls: " + Msg."""
        return "tls: " + self.Msg

    def __str__(self) -> str:
        return self.Error()


@dataclass(eq=False)
class CertificateVerificationError(Exception):
    """crypto/tls.CertificateVerificationError: the peer's chain did not verify."""

    _goType = "*tls.CertificateVerificationError"  # what %T prints (std/fmt.py)

    UnverifiedCertificates: list[x509.Certificate] = field(default_factory=list)
    Err: error | None = None

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/tls.CertificateVerificationError.Error: "tls: failed to verify certificate: "
        followed by the x509 error.
        """
        return "tls: failed to verify certificate: " + (
            self.Err.Error() if self.Err is not None else "<nil>")

    def Unwrap(self) -> error | None:
        """crypto/tls.CertificateVerificationError.Unwrap: the x509 error that failed verification
        (Err).
        """
        return self.Err

    def __str__(self) -> str:
        return self.Error()


errShutdown: Final = errors.New("tls: protocol is shutdown")
errNoCertificates: Final = errors.New("tls: no certificates configured")
errEarlyCloseWrite: Final = errors.New("tls: CloseWrite called before handshake complete")
alertInternalError: Final = alert(80)
alertRecordOverflow: Final = alert(22)
alertDecodeError: Final = alert(50)
alertProtocolVersion: Final = alert(70)
alertUnrecognizedName: Final = alert(112)
alertNoApplicationProtocol: Final = alert(120)
alertBadCertificate: Final = alert(42)
alertLevelError: Final = 2

recordTypeAlert: Final = 21
recordTypeHandshake: Final = 22
typeClientHello: Final = 1
maxPlaintext: Final = 16384
maxCiphertext: Final = maxPlaintext + 2048
maxHandshake: Final = 65536

_firstRecordReasons: Final = frozenset({
    "WRONG_VERSION_NUMBER", "HTTP_REQUEST", "HTTPS_PROXY_REQUEST", "PACKET_LENGTH_TOO_LONG",
    "UNKNOWN_PROTOCOL", "RECORD_LENGTH_MISMATCH",
})

# Local failures with a Go text of their own (OpenSSL reason -> Go's text).
_localReasons: Final = {
    "PEER_DID_NOT_RETURN_A_CERTIFICATE": "tls: client didn't provide a certificate",
    "NO_SHARED_CIPHER": "tls: no cipher suite supported by both client and server",
    "UNSUPPORTED_PROTOCOL": "tls: client offered only unsupported versions",
}


# ---------------------------------------------------------------- conn.go


class Conn:
    """crypto/tls.Conn: a secured connection over a net.Conn.

    Fields: ``conn`` (the underlying net.Conn, fixed); ``config`` and
    ``isClient`` (fixed); ``handshakeErr`` and ``_handshakeComplete``
    (written under ``handshakeMutex`` and ``_in``); ``_sslobj`` and the BIOs
    (OpenSSL calls need no lock, see the module docstring; ``_outgoing``
    drained under ``_out``);
    ``_outErr``, ``_closeNotifySent``, ``_closeNotifyErr`` (under ``_out``);
    ``_activeCall`` (Go's activeCall: bit 0 closed, +2 per Write in flight).
    """

    def __init__(self, conn: Any, config: Config, isClient: bool) -> None:
        self.conn = conn
        self.config = config
        self.isClient = isClient
        self.handshakeMutex = sync.Mutex()
        self.handshakeErr: error | None = None
        self._handshakeComplete = False
        self._in = sync.Mutex()
        self._out = sync.Mutex()
        self._incoming = ssl.MemoryBIO()
        self._outgoing = ssl.MemoryBIO()
        self._sslobj: ssl.SSLObject | None = None
        self._rawInput = bytearray(16 * 1024 + 512)
        self._outErr: error | None = None
        self._closeNotifySent = False
        self._closeNotifyErr: error | None = None
        self._activeCall = 0
        self._serverName = ""  # server: the SNI the client sent
        self._peerChain: list[bytes] = []  # the Certificate message's DER blocks
        self._verifyHost = ""  # client: the name verified (Config.ServerName)
        self._firstHeader: bytearray | None = bytearray()  # until the first record header is in
        self._capture: bytearray | None = None  # server: the bytes read while peeking the hello
        self._cert: Certificate | None = None  # server: the certificate getCertificate chose
        self._handshakeCtx: context.Context | None = None
        self._verifiedChains: list[list[x509.Certificate]] = []
        self._sessionID = b""  # client: the session last put in ClientSessionCache

    # -- the port's BIO pump

    def _flushLocked(self) -> error | None:
        """Write everything OpenSSL produced to the conn; the caller holds _out."""
        if self._outErr is not None:
            return self._outErr
        while True:
            data = self._outgoing.read()
            if not data:
                return None
            _, werr = self.conn.Write(data)
            if werr is not None:
                self._outErr = werr
                return self._outErr

    def _flush(self) -> error | None:
        if not self._outgoing.pending:
            return None
        with self._out:
            return self._flushLocked()

    def _fill(self) -> error | None:
        """One conn.Read into the incoming BIO; EOF becomes the BIO's EOF.

        The first record's header is checked here, as Go's readRecordOrCCS
        does before it knows the version: a peer whose first bytes are not
        a handshake or alert record is not speaking TLS.
        """
        n, err = self.conn.Read(self._rawInput)
        err = _asError(err)
        if n > 0:
            data = memoryview(self._rawInput)[:n]
            hdr = self._firstHeader
            if hdr is not None:
                hdr += data[:5 - len(hdr)]
                if len(hdr) == 5:
                    self._firstHeader = None
                    herr = self._checkFirstRecord(bytes(hdr))
                    if herr is not None:
                        return herr
            if self._capture is not None:
                self._capture += data
            self._incoming.write(data)
        if err is not None:
            if errors.Is(err, io.EOF):
                self._incoming.write_eof()
                return None if n > 0 else io.EOF
            return err
        return None

    def _checkFirstRecord(self, hdr: bytes) -> error | None:
        """crypto/tls.Conn.readRecordOrCCS's checks of the first record header."""
        typ, vers, n = hdr[0], hdr[1] << 8 | hdr[2], hdr[3] << 8 | hdr[4]
        if (typ != recordTypeAlert and typ != recordTypeHandshake) or vers >= 0x1000:
            return RecordHeaderError(Msg="first record does not look like a TLS handshake",
                                     RecordHeader=hdr, Conn=self.conn)
        if n > maxCiphertext:
            self._sendPlainAlert(alertRecordOverflow, 0)
            return RecordHeaderError(Msg=f"oversized record received with length {n}",
                                     RecordHeader=hdr)
        return None

    def _sendPlainAlert(self, a: alert, vers: int) -> error:
        """crypto/tls.Conn.sendAlert before any keys exist: one plaintext alert record.

        Used only before OpenSSL has seen the ClientHello (so before
        encryption). Returns Go's "local error: tls: ..." value.
        """
        vers = vers or VersionTLS10
        if vers == VersionTLS13:
            vers = VersionTLS12
        rec = bytes([recordTypeAlert, vers >> 8, vers & 0xFF, 0, 2, alertLevelError, a.n])
        with self._out:
            self.conn.Write(rec)
        return permanentError(net.OpError(Op="local error", Err=a))

    # -- Go's API

    def LocalAddr(self) -> Any:
        """crypto/tls.Conn.LocalAddr: the underlying conn's local address."""
        return self.conn.LocalAddr()

    def RemoteAddr(self) -> Any:
        """crypto/tls.Conn.RemoteAddr: the underlying conn's remote address."""
        return self.conn.RemoteAddr()

    def SetDeadline(self, t: time.Time) -> error | None:
        """crypto/tls.Conn.SetDeadline: the underlying conn's read and write deadlines.

        A Write that times out leaves the Conn unusable for writing, as in Go.
        """
        return self.conn.SetDeadline(t)  # type: ignore[no-any-return]

    def SetReadDeadline(self, t: time.Time) -> error | None:
        """crypto/tls.Conn.SetReadDeadline: the underlying conn's read deadline."""
        return self.conn.SetReadDeadline(t)  # type: ignore[no-any-return]

    def SetWriteDeadline(self, t: time.Time) -> error | None:
        """crypto/tls.Conn.SetWriteDeadline: the underlying conn's write deadline."""
        return self.conn.SetWriteDeadline(t)  # type: ignore[no-any-return]

    def NetConn(self) -> Any:
        """crypto/tls.Conn.NetConn: the underlying conn (I/O on it corrupts the TLS stream)."""
        return self.conn

    def Write(self, b: Any) -> tuple[int, error | None]:
        """crypto/tls.Conn.Write: encrypt b and send it, running the handshake first if needed.

        Returns (len(b), None), or (0, err) if the handshake or the conn
        failed; after Close, net.ErrClosed; after CloseWrite, "tls:
        protocol is shutdown".
        """
        # Interlock with Close below (Go's activeCall).
        if self._activeCall & 1:
            return 0, net.ErrClosed
        self._activeCall += 2
        try:
            err = self.Handshake()
            if err is not None:
                return 0, err
            with self._out:
                if self._outErr is not None:
                    return 0, self._outErr
                if not self._handshakeComplete:
                    return 0, alertInternalError
                if self._closeNotifySent:
                    return 0, errShutdown
                mv = memoryview(b).cast("B")
                if len(mv) == 0:
                    return 0, None
                assert self._sslobj is not None
                serr: error | None = None
                try:
                    self._sslobj.write(mv)
                except ssl.SSLError as e:
                    serr = self._mapSSLError(e)
                ferr = self._flushLocked()
                if serr is not None:
                    self._outErr = serr
                    return 0, serr
                if ferr is not None:
                    return 0, ferr
                return len(mv), None
        finally:
            self._activeCall -= 2

    def Read(self, b: Any) -> tuple[int, error | None]:
        """crypto/tls.Conn.Read: decrypt into b, running the handshake first if needed.

        Returns as soon as some plaintext is available; (0, io.EOF) once the
        peer sent close_notify or closed; a peer's alert as "remote error:
        tls: ..."; the conn's own error (an i/o timeout, say) as it comes,
        and a timeout leaves the Conn usable, as in Go.
        """
        err = self.Handshake()
        if err is not None:
            return 0, err
        mv = memoryview(b).cast("B")
        if len(mv) == 0:
            return 0, None
        with self._in:
            assert self._sslobj is not None
            while True:
                want = False
                serr: error | None = None
                n = 0
                try:
                    n = self._sslobj.read(len(mv), mv)  # type: ignore[assignment]
                except ssl.SSLWantReadError:
                    want = True
                except (ssl.SSLZeroReturnError, ssl.SSLEOFError):
                    serr = io.EOF
                except ssl.SSLError as e:
                    serr = self._mapSSLError(e)
                # Post-handshake messages (a KeyUpdate answer) may have output.
                self._flush()
                if self.isClient and not self._sessionID and \
                        self.config.ClientSessionCache is not None:
                    self._storeSession()
                if serr is not None:
                    return 0, serr
                if not want:
                    if n == 0:
                        return 0, io.EOF
                    return n, None
                err = self._fill()
                if err is not None:
                    return 0, err

    def Close(self) -> error | None:
        """crypto/tls.Conn.Close: send close_notify (after a handshake), then close the conn.

        A second Close gives net.ErrClosed. If a Write is in flight the
        alert is skipped (Go's reading: Close is being used to unblock it).
        The alert is bounded by a 5 s write deadline, as in Go.
        """
        x = self._activeCall
        if x & 1:
            return net.ErrClosed
        self._activeCall |= 1
        if x != 0:
            return self.conn.Close()  # type: ignore[no-any-return]
        alertErr: error | None = None
        if self._handshakeComplete:
            err = self.closeNotify()
            if err is not None:
                alertErr = fmt.Errorf(
                    "tls: failed to send closeNotify alert (but connection was closed anyway): %w",
                    err)
        err = self.conn.Close()
        if err is not None:
            return err  # type: ignore[no-any-return]
        return alertErr

    def CloseWrite(self) -> error | None:
        """crypto/tls.Conn.CloseWrite: send close_notify and shut down writing.

        Unlike Go's, this does not call the underlying conn's CloseWrite,
        neither does Go's: only the TLS half is closed.
        """
        if not self._handshakeComplete:
            return errEarlyCloseWrite
        return self.closeNotify()

    def closeNotify(self) -> error | None:
        """crypto/tls.Conn.closeNotify: send close_notify once, bounded by a 5 s write deadline."""
        with self._out:
            if not self._closeNotifySent:
                self.SetWriteDeadline(time.Now().Add(5 * time.Second))
                assert self._sslobj is not None
                try:
                    self._sslobj.unwrap()
                except ssl.SSLError:
                    pass  # wants the peer's close_notify: ours is in _outgoing
                self._closeNotifyErr = self._flushLocked()
                self._closeNotifySent = True
                # Any subsequent writes will fail.
                self.SetWriteDeadline(time.Now())
            return self._closeNotifyErr

    def Handshake(self) -> error | None:
        """crypto/tls.Conn.Handshake: run the handshake if it has not run yet.

        Read and Write call it; calling it first lets a caller set a
        deadline for the handshake alone or see its error. A failed
        handshake's error is returned again by every later call.
        """
        return self.HandshakeContext(context.Background())

    def HandshakeContext(self, ctx: context.Context) -> error | None:
        """crypto/tls.Conn.HandshakeContext: Handshake, abandoned when ctx is done.

        If ctx ends first, the underlying conn is closed (as Go does) and
        ctx.Err() is returned.
        """
        if self._handshakeComplete:
            return None
        stop: Callable[[], bool] | None = None
        if ctx.Done() is not None:
            # Go's interrupter goroutine: closing the conn unblocks the handshake's I/O.
            stop = context.AfterFunc(ctx, self.conn.Close)
        err: error | None = None
        try:
            with self.handshakeMutex:
                if self.handshakeErr is not None:
                    err = self.handshakeErr
                elif not self._handshakeComplete:
                    with self._in:
                        self.handshakeErr = self._handshake()
                    err = self.handshakeErr
        finally:
            interrupted = stop is not None and not stop()
        if interrupted:
            ctxErr = ctx.Err()
            if ctxErr is not None:
                return ctxErr
        return err

    def ConnectionState(self) -> ConnectionState:
        """crypto/tls.Conn.ConnectionState: the negotiated parameters (zero before a handshake)."""
        cs = ConnectionState(HandshakeComplete=self._handshakeComplete)
        obj = self._sslobj
        if obj is None or not self._handshakeComplete:
            return cs
        cs.Version = _versionByName.get(obj.version() or "", 0)
        cipher = obj.cipher()
        cs.NegotiatedProtocol = obj.selected_alpn_protocol() or ""
        cs.DidResume = obj.session_reused
        leaf = obj.getpeercert(True)
        if cipher is not None:
            cs.CipherSuite = _cipherSuiteByOpenSSL.get(cipher[0], 0)
        cs.ServerName = self._serverName if not self.isClient else self.config.ServerName
        chain = self._peerChain or ([leaf] if leaf else [])
        for der in chain:
            c, err = x509.ParseCertificate(der)
            if c is not None:
                cs.PeerCertificates.append(c)
        cs.VerifiedChains = list(self._chains())
        cs.ekm = _ekm(obj, cs.Version)
        return cs

    def __enter__(self) -> Conn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.Close()

    # -- handshake_client.go / handshake_server.go, over OpenSSL

    def _handshake(self) -> error | None:
        """Build the SSLObject from config, then pump do_handshake until it completes."""
        if self._sslobj is None:
            if not self.isClient:
                err = self._serverHello()
                if err is not None:
                    return err
            err = self._makeSSLObject()
            if err is not None:
                return err
        assert self._sslobj is not None
        while True:
            want = False
            serr: ssl.SSLError | None = None
            try:
                self._sslobj.do_handshake()
            except ssl.SSLWantReadError:
                want = True
            except ssl.SSLError as e:
                serr = e
            # Flush before reporting: an alert OpenSSL queued goes to the peer, as Go's c.flush().
            ferr = self._flush()
            if serr is not None:
                return self._mapSSLError(serr, handshake=True)
            if ferr is not None:
                return ferr
            if not want:
                return self._verifyPeer()
            err = self._fill()
            if err is not None:
                return err

    def readClientHello(self) -> tuple[clientHelloMsg | None, error | None]:
        """crypto/tls.Conn.readClientHello, its reading half: the ClientHello, peeked.

        Records are read into the incoming BIO as usual (OpenSSL will
        consume them) while a copy is kept until one whole handshake
        message is in. Something other than a ClientHello gives (None,
        None): OpenSSL meets it first and reports it.
        """
        self._capture = bytearray()
        try:
            msg = bytearray()
            off = 0
            while True:
                buf = self._capture
                while len(buf) - off >= 5:
                    typ, n = buf[off], buf[off + 3] << 8 | buf[off + 4]
                    if typ != recordTypeHandshake or len(buf) - off - 5 < n:
                        break
                    msg += buf[off + 5:off + 5 + n]
                    off += 5 + n
                if len(buf) - off >= 5 and buf[off] != recordTypeHandshake:
                    return None, None
                if len(msg) >= 4:
                    if msg[0] != typeClientHello:
                        return None, None
                    mlen = int.from_bytes(msg[1:4], "big")
                    if mlen > maxHandshake:
                        self._sendPlainAlert(alertInternalError, 0)
                        return None, errors.New(f"tls: handshake message of length {mlen} "
                                               f"bytes exceeds maximum of {maxHandshake} bytes")
                    if len(msg) >= 4 + mlen:
                        hello = clientHelloMsg()
                        if not hello.unmarshal(bytes(msg[:4 + mlen])):
                            return None, self._sendPlainAlert(alertDecodeError, 0)
                        return hello, None
                err = self._fill()
                if err is not None:
                    if err is io.EOF and self._capture:
                        err = io.ErrUnexpectedEOF
                    return None, err
        finally:
            self._capture = None

    def _serverHello(self) -> error | None:
        """crypto/tls.serverHandshakeState's choices before the ServerHello, in Go's order.

        GetConfigForClient may replace the config; the version and ALPN
        are checked with Go's errors and alerts; getCertificate picks the
        certificate. OpenSSL then runs the handshake with that config.
        """
        hello, err = self.readClientHello()
        if err is not None:
            return err
        if hello is None:
            self._cert = self.config.Certificates[0] if self.config.Certificates else None
            return None
        self._serverName = hello.serverName
        if self.config.GetConfigForClient is not None:
            chi = clientHelloInfo(self._handshakeCtx, self, hello)
            cfg, err = self.config.GetConfigForClient(chi)
            if err is not None:
                self._sendPlainAlert(alertInternalError, 0)
                return err
            if cfg is not None:
                self.config = cfg
        clientVersions = hello.supportedVersions
        if not clientVersions:
            clientVersions = supportedVersionsFromMax(min(hello.vers, VersionTLS12))
        vers, ok = self.config.mutualVersion(False, clientVersions)
        if not ok:
            self._sendPlainAlert(alertProtocolVersion, 0)
            return errors.New("tls: client offered only unsupported versions: ["
                             + " ".join(f"{v:x}" for v in clientVersions) + "]")
        _, err = negotiateALPN(self.config.NextProtos, hello.alpnProtocols)
        if err is not None:
            self._sendPlainAlert(alertNoApplicationProtocol, vers)
            return err
        cert, err = self.config.getCertificate(clientHelloInfo(self._handshakeCtx, self, hello))
        if err is not None:
            self._sendPlainAlert(
                alertUnrecognizedName if err is errNoCertificates else alertInternalError, vers)
            return err
        self._cert = cert
        return None

    def clientSessionCacheKey(self) -> str:
        """crypto/tls.Conn.clientSessionCacheKey: ServerName, else the server's address."""
        if self.config.ServerName:
            return self.config.ServerName
        return str(self.conn.RemoteAddr().String()) if self.conn is not None else ""

    def _loadSession(self, ctx: ssl.SSLContext) -> ssl.SSLSession | None:
        """crypto/tls.Conn.loadSession, reduced: the cached session to offer, if any.

        A session made under another context (the Config changed since)
        cannot be offered and is dropped.
        """
        cache = self.config.ClientSessionCache
        if self.config.SessionTicketsDisabled or cache is None:
            return None
        cs, ok = cache.Get(self.clientSessionCacheKey())
        if not ok or cs is None:
            return None
        return cs._session if cs._ctx() is ctx else None

    def _storeSession(self) -> None:
        """Put the newest resumable session in the ClientSessionCache (Go's handleNewSessionTicket).

        Called after the handshake and after each Read until one session
        is stored: TLS 1.3 tickets arrive after the handshake, with
        application data.
        """
        cfg = self.config
        obj = self._sslobj
        if cfg.ClientSessionCache is None or cfg.SessionTicketsDisabled or obj is None:
            return
        sess = obj.session
        if sess is None or not sess.has_ticket or sess.id == self._sessionID:
            return
        self._sessionID = sess.id
        cfg.ClientSessionCache.Put(self.clientSessionCacheKey(),
                                   ClientSessionState(sess, obj.context))

    def _verifyPeer(self) -> error | None:
        """Config.VerifyPeerCertificate, then Config.VerifyConnection, as Go's handshakes call them.

        Discussion: Go runs these before its last handshake flight and
        sends a bad_certificate alert when one fails; OpenSSL has finished
        the handshake by the time they can run here, so a refusal sends no
        alert: the handshake fails on this side, and the peer sees the
        connection close.
        """
        cfg = self.config
        self._handshakeComplete = True
        if self.isClient:
            self._storeSession()
        asks = self.isClient or cfg.ClientAuth >= RequestClientCert
        if cfg.VerifyPeerCertificate is not None and asks:
            err = cfg.VerifyPeerCertificate(list(self._peerChain), self._chains())
            if err is not None:
                self._handshakeComplete = False
                return err
        if cfg.VerifyConnection is not None:
            err = cfg.VerifyConnection(self.ConnectionState())
            if err is not None:
                self._handshakeComplete = False
                return err
        return None

    def _chains(self) -> list[list[x509.Certificate]]:
        """Go's verifiedChains: the peer's chain up to the trusted root, if it was verified.

        Discussion: OpenSSL built and checked the chain; Python 3.11 cannot
        return it, so it is rebuilt from the peer's certificates, ending
        with the trusted certificate (from the context's store) that issued
        the last one.
        """
        cfg = self.config
        verified = (not cfg.InsecureSkipVerify if self.isClient else
                    cfg.ClientAuth >= VerifyClientCertIfGiven)
        if not verified or not self._peerChain or self._sslobj is None:
            return []
        if self._verifiedChains:
            return self._verifiedChains
        chain = [c for c in (x509.ParseCertificate(d)[0] for d in self._peerChain)
                 if c is not None]
        if not chain:
            return []
        last = chain[-1]
        if last.RawIssuer != last.RawSubject:
            for der in self._sslobj.context.get_ca_certs(binary_form=True):
                root, err = x509.ParseCertificate(der)
                if root is not None and root.RawSubject == last.RawIssuer:
                    chain.append(root)
                    break
        self._verifiedChains = [chain]
        return self._verifiedChains

    def _makeSSLObject(self) -> error | None:
        """Wrap the BIOs in an SSLObject made from the (cached) context for this config."""
        cfg = self.config
        if self.isClient:
            if not cfg.ServerName and not cfg.InsecureSkipVerify:
                return errors.New("tls: either ServerName or InsecureSkipVerify must be "
                                 "specified in the tls.Config")
            # makeClientHello's other checks of the config, in Go's order.
            nextProtosLength = 0
            for proto in cfg.NextProtos:
                n = len(proto.encode())
                if n == 0 or n > 255:
                    return errors.New("tls: invalid NextProtos value")
                nextProtosLength += 1 + n
            if nextProtosLength > 0xffff:
                return errors.New("tls: NextProtos values too large")
            if not cfg.supportedVersions(True):
                return errors.New("tls: no supported versions satisfy MinVersion and MaxVersion")
            host = cfg.ServerName
            if len(host) >= 3 and host[0] == "[" and host[-1] == "]":
                host = host[1:-1]
            self._verifyHost = host
            ctx, err = _sslContext(cfg, cfg.Certificates[0] if cfg.Certificates else None, True)
            if ctx is None:
                return err
            # An IP address is verified (by OpenSSL) but not sent as SNI, as in Go.
            obj = ctx.wrap_bio(self._incoming, self._outgoing, server_side=False,
                               server_hostname=host or None, session=self._loadSession(ctx))
        else:
            if self._cert is None:
                return errNoCertificates
            ctx, err = _sslContext(cfg, self._cert, False)
            if ctx is None:
                return err
            obj = ctx.wrap_bio(self._incoming, self._outgoing, server_side=True)
        obj._goConn = weakref.ref(self)  # type: ignore[attr-defined]
        self._sslobj = obj
        return None

    def _onMessage(self, data: bytes) -> None:
        """Capture the peer's Certificate message (for PeerCertificates and Go's error texts)."""
        try:
            self._peerChain = _parseCertificateMsg(data, self._sslobj)
        except (IndexError, ValueError):
            pass

    def _onCertificateRequest(self, data: bytes, tls13: bool) -> None:
        """crypto/tls.Conn.getClientCertificate's choice, made as the request arrives.

        Go sends a certificate only if the server's list of acceptable CAs
        is empty or names the issuer of one of the chain's certificates;
        otherwise an empty Certificate message. OpenSSL would send the
        configured one regardless, so here the connection's certificate is
        cleared (SSL_certs_clear) before OpenSSL answers.
        """
        if not self.isClient or not self.config.Certificates or self._sslobj is None:
            return
        try:
            cas = _parseCertificateRequestCAs(data, tls13)
        except (IndexError, ValueError):
            return
        if not cas:
            return
        for der in self.config.Certificates[0].Certificate:
            cert, err = x509.ParseCertificate(der)
            if cert is not None and cert.RawIssuer in cas:
                return
        lib = _libssl.load()
        p = _libssl.sslPtr(self._sslobj)
        if lib is not None and p:
            lib.SSL_certs_clear(p)

    def _mapSSLError(self, e: ssl.SSLError, handshake: bool = False) -> error:
        """OpenSSL's failure as Go's error value (the table is in the module docstring)."""
        if isinstance(e, ssl.SSLCertVerificationError):
            certs = [c for c in (x509.ParseCertificate(d)[0] for d in self._peerChain)
                     if c is not None]
            return CertificateVerificationError(UnverifiedCertificates=certs,
                                                Err=self._x509Error(e, certs))
        if isinstance(e, (ssl.SSLZeroReturnError, ssl.SSLEOFError)):
            return io.EOF
        reason = e.reason or _reasonFromText(str(e))
        n = _alertByReason.get(reason)
        if n is not None:
            return permanentError(net.OpError(Op="remote error", Err=alert(n)))
        # Only before the peer's certificate arrived can bad framing mean "not TLS at all".
        if handshake and reason in _firstRecordReasons and not self._peerChain:
            return RecordHeaderError(Msg="first record does not look like a TLS handshake",
                                     Conn=self.conn)
        text = _localReasons.get(reason)
        if text is not None:
            return errors.New(text)
        return errors.New("tls: " + (reason.lower().replace("_", " ") or str(e)))

    def _x509Error(self, e: ssl.SSLCertVerificationError,
                   certs: list[x509.Certificate]) -> error:
        """crypto/x509.Certificate.Verify's error for a chain OpenSSL rejected.

        OpenSSL reports the first problem it meets building the chain; Go's
        Verify checks in a fixed order and reports the first failure: the
        leaf's validity period, then (a client) the leaf against ServerName,
        then the chain (unknown authority, an intermediate out of its period,
        key usage). So a self-signed certificate for the wrong name is a
        HostnameError, as in Go, not OpenSSL's unknown issuer.
        """
        code = e.verify_code
        leaf = certs[0] if certs else None
        if leaf is not None:
            verr = x509._validityError(leaf, time.Now())
            if verr is not None:
                return verr
            if self.isClient and self.config.ServerName:
                herr = leaf.VerifyHostname(self.config.ServerName)
                if herr is not None:
                    return herr
        if code in (2, 18, 19, 20, 21):
            return x509.UnknownAuthorityError(Cert=leaf)
        if code in (62, 64):
            # Go's verifier calls VerifyHostname(ServerName): its error, with Go's Host.
            if leaf is not None:
                herr = leaf.VerifyHostname(self.config.ServerName)
                if herr is not None:
                    return herr
            return x509.HostnameError(Certificate=leaf, Host=self.config.ServerName)
        if code in (9, 10):
            # Go's text names the times; the first certificate out of its period is reported.
            now = time.Now()
            for c in certs:
                verr = x509._validityError(c, now)
                if verr is not None:
                    return verr
            return x509.CertificateInvalidError(Cert=leaf, Reason=x509.Expired,
                                                Detail=str(e.verify_message))
        if code == 24:
            return x509.CertificateInvalidError(Cert=leaf, Reason=x509.NotAuthorizedToSign)
        if code == 26:
            return x509.CertificateInvalidError(Cert=leaf, Reason=x509.IncompatibleUsage)
        return errors.New("x509: " + str(e.verify_message))


# ---------------------------------------------------------------- handshake_messages.go


class _reader:
    """The few cryptobyte.String reads clientHelloMsg.unmarshal needs (ValueError when short)."""

    __slots__ = ("b", "i")

    def __init__(self, b: bytes) -> None:
        self.b = b
        self.i = 0

    def empty(self) -> bool:
        return self.i >= len(self.b)

    def bytes(self, n: int) -> bytes:
        if n < 0 or self.i + n > len(self.b):
            raise ValueError("short")
        self.i += n
        return self.b[self.i - n:self.i]

    def uint(self, n: int) -> int:
        return int.from_bytes(self.bytes(n), "big")

    def prefixed(self, n: int) -> _reader:
        return _reader(self.bytes(self.uint(n)))


@dataclass(eq=False)
class clientHelloMsg:
    """crypto/tls.clientHelloMsg, the fields ClientHelloInfo and the server's checks need."""

    vers: int = 0
    cipherSuites: list[int] = field(default_factory=list)
    serverName: str = ""
    supportedCurves: list[int] = field(default_factory=list)
    supportedPoints: list[int] = field(default_factory=list)
    supportedSignatureAlgorithms: list[int] = field(default_factory=list)
    alpnProtocols: list[str] = field(default_factory=list)
    supportedVersions: list[int] = field(default_factory=list)
    extensions: list[int] = field(default_factory=list)

    def unmarshal(self, data: bytes) -> bool:
        """crypto/tls.clientHelloMsg.unmarshal: parse a whole ClientHello message.

        The extensions OpenSSL alone acts on (key shares, PSKs, tickets...)
        are recorded in ``extensions`` but not decoded; OpenSSL checks them.
        """
        try:
            return self._unmarshal(_reader(data))
        except (ValueError, UnicodeDecodeError):
            return False

    def _unmarshal(self, s: _reader) -> bool:
        s.bytes(4)
        self.vers = s.uint(2)
        s.bytes(32)
        s.prefixed(1)  # session id
        suites = s.prefixed(2)
        while not suites.empty():
            self.cipherSuites.append(suites.uint(2))
        s.prefixed(1)  # compression methods
        if s.empty():
            return True
        exts = s.prefixed(2)
        if not s.empty():
            return False
        while not exts.empty():
            ext = exts.uint(2)
            d = exts.prefixed(2)
            if ext in self.extensions:
                return False
            self.extensions.append(ext)
            if ext == extensionServerName:
                names = d.prefixed(2)
                if names.empty():
                    return False
                while not names.empty():
                    nameType = names.uint(1)
                    name = names.prefixed(2)
                    if name.empty():
                        return False
                    if nameType != 0:
                        continue
                    if self.serverName:
                        return False
                    self.serverName = name.b.decode("ascii")
                    if self.serverName.endswith("."):
                        return False
            elif ext == extensionSupportedCurves:
                curves = d.prefixed(2)
                if curves.empty():
                    return False
                while not curves.empty():
                    self.supportedCurves.append(curves.uint(2))
            elif ext == extensionSupportedPoints:
                self.supportedPoints = list(d.prefixed(1).b)
                if not self.supportedPoints:
                    return False
            elif ext == extensionSignatureAlgorithms:
                algs = d.prefixed(2)
                if algs.empty():
                    return False
                while not algs.empty():
                    self.supportedSignatureAlgorithms.append(algs.uint(2))
            elif ext == extensionALPN:
                protos = d.prefixed(2)
                if protos.empty():
                    return False
                while not protos.empty():
                    proto = protos.prefixed(1)
                    if proto.empty():
                        return False
                    self.alpnProtocols.append(proto.b.decode("latin-1"))
            elif ext == extensionSupportedVersions:
                versions = d.prefixed(1)
                if versions.empty():
                    return False
                while not versions.empty():
                    self.supportedVersions.append(versions.uint(2))
            else:
                continue
            if not d.empty():
                return False
        return True


extensionServerName: Final = 0
extensionSupportedCurves: Final = 10
extensionSupportedPoints: Final = 11
extensionSignatureAlgorithms: Final = 13
extensionALPN: Final = 16
extensionSupportedVersions: Final = 43
extensionCertificateAuthorities: Final = 47

supportedVersions: Final = (VersionTLS13, VersionTLS12, VersionTLS11, VersionTLS10)


def supportedVersionsFromMax(maxVersion: int) -> list[int]:
    """crypto/tls.supportedVersionsFromMax: the versions up to maxVersion, newest first."""
    return [v for v in supportedVersions if v <= maxVersion]


def negotiateALPN(serverProtos: list[str], clientProtos: list[str]) -> tuple[str, error | None]:
    """crypto/tls.negotiateALPN: the server's first protocol the client offered.

    No overlap is an error, except that an "http/1.1" client may reach an
    "h2"-only server without ALPN (Go's compatibility exception).
    """
    if not serverProtos or not clientProtos:
        return "", None
    http11fallback = False
    for sp in serverProtos:
        for cp in clientProtos:
            if sp == cp:
                return sp, None
            if sp == "h2" and cp == "http/1.1":
                http11fallback = True
    if http11fallback:
        return "", None
    return "", fmt.Errorf("tls: client requested unsupported application protocols (%q)",
                          clientProtos)


def clientHelloInfo(ctx: context.Context | None, c: Conn, hello: clientHelloMsg) -> ClientHelloInfo:
    """crypto/tls.clientHelloInfo: the ClientHelloInfo of a parsed ClientHello."""
    versions = hello.supportedVersions or supportedVersionsFromMax(hello.vers)
    return ClientHelloInfo(
        CipherSuites=hello.cipherSuites, ServerName=hello.serverName,
        SupportedCurves=hello.supportedCurves, SupportedPoints=hello.supportedPoints,
        SignatureSchemes=hello.supportedSignatureAlgorithms,
        SupportedProtos=hello.alpnProtocols, SupportedVersions=versions,
        Extensions=hello.extensions, Conn=c.conn, config=c.config, ctx=ctx)


# ---------------------------------------------------------------- the port's OpenSSL contexts


def _onMessage(obj: Any, direction: str, version: Any, contentType: Any,
               _msgType: Any, data: bytes) -> None:
    """SSLContext._msg_callback: hand a received Certificate message to its Conn."""
    if direction != "read" or int(contentType) != 22 or len(data) < 4 or data[0] not in (11, 13):
        return
    ref = getattr(obj, "_goConn", None)
    c = ref() if ref is not None else None
    if c is None:
        return
    if data[0] == 11:
        c._onMessage(data)
    else:
        c._onCertificateRequest(data, int(version) == VersionTLS13)


def _poolKey(p: x509.CertPool | None) -> Any:
    return None if p is None else (p._system, tuple(p._certs))


def _sslContext(cfg: Config, cert: Certificate | None,
                isClient: bool) -> tuple[ssl.SSLContext | None, error | None]:
    """The OpenSSL context for cfg (and, on a server, the chosen cert), made once and cached.

    Discussion: building a context (loading a key, the system roots) costs
    far more than a handshake, and a server's session tickets only resume
    on the context that issued them, so contexts are cached on the Config,
    keyed by every field that goes into one. Go forbids changing a Config
    in use; a change here simply builds a new context.
    """
    key = (isClient, tuple(cfg.NextProtos), cfg.ClientAuth, _poolKey(cfg.ClientCAs),
           _poolKey(cfg.RootCAs), cfg.InsecureSkipVerify, tuple(cfg.CipherSuites),
           cfg.MinVersion, cfg.MaxVersion, cfg.SessionTicketsDisabled,
           id(cert) if cert is not None else None)
    hit = cfg._contexts.get(key)
    if hit is not None and hit[0] is cert:
        return hit[1], None
    # Reading the system roots or a key file takes milliseconds: off the
    # runtime's thread, so other goroutines run meanwhile (cgocall's way).
    ctx, err = rt.blocking(_newSSLContext, cfg, cert, isClient)
    if ctx is None:
        return None, err
    if len(cfg._contexts) >= 32:
        cfg._contexts.clear()
    cfg._contexts[key] = (cert, ctx)
    return ctx, None


def _newSSLContext(cfg: Config, cert: Certificate | None,
                   isClient: bool) -> tuple[ssl.SSLContext | None, error | None]:
    """A new OpenSSL context set up from cfg (and, on a server, the certificate)."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT if isClient else ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = _sslVersions.get(cfg.MinVersion or VersionTLS12,
                                           ssl.TLSVersion.TLSv1_2)
    ctx.maximum_version = _sslVersions.get(cfg.MaxVersion or VersionTLS13,
                                           ssl.TLSVersion.TLSv1_3)
    suites = [_cipherSuiteNames[s][1] for s in cfg.CipherSuites
              if s in _cipherSuiteNames and s > 0x1303]
    if suites:
        try:
            ctx.set_ciphers(":".join(suites))
        except ssl.SSLError:
            return None, errors.New("tls: no cipher suite supported by both client and server")
    # (A client's list was checked already; a server's entries that no
    # client can offer, empty or over 255 bytes, are left out, as they can
    # never be chosen.)
    protos = [p for p in cfg.NextProtos if 0 < len(p.encode()) <= 255]
    if protos:
        ctx.set_alpn_protocols(protos)
    if cfg.SessionTicketsDisabled:
        # No tickets (TLS 1.2's extension, TLS 1.3's NewSessionTicket), and no
        # session-ID cache on a server: Go's servers keep none.
        ctx.options |= ssl.OP_NO_TICKET
        if not isClient:
            ctx.num_tickets = 0
            lib = _libssl.load()
            ptr = _libssl.ctxPtr(ctx)
            if lib is not None and ptr:
                lib.SSL_CTX_ctrl(ptr, _SSL_CTRL_SET_SESS_CACHE_MODE, 0, None)
    if cert is not None:
        err = _loadCertificate(ctx, cert)
        if err is not None:
            return None, err
        _sendChainAsGiven(ctx)
    # The peer's Certificate messages are captured for PeerCertificates and Go's
    # error texts; a server that asks no certificate would only pay for the
    # call on every record (Python's ssl calls back per record, not per message).
    if isClient or cfg.ClientAuth != NoClientCert:
        ctx._msg_callback = _onMessage  # type: ignore[attr-defined]
    if isClient:
        if cfg.InsecureSkipVerify:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        elif cfg.RootCAs is not None:
            cfg.RootCAs._load(ctx)
        else:
            ctx.load_default_certs()
    elif cfg.ClientAuth != NoClientCert:
        required = cfg.ClientAuth in (RequireAnyClientCert, RequireAndVerifyClientCert)
        ctx.verify_mode = ssl.CERT_REQUIRED if required else ssl.CERT_OPTIONAL
        if cfg.ClientAuth in (RequestClientCert, RequireAnyClientCert):
            err = _acceptAnyCertificate(ctx)
            if err is not None:
                return None, err
        elif cfg.ClientCAs is not None:
            cfg.ClientCAs._load(ctx)
        else:
            ctx.load_default_certs(ssl.Purpose.CLIENT_AUTH)
        if cfg.ClientCAs is not None and cfg.ClientCAs._certs:
            err = _sendAcceptableCAs(ctx, cfg.ClientCAs)
            if err is not None:
                return None, err
    return ctx, None


# The CPython releases whose object layouts _libssl was checked against: on
# another, the features that need it report themselves unavailable rather
# than hand libssl a pointer read from an unknown layout.
_libsslPythons: Final = frozenset({(3, 11), (3, 12), (3, 13)})


class _libssl:
    """The few libssl calls Python's ssl module does not offer, through ctypes.

    Discussion: the pointers come from CPython's objects, where the C
    structs keep them right after the object header (``SSL_CTX *`` in an
    SSLContext; ``SSL *`` after the socket weakref in the ``_ssl._SSLSocket``
    an SSLObject wraps). Each pointer is checked against what OpenSSL says
    of it before use (the context's verify mode; the SSL's context), so a
    CPython that lays them out differently gets an error, not a crash.
    """

    lib: Any = None
    verifyCB: Any = None

    @classmethod
    def load(cls) -> Any:
        import ctypes

        if sys.version_info[:2] not in _libsslPythons:
            return None
        if cls.lib is None:
            paths = [ln.split()[-1] for ln in open("/proc/self/maps") if "libssl.so" in ln]
            if not paths:
                return None
            lib = ctypes.CDLL(paths[0])
            vp, sz, ci = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int
            cbType = ctypes.CFUNCTYPE(ci, ci, vp)
            for name, res, args in (
                    ("SSL_CTX_get_verify_mode", ci, [vp]),
                    ("SSL_CTX_set_verify", None, [vp, ci, cbType]),
                    ("SSL_get_SSL_CTX", vp, [vp]),
                    ("SSL_ctrl", ctypes.c_long, [vp, ci, ctypes.c_long, vp]),
                    ("SSL_CTX_ctrl", ctypes.c_long, [vp, ci, ctypes.c_long, vp]),
                    ("SSL_certs_clear", None, [vp]),
                    ("SSL_load_client_CA_file", vp, [ctypes.c_char_p]),
                    ("SSL_CTX_set_client_CA_list", None, [vp, vp]),
                    ("SSL_export_keying_material", ci,
                     [vp, ctypes.c_char_p, sz, ctypes.c_char_p, sz, ctypes.c_char_p, sz, ci])):
                f = getattr(lib, name)
                f.restype, f.argtypes = res, args
            cls.verifyCB = cbType(lambda ok, store: 1)
            cls.lib = lib
        return cls.lib

    @staticmethod
    def ctxPtr(ctx: ssl.SSLContext) -> int:
        import ctypes

        return ctypes.c_void_p.from_address(id(ctx) + object.__basicsize__).value or 0

    @classmethod
    def sslPtr(cls, obj: ssl.SSLObject) -> int:
        import ctypes

        lib = cls.load()
        inner = obj._sslobj  # type: ignore[attr-defined]
        p = ctypes.c_void_p.from_address(id(inner) + object.__basicsize__
                                         + ctypes.sizeof(ctypes.c_void_p)).value or 0
        if lib is None or not p or lib.SSL_get_SSL_CTX(p) != cls.ctxPtr(obj.context):
            return 0
        return p


_SSL_CTRL_GET_EXTMS_SUPPORT: Final = 122  # SSL_get_extms_support is a macro over SSL_ctrl
_SSL_CTRL_MODE: Final = 33
_SSL_CTRL_SET_SESS_CACHE_MODE: Final = 44
_SSL_MODE_NO_AUTO_CHAIN: Final = 0x8


def _sendChainAsGiven(ctx: ssl.SSLContext) -> None:
    """Send Certificate.Certificate as it is, as Go does (SSL_MODE_NO_AUTO_CHAIN).

    Discussion: by default OpenSSL completes a one-certificate chain from
    the context's trust store, so a server that trusts its own CA for
    client certificates would also send that CA. Without libssl through
    ctypes the default stays (more certificates, same verification).
    """
    lib = _libssl.load()
    ptr = _libssl.ctxPtr(ctx)
    if lib is not None and ptr and lib.SSL_CTX_get_verify_mode(ptr) == _verifyModes[
            ctx.verify_mode]:
        lib.SSL_CTX_ctrl(ptr, _SSL_CTRL_MODE, _SSL_MODE_NO_AUTO_CHAIN, None)


def _sendAcceptableCAs(ctx: ssl.SSLContext, pool: x509.CertPool) -> error | None:
    """Name ClientCAs' subjects in the CertificateRequest, as Go's servers do.

    Clients (Go's among them) use the list to pick a certificate, or to
    send none when none fits. SSL_load_client_CA_file reads the names from
    a PEM file (a memfd here); SSL_CTX_set_client_CA_list takes them.
    """
    lib = _libssl.load()
    ptr = _libssl.ctxPtr(ctx)
    if lib is None or not ptr or lib.SSL_CTX_get_verify_mode(ptr) != _verifyModes[
            ctx.verify_mode]:
        return None
    try:
        fd = _pyos.memfd_create("tls-client-cas", 0)
    except OSError as e:
        return _syscallError("memfd_create", e)
    try:
        _pyos.write(fd, "".join(x509._pem(d) for d in pool._certs).encode())
        names = lib.SSL_load_client_CA_file(f"/proc/self/fd/{fd}".encode())
    finally:
        _pyos.close(fd)
    if names:
        lib.SSL_CTX_set_client_CA_list(ptr, names)
    return None


_verifyModes: Final = {ssl.CERT_NONE: 0, ssl.CERT_OPTIONAL: 1, ssl.CERT_REQUIRED: 3}


def _acceptAnyCertificate(ctx: ssl.SSLContext) -> error | None:
    """Make ctx ask for a client certificate without verifying it (RequestClientCert).

    Discussion: Python's ssl has no "request but do not verify" mode, so
    this installs an OpenSSL verify callback that accepts every
    certificate (SSL_CTX_set_verify, keeping the mode ssl already set).
    """
    lib = _libssl.load()
    ptr = _libssl.ctxPtr(ctx)
    want = _verifyModes[ctx.verify_mode]
    if lib is None or not ptr or lib.SSL_CTX_get_verify_mode(ptr) != want:
        return errors.New("tls: RequestClientCert is not available with this Python's ssl")
    lib.SSL_CTX_set_verify(ptr, want, _libssl.verifyCB)
    return None


def _ekm(obj: ssl.SSLObject, version: int) -> Callable[[str, bytes | None, int],
                                                          tuple[bytes, error | None]]:
    """Go's ConnectionState.ekm: keying material from OpenSSL (SSL_export_keying_material)."""
    def export(label: str, context: bytes | None, length: int) -> tuple[bytes, error | None]:
        lib = _libssl.load()
        p = _libssl.sslPtr(obj)
        if not p:
            return b"", errors.New("crypto/tls: ExportKeyingMaterial is unavailable")
        if version != VersionTLS13:
            if lib.SSL_ctrl(p, _SSL_CTRL_GET_EXTMS_SUPPORT, 0, None) != 1:
                return b"", errors.New("crypto/tls: ExportKeyingMaterial is unavailable when "
                                      "neither TLS 1.3 nor Extended Master Secret are "
                                      "negotiated")
            if label in ("client finished", "server finished", "master secret",
                         "key expansion"):
                return b"", errors.New("crypto/tls: reserved ExportKeyingMaterial label: "
                                      + label)
            if context is not None and len(context) >= 1 << 16:
                return b"", errors.New("crypto/tls: ExportKeyingMaterial context too long")
        out = bytes(length)
        lb = label.encode()
        ctxb = bytes(context) if context is not None else b""
        if lib.SSL_export_keying_material(p, out, length, lb, len(lb), ctxb, len(ctxb),
                                          int(context is not None)) != 1:
            return b"", errors.New("crypto/tls: ExportKeyingMaterial failed")
        return out, None

    return export


def _parseCertificateRequestCAs(data: bytes, tls13: bool) -> set[bytes]:
    """The certificate_authorities of a CertificateRequest message (DER names)."""
    r = _reader(data)
    r.bytes(4)
    if tls13:
        r.prefixed(1)  # certificate_request_context
        exts = r.prefixed(2)
        while not exts.empty():
            ext, d = exts.uint(2), exts.prefixed(2)
            if ext == extensionCertificateAuthorities:
                r = d
                break
        else:
            return set()
    else:
        r.prefixed(1)  # certificate types
        r.prefixed(2)  # signature algorithms
    names = r.prefixed(2)
    out = set()
    while not names.empty():
        out.add(names.prefixed(2).b)
    return out


def _parseCertificateMsg(data: bytes, obj: Any) -> list[bytes]:
    """The DER certificates of a Certificate handshake message (TLS 1.2 or 1.3 layout)."""
    body = data[4:]
    tls13 = False
    # TLS 1.3 starts with a certificate_request_context (one length byte, 0 from a server).
    if len(body) >= 4 and int.from_bytes(body[1:4], "big") == len(body) - 4:
        tls13 = True
        body = body[1 + body[0]:]
    total = int.from_bytes(body[0:3], "big")
    p = body[3:3 + total]
    out = []
    while len(p) >= 3:
        n = int.from_bytes(p[0:3], "big")
        out.append(bytes(p[3:3 + n]))
        p = p[3 + n:]
        if tls13:
            ext = int.from_bytes(p[0:2], "big")
            p = p[2 + ext:]
    return out


def _reasonFromText(text: str) -> str:
    """OpenSSL's reason name from an SSLError's text, for reasons this Python's table lacks.

    ("[SSL] tlsv1 alert no application protocol (_ssl.c:1006)" gives
    "TLSV1_ALERT_NO_APPLICATION_PROTOCOL".)
    """
    m = re.search(r"\] (.*?) \(_ssl\.c", text)
    return m.group(1).upper().replace(" ", "_") if m else ""


def _asError(err: Any) -> error | None:
    """An error value from an untyped net.Conn, typed."""
    return err  # type: ignore[no-any-return]


def _loadCertificate(ctx: ssl.SSLContext, cert: Certificate) -> error | None:
    """Install cert's chain and key in ctx (through a memfd: OpenSSL's API wants a path)."""
    pem = "".join(ssl.DER_cert_to_PEM_cert(d) for d in cert.Certificate)
    key = cert.PrivateKey
    if isinstance(key, str):
        key = key.encode()
    if not isinstance(key, (bytes, bytearray)):
        return errors.New("tls: unknown private key type")
    try:
        fd = _pyos.memfd_create("tls-cert", 0)
    except OSError as e:
        return _syscallError("memfd_create", e)
    try:
        _pyos.write(fd, pem.encode() + b"\n" + bytes(key))
        ctx.load_cert_chain(f"/proc/self/fd/{fd}")
    except ssl.SSLError as e:
        if e.reason == "KEY_VALUES_MISMATCH":
            return errors.New("tls: private key does not match public key")
        return errors.New("tls: failed to parse private key")
    except OSError as e:
        # OpenSSL could not open the memfd's path: out of fds (EMFILE).
        return _syscallError("open", e)
    finally:
        _pyos.close(fd)
    return None


def _syscallError(name: str, e: OSError) -> error:
    """A failed system call of the context's set-up (a memfd: out of fds) as an error value.

    Go keeps certificates in memory and needs no descriptor for them; this
    port hands them to OpenSSL through a memfd, so a process at its fd
    limit fails the handshake with, say, "memfd_create: too many open
    files" instead of raising. The context is not cached, so the next
    handshake tries again.
    """
    return _os.NewSyscallError(name, syscall.Errno(e.errno or 0)) or errors.New(name)


# ---------------------------------------------------------------- tls.go


def Server(conn: Any, config: Config) -> Conn:
    """crypto/tls.Server: a server-side Conn over conn; the handshake runs on first I/O.

    config must have Certificates (checked at handshake time).
    """
    return Conn(conn, config, False)


def Client(conn: Any, config: Config) -> Conn:
    """crypto/tls.Client: a client-side Conn over conn; the handshake runs on first I/O.

    config must set ServerName or InsecureSkipVerify (checked at handshake time).
    """
    return Conn(conn, config, True)


class listener:
    """crypto/tls.listener: a net.Listener whose Accept wraps each conn with Server.

    Accept does not run the handshake (the first Read or Write does, in the
    goroutine serving the conn), as in Go.
    """

    def __init__(self, inner: Any, config: Config) -> None:
        self.Listener = inner
        self.config = config

    def Accept(self) -> tuple[Conn | None, error | None]:
        """crypto/tls.listener.Accept."""
        c, err = self.Listener.Accept()
        if err is not None:
            return None, err
        return Server(c, self.config), None

    def Close(self) -> error | None:
        """net.Listener.Close of the inner listener."""
        return self.Listener.Close()  # type: ignore[no-any-return]

    def Addr(self) -> Any:
        """net.Listener.Addr of the inner listener."""
        return self.Listener.Addr()

    def __enter__(self) -> listener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.Close()


def NewListener(inner: Any, config: Config) -> listener:
    """crypto/tls.NewListener: a Listener that serves TLS on inner's conns."""
    return listener(inner, config)


def Listen(network: str, laddr: str, config: Config | None) -> tuple[listener | None, error | None]:
    """crypto/tls.Listen: net.Listen, then NewListener. config must have Certificates."""
    if config is None or not (config.Certificates or config.GetCertificate is not None
                              or config.GetConfigForClient is not None):
        return None, errors.New(
            "tls: neither Certificates, GetCertificate, nor GetConfigForClient set in Config")
    l, err = net.Listen(network, laddr)
    if err is not None:
        return None, err
    return NewListener(l, config), None


def DialWithDialer(dialer: Any, network: str, addr: str,
                   config: Config | None) -> tuple[Conn | None, error | None]:
    """crypto/tls.DialWithDialer: dial, then handshake, within dialer's Timeout/Deadline.

    ServerName defaults to the host part of addr. On a handshake failure the
    raw conn is closed and the error returned.
    """
    return _dial(context.Background(), dialer, network, addr, config)


def _dial(ctx: context.Context, netDialer: Any, network: str, addr: str,
          config: Config | None) -> tuple[Conn | None, error | None]:
    """crypto/tls.dial."""
    cancels: list[Callable[[], None]] = []
    try:
        if netDialer.Timeout != 0:
            ctx, cancel = context.WithTimeout(ctx, netDialer.Timeout)
            cancels.append(cancel)
        if not netDialer.Deadline.IsZero():
            ctx, cancel = context.WithDeadline(ctx, netDialer.Deadline)
            cancels.append(cancel)
        rawConn, err = netDialer.DialContext(ctx, network, addr)
        if err is not None:
            return None, err
        colonPos = addr.rfind(":")
        if colonPos == -1:
            colonPos = len(addr)
        hostname = addr[:colonPos]
        if config is None:
            config = _defaultConfig()
        # If no ServerName is set, infer the ServerName from the hostname we're connecting to.
        if config.ServerName == "":
            config = config.Clone()
            config.ServerName = hostname
        conn = Client(rawConn, config)
        err = conn.HandshakeContext(ctx)
        if err is not None:
            rawConn.Close()
            return None, err
        return conn, None
    finally:
        for c in cancels:
            c()


def Dial(network: str, addr: str, config: Config | None) -> tuple[Conn | None, error | None]:
    """crypto/tls.Dial: net.Dial, then a client handshake (see DialWithDialer)."""
    return DialWithDialer(net.Dialer(), network, addr, config)


@dataclass(eq=False)
class Dialer:
    """crypto/tls.Dialer: dials TLS with a net.Dialer (NetDialer) and a Config."""

    NetDialer: Any = None
    Config: Config | None = None

    def Dial(self, network: str, addr: str) -> tuple[Conn | None, error | None]:
        """crypto/tls.Dialer.Dial: connect to addr on network and complete the TLS handshake;
        DialContext with context.Background().
        """
        return self.DialContext(context.Background(), network, addr)

    def netDialer(self) -> Any:
        """crypto/tls.Dialer.netDialer: NetDialer, or a zero net.Dialer."""
        return self.NetDialer if self.NetDialer is not None else net.Dialer()

    def DialContext(self, ctx: context.Context, network: str,
                    addr: str) -> tuple[Conn | None, error | None]:
        """crypto/tls.Dialer.DialContext: connect and handshake; ctx bounds both."""
        return _dial(ctx, self.netDialer(), network, addr, self.Config)


def LoadX509KeyPair(certFile: str, keyFile: str) -> tuple[Certificate, error | None]:
    """crypto/tls.LoadX509KeyPair: read two PEM files and call X509KeyPair.

    A file that cannot be read gives Go's *PathError ("open x: no such file
    or directory").
    """
    blocks: list[bytes] = []
    for name in (certFile, keyFile):
        try:
            with open(name, "rb") as f:
                blocks.append(f.read())
        except OSError as e:
            return Certificate(), _os.PathError(
                Op="open", Path=name, Err=syscall.Errno(e.errno or _errno.EIO))
    return X509KeyPair(blocks[0], blocks[1])


def X509KeyPair(certPEMBlock: bytes | str,
                keyPEMBlock: bytes | str) -> tuple[Certificate, error | None]:
    """crypto/tls.X509KeyPair: a Certificate from PEM data, with Go's error texts.

    The key must match the leaf's public key ("tls: private key does not
    match public key"); the check is OpenSSL's.
    """
    def fail(err: error) -> tuple[Certificate, error | None]:
        return Certificate(), err

    cert = Certificate()
    skipped: list[str] = []
    for typ, der in x509._pemBlocks(certPEMBlock):
        if typ == "CERTIFICATE":
            cert.Certificate.append(der)
        else:
            skipped.append(typ)
    if not cert.Certificate:
        if not skipped:
            return fail(errors.New("tls: failed to find any PEM data in certificate input"))
        if len(skipped) == 1 and skipped[0].endswith("PRIVATE KEY"):
            return fail(errors.New("tls: failed to find certificate PEM data in certificate "
                                  "input, but did find a private key; PEM inputs may have "
                                  "been switched"))
        return fail(errors.New('tls: failed to find "CERTIFICATE" PEM block in certificate '
                              "input after skipping PEM blocks of the following types: ["
                              + " ".join(skipped) + "]"))
    skipped = []
    keyBlocks = x509._pemBlocks(keyPEMBlock)
    keyRaw = keyPEMBlock.encode() if isinstance(keyPEMBlock, str) else bytes(keyPEMBlock)
    found = False
    for typ, _ in keyBlocks:
        if typ == "PRIVATE KEY" or typ.endswith(" PRIVATE KEY"):
            found = True
            break
        skipped.append(typ)
    if not found:
        if not skipped:
            return fail(errors.New("tls: failed to find any PEM data in key input"))
        if len(skipped) == 1 and skipped[0] == "CERTIFICATE":
            return fail(errors.New("tls: found a certificate rather than a key in the PEM "
                                  "for the private key"))
        return fail(errors.New('tls: failed to find PEM block with type ending in "PRIVATE KEY" '
                              "in key input after skipping PEM blocks of the following types: ["
                              + " ".join(skipped) + "]"))
    leaf, err = x509.ParseCertificate(cert.Certificate[0])
    if err is not None:
        return fail(err)
    cert.Leaf = leaf
    cert.PrivateKey = keyRaw
    # Go parses the key and compares it with the leaf's public key; OpenSSL does both here.
    err = _loadCertificate(ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER), cert)
    if err is not None:
        return fail(err)
    return cert, None
