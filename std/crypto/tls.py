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
``_out`` is held and written before it is released. ``_sslMu`` guards the
SSLObject itself, which is not re-entrant; it is held only across one
OpenSSL call, never across conn I/O, so a reader parked in ``conn.Read``
never blocks a writer. One reader and one writer goroutine may use a
Conn at once, as in Go.

Errors. OpenSSL's failures are mapped to Go's values where Go has one
(``_mapSSLError``): a peer's alert becomes ``net.OpError(Op="remote
error", Err=alert(n))`` ("remote error: tls: bad certificate"); a peer that
does not speak TLS, ``RecordHeaderError`` ("tls: first record does not
look like a TLS handshake"); a failed verification,
``CertificateVerificationError`` wrapping the x509 error ("tls: failed to
verify certificate: x509: certificate signed by unknown authority"); an
EOF, ``io.EOF``. Errors of the underlying conn (a deadline's "i/o
timeout", a closed conn) are returned as they come, as Go returns them.
A failure with no Go counterpart keeps OpenSSL's reason, lower-cased:
"tls: <reason>".

What differs from Go, and why (OpenSSL through Python's ``ssl``):

* ``ClientAuth``: ``RequestClientCert`` and ``VerifyClientCertIfGiven``
  both ask for a certificate and verify one if given (Python offers no
  "request but do not verify"); ``RequireAnyClientCert`` and
  ``RequireAndVerifyClientCert`` both require and verify one against
  ``ClientCAs``.
* The hostname is checked by OpenSSL (so the peer gets OpenSSL's alert);
  for Go's text, the server's certificate is captured from the handshake
  messages (``SSLContext._msg_callback``) and parsed with x509.
* An EOF in the middle of a record is reported as ``io.EOF``, not
  ``io.ErrUnexpectedEOF``: OpenSSL does not tell the two apart.
* ``Write`` reports ``(0, err)`` when the conn fails: the records of one
  Write go out in one ``conn.Write``.
* ``CipherSuites`` applies to TLS 1.2 only (as in Go) and only the suites
  of ``_cipherSuiteNames``; ``CurvePreferences``, ``SessionTicketsDisabled``,
  ``ClientSessionCache``, ``KeyLogWriter``, ``Renegotiation``,
  ``VerifyPeerCertificate``, ``VerifyConnection``, ``GetCertificate``,
  ``GetClientCertificate``, ``GetConfigForClient``, ``Time``, ``Rand``,
  ECH and QUIC are left out.
* A server whose ALPN list does not overlap the client's continues
  without ALPN (OpenSSL's choice) where Go sends no_application_protocol.
* Each Conn builds its own ``ssl.SSLContext`` from its Config, so
  changing a Config after the Conn exists has no effect (Go also forbids it).

Left out from Go's files: Conn.ConnectionState's VerifiedChains, OCSP and
SCT fields, ExportKeyingMaterial, VerifyHostname, OCSPResponse, the QUIC
API, LoadX509KeyPair's Leaf parsing (Leaf is filled lazily by nobody).
"""

from __future__ import annotations

import errno as _errno
import os as _pyos
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Final

import net
from std import context, errors, io, sync, syscall, time
from std import os as _os
from std.crypto import x509
from std.errors import error

__all__ = [
    "Certificate",
    "CertificateVerificationError",
    "CipherSuiteName",
    "Client",
    "ClientAuthType",
    "Config",
    "Conn",
    "ConnectionState",
    "Dial",
    "DialWithDialer",
    "Dialer",
    "Listen",
    "LoadX509KeyPair",
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

    def Clone(self) -> Config:
        """crypto/tls.Config.Clone: a shallow copy (lists copied) safe to modify."""
        return replace(self, Certificates=list(self.Certificates),
                       NextProtos=list(self.NextProtos), CipherSuites=list(self.CipherSuites))


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


class _tlsError(Exception):
    """An error whose text is fixed at construction (Go's errors.New / fmt.Errorf)."""

    def __init__(self, s: str) -> None:
        super().__init__(s)
        self._s = s

    def Error(self) -> str:
        return self._s

    def __str__(self) -> str:
        return self._s


@dataclass(eq=False)
class RecordHeaderError(Exception):
    """crypto/tls.RecordHeaderError: the peer's first bytes are not a TLS record.

    ``RecordHeader`` is left empty (OpenSSL keeps the bytes); ``Conn`` is
    the underlying conn, which the caller still owns, as in Go.
    """

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

    UnverifiedCertificates: list[x509.Certificate] = field(default_factory=list)
    Err: error | None = None

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Error())

    def Error(self) -> str:
        """crypto/tls.CertificateVerificationError.Error."""
        return "tls: failed to verify certificate: " + (
            self.Err.Error() if self.Err is not None else "<nil>")

    def Unwrap(self) -> error | None:
        """crypto/tls.CertificateVerificationError.Unwrap: the x509 error."""
        return self.Err

    def __str__(self) -> str:
        return self.Error()


errShutdown: Final = _tlsError("tls: protocol is shutdown")
errEarlyCloseWrite: Final = _tlsError("tls: CloseWrite called before handshake complete")
alertInternalError: Final = alert(80)

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
    (OpenSSL calls under ``_sslMu``; ``_outgoing`` drained under ``_out``);
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
        self._sslMu = sync.Mutex()
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

    # -- the port's BIO pump

    def _flushLocked(self) -> error | None:
        """Write everything OpenSSL produced to the conn; the caller holds _out."""
        if self._outErr is not None:
            return self._outErr
        while True:
            with self._sslMu:
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
        """One conn.Read into the incoming BIO; EOF becomes the BIO's EOF."""
        n, err = self.conn.Read(self._rawInput)
        err = _asError(err)
        if n > 0:
            with self._sslMu:
                self._incoming.write(memoryview(self._rawInput)[:n])
        if err is not None:
            if errors.Is(err, io.EOF):
                with self._sslMu:
                    self._incoming.write_eof()
                return None if n > 0 else io.EOF
            return err
        return None

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
                with self._sslMu:
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
                with self._sslMu:
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
                alertErr = _wrapError(
                    "tls: failed to send closeNotify alert (but connection was closed anyway): ",
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
                with self._sslMu:
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
        with self._sslMu:
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
        return cs

    def __enter__(self) -> Conn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.Close()

    # -- handshake_client.go / handshake_server.go, over OpenSSL

    def _handshake(self) -> error | None:
        """Build the SSLObject from config, then pump do_handshake until it completes."""
        if self._sslobj is None:
            err = self._makeSSLObject()
            if err is not None:
                return err
        assert self._sslobj is not None
        while True:
            want = False
            serr: ssl.SSLError | None = None
            with self._sslMu:
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
                self._handshakeComplete = True
                return None
            err = self._fill()
            if err is not None:
                return err

    def _makeSSLObject(self) -> error | None:
        cfg = self.config
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT if self.isClient else ssl.PROTOCOL_TLS_SERVER)
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
                return _tlsError("tls: no cipher suite supported by both client and server")
        if cfg.NextProtos:
            ctx.set_alpn_protocols(cfg.NextProtos)
        for cert in cfg.Certificates[:1]:
            err = _loadCertificate(ctx, cert)
            if err is not None:
                return err
        ctx._msg_callback = self._onMessage  # type: ignore[attr-defined]
        if self.isClient:
            if not cfg.ServerName and not cfg.InsecureSkipVerify:
                return _tlsError("tls: either ServerName or InsecureSkipVerify must be "
                                 "specified in the tls.Config")
            host = cfg.ServerName
            if len(host) >= 3 and host[0] == "[" and host[-1] == "]":
                host = host[1:-1]
            self._verifyHost = host
            if cfg.InsecureSkipVerify:
                ctx.check_hostname = False
                ctx.verify_mode = ssl.CERT_NONE
            elif cfg.RootCAs is not None:
                cfg.RootCAs._load(ctx)
            else:
                ctx.load_default_certs()
            self._sslobj = ctx.wrap_bio(self._incoming, self._outgoing, server_side=False,
                                        server_hostname=host or None)
        else:
            if not cfg.Certificates:
                return _tlsError("tls: no certificates configured")
            if cfg.ClientAuth != NoClientCert:
                ctx.verify_mode = (ssl.CERT_REQUIRED if cfg.ClientAuth in
                                   (RequireAnyClientCert, RequireAndVerifyClientCert)
                                   else ssl.CERT_OPTIONAL)
                if cfg.ClientCAs is not None:
                    cfg.ClientCAs._load(ctx)

            def sni(obj: Any, name: str | None, c: ssl.SSLContext) -> None:
                self._serverName = name or ""

            ctx.sni_callback = sni
            self._sslobj = ctx.wrap_bio(self._incoming, self._outgoing, server_side=True)
        return None

    def _onMessage(self, _obj: Any, direction: str, _version: Any, contentType: Any,
                   msgType: Any, data: bytes) -> None:
        """Capture the peer's Certificate message (for PeerCertificates and Go's error texts)."""
        if direction != "read" or int(contentType) != 22 or len(data) < 4 or data[0] != 11:
            return
        try:
            self._peerChain = _parseCertificateMsg(data, self._sslobj)
        except (IndexError, ValueError):
            pass

    def _mapSSLError(self, e: ssl.SSLError, handshake: bool = False) -> error:
        """OpenSSL's failure as Go's error value (the table is in the module docstring)."""
        if isinstance(e, ssl.SSLCertVerificationError):
            certs = [c for c in (x509.ParseCertificate(d)[0] for d in self._peerChain)
                     if c is not None]
            return CertificateVerificationError(UnverifiedCertificates=certs,
                                                Err=self._x509Error(e, certs))
        if isinstance(e, (ssl.SSLZeroReturnError, ssl.SSLEOFError)):
            return io.EOF
        reason = e.reason or ""
        n = _alertByReason.get(reason)
        if n is not None:
            return net.OpError(Op="remote error", Err=alert(n))
        # Only before the peer's certificate arrived can bad framing mean "not TLS at all".
        if handshake and reason in _firstRecordReasons and not self._peerChain:
            return RecordHeaderError(Msg="first record does not look like a TLS handshake",
                                     Conn=self.conn)
        text = _localReasons.get(reason)
        if text is not None:
            return _tlsError(text)
        return _tlsError("tls: " + (reason.lower().replace("_", " ") or str(e)))

    def _x509Error(self, e: ssl.SSLCertVerificationError,
                   certs: list[x509.Certificate]) -> error:
        code = e.verify_code
        leaf = certs[0] if certs else None
        if code in (2, 18, 19, 20, 21):
            return x509.UnknownAuthorityError(Cert=leaf)
        if code in (62, 64):
            return x509.HostnameError(Certificate=leaf, Host=self.config.ServerName)
        if code in (9, 10):
            return x509.CertificateInvalidError(Cert=leaf, Reason=x509.Expired,
                                                Detail=str(e.verify_message))
        if code == 24:
            return x509.CertificateInvalidError(Cert=leaf, Reason=x509.NotAuthorizedToSign)
        if code == 26:
            return x509.CertificateInvalidError(Cert=leaf, Reason=x509.IncompatibleUsage)
        return _tlsError("x509: " + str(e.verify_message))


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


def _asError(err: Any) -> error | None:
    """An error value from an untyped net.Conn, typed."""
    return err  # type: ignore[no-any-return]


def _wrapError(prefix: str, err: error) -> error:
    """fmt.Errorf(prefix + "%w", err)."""
    return _wrappedError(prefix + err.Error(), err)


class _wrappedError(_tlsError):
    def __init__(self, s: str, err: error) -> None:
        super().__init__(s)
        self._err = err

    def Unwrap(self) -> error:
        return self._err


def _loadCertificate(ctx: ssl.SSLContext, cert: Certificate) -> error | None:
    """Install cert's chain and key in ctx (through a memfd: OpenSSL's API wants a path)."""
    pem = "".join(ssl.DER_cert_to_PEM_cert(d) for d in cert.Certificate)
    key = cert.PrivateKey
    if isinstance(key, str):
        key = key.encode()
    if not isinstance(key, (bytes, bytearray)):
        return _tlsError("tls: unknown private key type")
    fd = _pyos.memfd_create("tls-cert", 0)
    try:
        _pyos.write(fd, pem.encode() + b"\n" + bytes(key))
        ctx.load_cert_chain(f"/proc/self/fd/{fd}")
    except ssl.SSLError as e:
        if e.reason == "KEY_VALUES_MISMATCH":
            return _tlsError("tls: private key does not match public key")
        return _tlsError("tls: failed to parse private key")
    finally:
        _pyos.close(fd)
    return None


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
    if config is None or not config.Certificates:
        return None, _tlsError(
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
        """crypto/tls.Dialer.Dial: DialContext with context.Background()."""
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
            return fail(_tlsError("tls: failed to find any PEM data in certificate input"))
        if len(skipped) == 1 and skipped[0].endswith("PRIVATE KEY"):
            return fail(_tlsError("tls: failed to find certificate PEM data in certificate "
                                  "input, but did find a private key; PEM inputs may have "
                                  "been switched"))
        return fail(_tlsError('tls: failed to find "CERTIFICATE" PEM block in certificate '
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
            return fail(_tlsError("tls: failed to find any PEM data in key input"))
        if len(skipped) == 1 and skipped[0] == "CERTIFICATE":
            return fail(_tlsError("tls: found a certificate rather than a key in the PEM "
                                  "for the private key"))
        return fail(_tlsError('tls: failed to find PEM block with type ending in "PRIVATE KEY" '
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
