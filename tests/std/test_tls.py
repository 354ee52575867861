"""crypto/tls over OpenSSL memory BIOs (std/crypto/tls.py), with real sockets on loopback.

Not a port of Go's tls tests (those replay recorded handshakes of Go's own
protocol code); these check the API and behaviour the port promises: echo
between our Client and our Server, ALPN, SNI and Go's verification texts,
client certificates, deadlines and contexts during the handshake, a
non-TLS peer, a peer that hangs up mid-handshake, X509KeyPair's error
texts, and interop with ``openssl s_server`` / ``s_client`` and ``curl``.

A throwaway CA, a server certificate (localhost, example.com, 127.0.0.1)
and a client certificate are made with the ``openssl`` command once per
module; without it the module is skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pytest

import net
import rt
from net.ipsock import supportsIPv6
from std import context, errors, fmt, io, time
from std import os as gos
from std.crypto import tls, x509

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


def _run(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=20)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return makePKI(tmp_path_factory.mktemp("pki"))


def makePKI(d: Path) -> dict[str, Any]:
    """Two CAs and their leaves, as PEM files in d, loaded as tls/x509 values."""
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for ca in ("ca", "other"):
        _run("req", "-x509", "-new", *ec, "-keyout", f"{ca}.key", "-out", f"{ca}.pem",
             "-days", "2", "-subj", f"/CN=Test {ca}",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)
    (d / "server.ext").write_text(
        "subjectAltName=DNS:localhost,DNS:example.com,IP:127.0.0.1,IP:::1\n"
        "extendedKeyUsage=serverAuth\n")
    (d / "server2.ext").write_text(
        "subjectAltName=DNS:other.test\nextendedKeyUsage=serverAuth\n")
    (d / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    for name, ca in (("server", "ca"), ("server2", "ca"), ("client", "ca"),
                     ("stranger", "other")):
        ext = name if name.startswith("server") else "client"
        _run("req", "-new", *ec, "-keyout", f"{name}.key", "-out", f"{name}.csr",
             "-subj", f"/CN={name}", cwd=d)
        _run("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
             "-CAcreateserial", "-out", f"{name}.pem", "-days", "2", "-extfile", f"{ext}.ext",
             cwd=d)
    # An expired leaf (Jan 1-2, 2020), through `openssl ca`, the one 3.0 command that sets dates.
    (d / "ca.cnf").write_text("[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\n"
                              "serial=serial\ndefault_md=sha256\npolicy=p\n"
                              "[p]\ncommonName=supplied\n")
    (d / "index.txt").write_text("")
    (d / "serial").write_text("1000\n")
    _run("req", "-new", *ec, "-keyout", "expired.key", "-out", "expired.csr",
         "-subj", "/CN=expired", cwd=d)
    _run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key",
         "-in", "expired.csr", "-out", "expired.pem", "-startdate", "20200101000000Z",
         "-enddate", "20200102000000Z", "-extfile", "server.ext", "-notext", cwd=d)
    out: dict[str, Any] = {"dir": d}
    for name in ("server", "server2", "client", "stranger", "expired"):
        cert, err = tls.LoadX509KeyPair(str(d / f"{name}.pem"), str(d / f"{name}.key"))
        assert err is None, err
        out[name] = cert
    for ca in ("ca", "other"):
        pool = x509.NewCertPool()
        assert pool.AppendCertsFromPEM((d / f"{ca}.pem").read_bytes())
        out[ca] = pool
    return out


def serverConfig(pki: dict[str, Any], **kw: Any) -> tls.Config:
    return tls.Config(Certificates=[pki["server"]], **kw)


def clientConfig(pki: dict[str, Any], **kw: Any) -> tls.Config:
    kw.setdefault("RootCAs", pki["ca"])
    return tls.Config(**kw)


def serve(cfg: tls.Config, handler: Callable[[tls.Conn], None]) -> tuple[Any, Any]:
    """A TLS listener on loopback whose one accepted conn goes to handler; returns (ln, done)."""
    ln, err = tls.Listen("tcp", "127.0.0.1:0", cfg)
    assert err is None, err
    done = rt.chan(1)

    def run() -> None:
        c, err = ln.Accept()
        assert err is None, err
        with c:
            handler(c)
        done.send(None)

    rt.go(run)
    return ln, done


def echo(c: tls.Conn) -> None:
    buf = bytearray(4096)
    while True:
        n, err = c.Read(buf)
        if n:
            _, werr = c.Write(buf[:n])
            if werr is not None:
                return
        if err is not None:
            return


def handshakeErr(c: tls.Conn, box: list[Any]) -> None:
    box.append(c.Handshake())


def test_Echo(pki: dict[str, Any]) -> None:
    def main() -> None:
        names: list[Any] = []

        def handler(c: tls.Conn) -> None:
            assert c.Handshake() is None
            names.append(c.ConnectionState())
            echo(c)

        ln, done = serve(serverConfig(pki), handler)
        with ln:
            c, err = tls.Dial("tcp", ln.Addr().String(),
                              clientConfig(pki, ServerName="example.com"))
            assert err is None, err
            with c:
                cs = c.ConnectionState()
                assert cs.HandshakeComplete and cs.Version == tls.VersionTLS13
                assert tls.CipherSuiteName(cs.CipherSuite).startswith("TLS_")
                assert cs.ServerName == "example.com"
                assert cs.PeerCertificates[0].DNSNames == ["localhost", "example.com"]
                assert [ip.String() for ip in cs.PeerCertificates[0].IPAddresses] == [
                    "127.0.0.1", "::1"]
                assert c.RemoteAddr().String() == ln.Addr().String()
                # One writer goroutine and one reader at once, 1 MiB each way.
                payload = bytes(range(256)) * 4096
                wdone = rt.chan(1)

                def writer() -> None:
                    n, err = c.Write(payload)
                    wdone.send((n, err))

                rt.go(writer)
                got = bytearray()
                buf = bytearray(65536)
                while len(got) < len(payload):
                    n, err = c.Read(buf)
                    assert err is None, err
                    got += buf[:n]
                assert bytes(got) == payload
                assert wdone.recv() == (len(payload), None)
            done.recv()
        scs = names[0]
        assert scs.ServerName == "example.com" and scs.PeerCertificates == []
        assert c.Close() is net.ErrClosed
        n, err = c.Write(b"x")
        assert (n, err) == (0, net.ErrClosed)

    rt.run(main)


def test_DialIPServerName(pki: dict[str, Any]) -> None:
    """Dial infers ServerName from the address; an IP is checked against the IP SANs."""
    def main() -> None:
        ln, done = serve(serverConfig(pki), echo)
        with ln:
            c, err = tls.Dial("tcp", ln.Addr().String(), clientConfig(pki))
            assert err is None, err
            with c:
                assert c.Write(b"ping") == (4, None)
                buf = bytearray(8)
                assert c.Read(buf) == (4, None) and buf[:4] == b"ping"
            done.recv()

    rt.run(main)


def test_ALPN(pki: dict[str, Any]) -> None:
    def main() -> None:
        protos: list[str] = []

        def handler(c: tls.Conn) -> None:
            assert c.Handshake() is None
            protos.append(c.ConnectionState().NegotiatedProtocol)

        ln, done = serve(serverConfig(pki, NextProtos=["http/1.1"]), handler)
        with ln:
            d = tls.Dialer(Config=clientConfig(pki, NextProtos=["h2", "http/1.1"]))
            c, err = d.Dial("tcp", ln.Addr().String())
            assert err is None, err
            with c:
                assert c.ConnectionState().NegotiatedProtocol == "http/1.1"
                done.recv()
        assert protos == ["http/1.1"]

    rt.run(main)


def test_WrongServerName(pki: dict[str, Any]) -> None:
    def main() -> None:
        box: list[Any] = []
        ln, done = serve(serverConfig(pki), lambda c: handshakeErr(c, box))
        with ln:
            c, err = tls.Dial("tcp", ln.Addr().String(),
                              clientConfig(pki, ServerName="wrong.example"))
            assert c is None
            assert err.Error() == ("tls: failed to verify certificate: x509: certificate is "
                                   "valid for localhost, example.com, not wrong.example")
            cve = errors.As(err, tls.CertificateVerificationError)
            assert cve is not None and cve.UnverifiedCertificates[0].DNSNames[0] == "localhost"
            assert isinstance(errors.Unwrap(err), x509.HostnameError)
            done.recv()
        assert box[0].Error().startswith("remote error: tls: ")

    rt.run(main)


def test_WrongIP(pki: dict[str, Any]) -> None:
    def main() -> None:
        ln, done = serve(serverConfig(pki), lambda c: handshakeErr(c, []))
        with ln:
            raw, err = net.Dial("tcp", ln.Addr().String())
            assert err is None
            c = tls.Client(raw, clientConfig(pki, ServerName="127.0.0.2"))
            with c:
                err = c.Handshake()
                assert err.Error() == ("tls: failed to verify certificate: x509: certificate "
                                       "is valid for 127.0.0.1, ::1, not 127.0.0.2")
                assert c.Handshake() is err  # sticky, as Go's handshakeErr
            done.recv()

    rt.run(main)


def test_UnknownAuthority(pki: dict[str, Any]) -> None:
    def main() -> None:
        box: list[Any] = []
        ln, done = serve(serverConfig(pki), lambda c: handshakeErr(c, box))
        with ln:
            _, err = tls.Dial("tcp", ln.Addr().String(), clientConfig(pki, RootCAs=pki["other"]))
            assert err.Error() == ("tls: failed to verify certificate: "
                                   "x509: certificate signed by unknown authority")
            assert isinstance(errors.Unwrap(err), x509.UnknownAuthorityError)
            done.recv()
        assert box[0].Error() == "remote error: tls: unknown certificate authority"
        # As Go's: a *tls.permanentError around the *net.OpError, never temporary.
        assert fmt.Sprintf("%T", box[0]) == "*tls.permanentError"
        op = errors.As(box[0], net.OpError)
        assert op is not None and op.Op == "remote error"
        assert box[0].Temporary() is False and box[0].Timeout() is False

    rt.run(main)


def test_VerifyOrderIsGos(pki: dict[str, Any]) -> None:
    """An untrusted certificate for the wrong name is a HostnameError, as Go's Verify orders it.

    x509's Verify checks the leaf's validity period, then the name, then the
    chain; OpenSSL meets the unknown issuer first. With no ServerName the
    client verifies the dialed IP, which a leaf without IP SANs cannot match.
    """
    def main() -> None:
        for cfg, want in (
            (clientConfig(pki, RootCAs=pki["other"], ServerName="wrong.example"),
             "x509: certificate is valid for other.test, not wrong.example"),
            (clientConfig(pki, RootCAs=pki["other"]),
             "x509: cannot validate certificate for 127.0.0.1 because it doesn't contain "
             "any IP SANs"),
            (clientConfig(pki, RootCAs=pki["other"], ServerName="other.test"),
             "x509: certificate signed by unknown authority"),
        ):
            ln, done = serve(tls.Config(Certificates=[pki["server2"]]),
                             lambda c: handshakeErr(c, []))
            with ln:
                c, err = tls.Dial("tcp", ln.Addr().String(), cfg)
                assert c is None and err is not None
                assert err.Error() == "tls: failed to verify certificate: " + want
                done.recv()

    rt.run(main)


def test_ClientConfigChecks(pki: dict[str, Any]) -> None:
    """makeClientHello's checks of the Config fail the handshake before a byte is sent."""
    def main() -> None:
        box: list[Any] = []
        ln, done = serve(serverConfig(pki), lambda c: handshakeErr(c, box))
        with ln:
            for kw, want in (
                ({"MinVersion": tls.VersionTLS13, "MaxVersion": tls.VersionTLS12},
                 "tls: no supported versions satisfy MinVersion and MaxVersion"),
                ({"NextProtos": ["h2", ""]}, "tls: invalid NextProtos value"),
                ({"NextProtos": ["x" * 256]}, "tls: invalid NextProtos value"),
                ({"NextProtos": ["x" * 255] * 257}, "tls: NextProtos values too large"),
            ):
                c, err = tls.Dial("tcp", ln.Addr().String(),
                                  clientConfig(pki, ServerName="localhost", **kw))
                assert c is None and err is not None and err.Error() == want, kw
            done.recv()
        # The server's one conn closed before any ClientHello came.
        assert box == [io.EOF]

    rt.run(main)


def test_InsecureSkipVerify(pki: dict[str, Any]) -> None:
    def main() -> None:
        ln, done = serve(serverConfig(pki), echo)
        with ln:
            cfg = tls.Config(RootCAs=pki["other"], InsecureSkipVerify=True)
            c, err = tls.Dial("tcp", ln.Addr().String(), cfg)
            assert err is None, err
            with c:
                assert c.ConnectionState().PeerCertificates[0].DNSNames[0] == "localhost"
            done.recv()

    rt.run(main)


def test_NoServerName(pki: dict[str, Any]) -> None:
    def main() -> None:
        ln, done = serve(serverConfig(pki), lambda c: handshakeErr(c, []))
        with ln:
            raw, err = net.Dial("tcp", ln.Addr().String())
            assert err is None
            c = tls.Client(raw, clientConfig(pki))
            err = c.Handshake()
            assert err.Error() == ("tls: either ServerName or InsecureSkipVerify must be "
                                   "specified in the tls.Config")
            assert c.Close() is None
            done.recv()

    rt.run(main)


@pytest.mark.parametrize("withCert", [True, False])
def test_ClientCertRequired(pki: dict[str, Any], withCert: bool) -> None:
    def main() -> None:
        box: list[Any] = []

        def handler(c: tls.Conn) -> None:
            box.append(c.Handshake())
            box.append(c.ConnectionState())
            echo(c)

        cfg = serverConfig(pki, ClientAuth=tls.RequireAndVerifyClientCert, ClientCAs=pki["ca"])
        ln, done = serve(cfg, handler)
        with ln:
            certs = [pki["client"]] if withCert else []
            c, err = tls.Dial("tcp", ln.Addr().String(),
                              clientConfig(pki, ServerName="localhost", Certificates=certs))
            # TLS 1.3: the client's handshake ends before the server has seen its
            # certificate, so a refusal arrives with the first Read (as in Go).
            assert err is None, err
            with c:
                c.Write(b"hi")
                buf = bytearray(8)
                n, err = c.Read(buf)
                if withCert:
                    assert (n, err) == (2, None)
                else:
                    assert err.Error() == "remote error: tls: certificate required"
            done.recv()
        if withCert:
            assert box[0] is None
            assert box[1].PeerCertificates[0].Subject.CommonName == "client"
        else:
            assert box[0].Error() == "tls: client didn't provide a certificate"

    rt.run(main)


def test_ClientCertUnknownAuthority(pki: dict[str, Any]) -> None:
    """A server without ClientCAs verifies with the system roots and names no CAs."""
    def main() -> None:
        box: list[Any] = []
        cfg = serverConfig(pki, ClientAuth=tls.RequireAndVerifyClientCert)
        ln, done = serve(cfg, lambda c: handshakeErr(c, box))
        with ln:
            c, err = tls.Dial("tcp", ln.Addr().String(),
                              clientConfig(pki, ServerName="localhost",
                                           Certificates=[pki["stranger"]]))
            assert err is None, err
            with c:
                _, err = c.Read(bytearray(8))
                assert err.Error() == "remote error: tls: unknown certificate authority"
            done.recv()
        assert box[0].Error() == ("tls: failed to verify certificate: "
                                  "x509: certificate signed by unknown authority")

    rt.run(main)


def plainServer(handler: Callable[[Any], None]) -> tuple[Any, Any]:
    ln, err = net.Listen("tcp", "127.0.0.1:0")
    assert err is None
    done = rt.chan(1)

    def run() -> None:
        c, err = ln.Accept()
        assert err is None
        with c:
            handler(c)
        done.send(None)

    rt.go(run)
    return ln, done


def test_HandshakeTimeout(pki: dict[str, Any]) -> None:
    """A server that never answers: SetDeadline bounds the handshake; the net error comes back."""
    def main() -> None:
        release = rt.chan()
        ln, done = plainServer(lambda c: release.recv())
        with ln:
            raw, err = net.Dial("tcp", ln.Addr().String())
            assert err is None
            c = tls.Client(raw, clientConfig(pki, ServerName="localhost"))
            with c:
                assert c.SetDeadline(time.Now().Add(100 * time.Millisecond)) is None
                t0 = time.Now()
                err = c.Handshake()
                assert time.Since(t0) < 2 * time.Second
                assert err.Timeout() and errors.Is(err, gos.ErrDeadlineExceeded)
                assert err.Error() == (f"read tcp {raw.LocalAddr().String()}->"
                                       f"{raw.RemoteAddr().String()}: i/o timeout")
            release.send(None)
            done.recv()

    rt.run(main)


def test_HandshakeContext(pki: dict[str, Any]) -> None:
    """Dialer.DialContext: a context that expires during the handshake ends it with ctx.Err()."""
    def main() -> None:
        release = rt.chan()
        ln, done = plainServer(lambda c: release.recv())
        with ln:
            ctx, cancel = context.WithTimeout(context.Background(), 100 * time.Millisecond)
            d = tls.Dialer(Config=clientConfig(pki, ServerName="localhost"))
            c, err = d.DialContext(ctx, "tcp", ln.Addr().String())
            cancel()
            assert c is None and err is context.DeadlineExceeded
            release.send(None)
            done.recv()

    rt.run(main)


def test_NotTLSServer(pki: dict[str, Any]) -> None:
    def main() -> None:
        def garbage(c: Any) -> None:
            c.Write(b"HTTP/1.0 400 Bad Request\r\n\r\nthis is not TLS at all, sorry\n")
            c.Read(bytearray(4096))

        ln, done = plainServer(garbage)
        with ln:
            _, err = tls.Dial("tcp", ln.Addr().String(), clientConfig(pki, ServerName="localhost"))
            assert err.Error() == "tls: first record does not look like a TLS handshake"
            assert isinstance(err, tls.RecordHeaderError)
            done.recv()

    rt.run(main)


def test_NotTLSClient(pki: dict[str, Any]) -> None:
    def main() -> None:
        box: list[Any] = []
        ln, done = serve(serverConfig(pki), lambda c: handshakeErr(c, box))
        with ln:
            c, err = net.Dial("tcp", ln.Addr().String())
            assert err is None
            with c:
                c.Write(b"GET / HTTP/1.0\r\n\r\n")
                done.recv()
        assert box[0].Error() == "tls: first record does not look like a TLS handshake"

    rt.run(main)


def test_PeerClosesMidHandshake(pki: dict[str, Any]) -> None:
    """The server reads the ClientHello and hangs up: an error value (EOF), nothing left open."""
    def main() -> None:
        ln, done = plainServer(lambda c: c.Read(bytearray(4096)))
        with ln:
            _, err = tls.Dial("tcp", ln.Addr().String(), clientConfig(pki, ServerName="localhost"))
            assert err is io.EOF
            done.recv()

    rt.run(main)


def test_CloseWrite(pki: dict[str, Any]) -> None:
    def main() -> None:
        def handler(c: tls.Conn) -> None:
            buf = bytearray(16)
            n, err = c.Read(buf)
            assert (n, err) == (5, None)
            assert c.Read(buf) == (0, io.EOF)
            assert c.Write(b"bye") == (3, None)

        ln, done = serve(serverConfig(pki), handler)
        with ln:
            raw, err = net.Dial("tcp", ln.Addr().String())
            assert err is None
            c = tls.Client(raw, clientConfig(pki, ServerName="localhost"))
            with c:
                assert c.CloseWrite() is tls.errEarlyCloseWrite
                assert c.Write(b"hello") == (5, None)
                assert c.CloseWrite() is None
                assert c.Write(b"more") == (0, tls.errShutdown)
                buf = bytearray(16)
                assert c.Read(buf) == (3, None) and buf[:3] == b"bye"
                assert c.Read(buf) == (0, io.EOF)
            done.recv()

    rt.run(main)


def test_Listen_NoCertificates() -> None:
    ln, err = tls.Listen("tcp", "127.0.0.1:0", tls.Config())
    assert ln is None and err.Error() == (
        "tls: neither Certificates, GetCertificate, nor GetConfigForClient set in Config")


def test_X509KeyPairErrors(pki: dict[str, Any]) -> None:
    d = pki["dir"]
    cert = (d / "server.pem").read_bytes()
    key = (d / "server.key").read_bytes()
    other = (d / "client.key").read_bytes()
    cases = [
        (b"", key, "tls: failed to find any PEM data in certificate input"),
        (key, cert, "tls: failed to find certificate PEM data in certificate input, but did "
                    "find a private key; PEM inputs may have been switched"),
        (cert, b"", "tls: failed to find any PEM data in key input"),
        (cert, cert, "tls: found a certificate rather than a key in the PEM for the private key"),
        (cert, other, "tls: private key does not match public key"),
    ]
    for c, k, want in cases:
        got, err = tls.X509KeyPair(c, k)
        assert err is not None and err.Error() == want
        assert got.Certificate == []
    ok, err = tls.X509KeyPair(cert, key)
    assert err is None and ok.Leaf is not None and ok.Leaf.Subject.CommonName == "server"
    _, err = tls.LoadX509KeyPair(str(d / "missing.pem"), str(d / "server.key"))
    assert err.Error() == f"open {d / 'missing.pem'}: no such file or directory"
    assert gos.IsNotExist(err)


def test_VersionMismatch(pki: dict[str, Any]) -> None:
    def main() -> None:
        box: list[Any] = []
        ln, done = serve(serverConfig(pki, MinVersion=tls.VersionTLS13),
                         lambda c: handshakeErr(c, box))
        with ln:
            _, err = tls.Dial("tcp", ln.Addr().String(),
                              clientConfig(pki, ServerName="localhost",
                                           MaxVersion=tls.VersionTLS12))
            assert err.Error() == "remote error: tls: protocol version not supported"
            done.recv()
        # Go's text, from the ClientHello's versions (legacy 0x0303 and no extension).
        assert box[0].Error() == "tls: client offered only unsupported versions: [303 302 301]"

    rt.run(main)


# ---------------------------------------------------------------- interop


def test_OpenSSLServer(pki: dict[str, Any]) -> None:
    """Our Client against ``openssl s_server -rev`` (reverses each line)."""
    d = pki["dir"]
    p = subprocess.Popen(["openssl", "s_server", "-accept", "127.0.0.1:0", "-rev",
                          "-cert", "server.pem", "-key", "server.key", "-alpn", "gonet"],
                         cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    try:
        assert p.stdout is not None
        port = ""
        for _ in range(20):
            line = p.stdout.readline().decode()
            if line.startswith("ACCEPT"):
                port = line.strip().rsplit(":", 1)[1]
                break
        assert port, "s_server did not report its port"

        def main() -> None:
            c, err = tls.Dial("tcp", "127.0.0.1:" + port,
                              clientConfig(pki, ServerName="example.com", NextProtos=["gonet"]))
            assert err is None, err
            with c:
                assert c.ConnectionState().NegotiatedProtocol == "gonet"
                assert c.Write(b"hello gonet\n") == (12, None)
                got = bytearray()
                buf = bytearray(256)
                while b"tenog olleh" not in got:
                    n, err = c.Read(buf)
                    assert err is None, (err, bytes(got))
                    got += buf[:n]

        rt.run(main)
    finally:
        p.kill()
        p.wait(timeout=10)
        if p.stdout is not None:
            p.stdout.close()


def test_OpenSSLClient(pki: dict[str, Any]) -> None:
    """``openssl s_client`` (verifying against our CA, with a client cert) against our Server."""
    d = pki["dir"]

    def main() -> None:
        cfg = serverConfig(pki, ClientAuth=tls.RequireAndVerifyClientCert, ClientCAs=pki["ca"])
        box: list[Any] = []

        def handler(c: tls.Conn) -> None:
            box.append(c.Handshake())
            box.append(c.ConnectionState())
            c.Write(b"hello from gonet\n")

        ln, done = serve(cfg, handler)
        with ln:
            port = str(ln.Addr().Port)
            r = rt.blocking(subprocess.run,
                            ["openssl", "s_client", "-connect", "127.0.0.1:" + port,
                             "-servername", "example.com", "-CAfile", "ca.pem",
                             "-verify_return_error", "-cert", "client.pem", "-key", "client.key",
                             "-quiet"],
                            cwd=d, input=b"", capture_output=True, timeout=15)
            done.recv()
        assert box[0] is None, box[0]
        assert box[1].ServerName == "example.com"
        assert box[1].PeerCertificates[0].Subject.CommonName == "client"
        assert b"hello from gonet" in r.stdout, r

    rt.run(main)


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs the curl command")
def test_Curl(pki: dict[str, Any]) -> None:
    d = pki["dir"]

    def main() -> None:
        def handler(c: tls.Conn) -> None:
            got = bytearray()
            buf = bytearray(4096)
            while b"\r\n\r\n" not in got:
                n, err = c.Read(buf)
                if err is not None:
                    return
                got += buf[:n]
            body = b"hello over tls\n"
            c.Write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
                    % (len(body), body))

        ln, done = serve(serverConfig(pki, NextProtos=["http/1.1"]), handler)
        with ln:
            port = ln.Addr().Port
            r = rt.blocking(subprocess.run,
                            ["curl", "-sS", "--max-time", "10", "--cacert", "ca.pem",
                             "--resolve", f"example.com:{port}:127.0.0.1",
                             f"https://example.com:{port}/"],
                            cwd=d, capture_output=True, timeout=15)
            done.recv()
        assert r.returncode == 0, r
        assert r.stdout == b"hello over tls\n"

    rt.run(main)


def test_TLS12CipherSuites(pki: dict[str, Any]) -> None:
    """MaxVersion TLS 1.2 with a chosen suite: both ends report it."""
    def main() -> None:
        states: list[Any] = []

        def handler(c: tls.Conn) -> None:
            assert c.Handshake() is None
            states.append(c.ConnectionState())
            echo(c)

        ln, done = serve(serverConfig(pki), handler)
        with ln:
            suite = 0xC02C  # TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
            c, err = tls.Dial("tcp", ln.Addr().String(),
                              clientConfig(pki, ServerName="localhost",
                                           MaxVersion=tls.VersionTLS12, CipherSuites=[suite]))
            assert err is None, err
            with c:
                cs = c.ConnectionState()
                assert tls.VersionName(cs.Version) == "TLS 1.2"
                assert tls.CipherSuiteName(cs.CipherSuite) == (
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")
                assert c.Write(b"twelve") == (6, None)
                buf = bytearray(16)
                assert c.Read(buf) == (6, None)
            done.recv()
        assert states[0].CipherSuite == 0xC02C

    rt.run(main)


def test_CloseUnblocksRead(pki: dict[str, Any]) -> None:
    """Close from another goroutine ends a Read parked in the netpoller."""
    def main() -> None:
        release = rt.chan()
        ln, done = serve(serverConfig(pki), lambda c: (c.Handshake(), release.recv()))
        with ln:
            c, err = tls.Dial("tcp", ln.Addr().String(), clientConfig(pki, ServerName="localhost"))
            assert err is None, err
            res = rt.chan(1)
            rt.go(lambda: res.send(c.Read(bytearray(16))))
            time.Sleep(50 * time.Millisecond)
            assert c.Close() is None
            n, err = res.recv()
            assert n == 0 and errors.Is(err, net.ErrClosed)
            release.send(None)
            done.recv()

    rt.run(main)


# ---------------------------------------------------------------- the server's ClientHello hooks


def dialName(ln: Any, pki: dict[str, Any], name: str, **kw: Any) -> tuple[Any, Any]:
    return tls.Dial("tcp", ln.Addr().String(), clientConfig(pki, ServerName=name, **kw))


def leafNames(c: tls.Conn) -> list[str]:
    return list(c.ConnectionState().PeerCertificates[0].DNSNames)


def test_GetCertificate(pki: dict[str, Any]) -> None:
    """GetCertificate sees the ClientHello (name, ALPN, versions, suites, conn) and picks."""
    def main() -> None:
        seen: list[tls.ClientHelloInfo] = []

        def get(chi: tls.ClientHelloInfo) -> tuple[Any, Any]:
            seen.append(chi)
            return (pki["server2"] if chi.ServerName == "other.test" else pki["server"]), None

        for name, want in (("other.test", ["other.test"]), ("localhost", ["localhost",
                                                                         "example.com"])):
            ln, done = serve(tls.Config(GetCertificate=get, NextProtos=["h2"]), echo)
            with ln:
                c, err = dialName(ln, pki, name, NextProtos=["h2", "http/1.1"])
                assert err is None, err
                with c:
                    assert leafNames(c) == want
                    assert c.ConnectionState().NegotiatedProtocol == "h2"
                    chi = seen[-1]
                    assert chi.ServerName == name
                    assert chi.SupportedProtos == ["h2", "http/1.1"]
                    assert tls.VersionTLS13 in chi.SupportedVersions
                    assert 0x1301 in chi.CipherSuites and chi.SignatureSchemes
                    assert chi.SupportedCurves and 0 in chi.Extensions  # server_name
                    assert chi.Conn.RemoteAddr().String() == c.LocalAddr().String()
                    assert chi.Context() is not None
                done.recv()

    rt.run(main)


def test_MultipleCertificatesBySNI(pki: dict[str, Any]) -> None:
    """Config.Certificates with two chains: the one valid for the client's name is chosen."""
    def main() -> None:
        cfg = serverConfig(pki)
        cfg.Certificates.append(pki["server2"])
        for name, want in (("other.test", "other.test"), ("localhost", "localhost")):
            ln, done = serve(cfg, echo)
            with ln:
                c, err = dialName(ln, pki, name)
                assert err is None, err
                with c:
                    assert want in leafNames(c)
                done.recv()

    rt.run(main)


def test_GetCertificateErrors(pki: dict[str, Any]) -> None:
    """An error from GetCertificate is the server's; the client hears internal_error.

    No certificate at all (GetCertificate answers nil, nil) is Go's
    errNoCertificates, sent as unrecognized_name.
    """
    def main() -> None:
        mine = errors.New("no certificate for you")
        for get, serverErr, clientErr in (
                (lambda chi: (None, mine), mine, "remote error: tls: internal error"),
                (lambda chi: (None, None), tls.errNoCertificates,
                 "remote error: tls: unrecognized name")):
            box: list[Any] = []
            ln, done = serve(tls.Config(GetCertificate=get),
                             lambda c, box=box: handshakeErr(c, box))
            with ln:
                _, err = dialName(ln, pki, "localhost")
                assert err.Error() == clientErr
                done.recv()
            assert box[0] is serverErr

    rt.run(main)


def test_GetConfigForClient(pki: dict[str, Any]) -> None:
    """GetConfigForClient replaces the config (here: ALPN and the certificate); an error aborts."""
    def main() -> None:
        other = serverConfig(pki, NextProtos=["b"])

        def choose(chi: tls.ClientHelloInfo) -> tuple[Any, Any]:
            if chi.ServerName == "refuse.test":
                return None, errors.New("go away")
            return other, None

        ln, done = serve(tls.Config(GetConfigForClient=choose), echo)
        with ln:
            c, err = dialName(ln, pki, "localhost", NextProtos=["a", "b"])
            assert err is None, err
            with c:
                assert c.ConnectionState().NegotiatedProtocol == "b"
            done.recv()
        box: list[Any] = []
        ln, done = serve(tls.Config(GetConfigForClient=choose), lambda c: handshakeErr(c, box))
        with ln:
            _, err = dialName(ln, pki, "refuse.test", InsecureSkipVerify=True)
            assert err.Error() == "remote error: tls: internal error"
            done.recv()
        assert box[0].Error() == "go away"

    rt.run(main)


def test_ALPNMismatch(pki: dict[str, Any]) -> None:
    """No protocol in common: Go's error and no_application_protocol; h2 lets http/1.1 in."""
    def main() -> None:
        box: list[Any] = []
        ln, done = serve(serverConfig(pki, NextProtos=["a"]), lambda c: handshakeErr(c, box))
        with ln:
            _, err = dialName(ln, pki, "localhost", NextProtos=["b", 'c"'])
            assert err.Error() == "remote error: tls: no application protocol"
            done.recv()
        assert box[0].Error() == ('tls: client requested unsupported application protocols '
                                  '(["b" "c\\""])')
        ln, done = serve(serverConfig(pki, NextProtos=["h2"]), echo)
        with ln:
            c, err = dialName(ln, pki, "localhost", NextProtos=["http/1.1"])
            assert err is None, err
            with c:
                assert c.ConnectionState().NegotiatedProtocol == ""
            done.recv()

    rt.run(main)


@pytest.mark.parametrize("auth,cert,cas,serverErr,clientErr", [
    # Go's ClientAuth table: ask / require x verify or not. With ClientCAs the
    # server names them, and a client whose certificate no named CA issued
    # sends none (Go's getClientCertificate); without, the system roots verify.
    ("RequestClientCert", None, True, None, None),
    ("RequestClientCert", "stranger", False, None, None),
    ("RequestClientCert", "stranger", True, None, None),
    ("RequireAnyClientCert", None, True, "tls: client didn't provide a certificate",
     "remote error: tls: certificate required"),
    ("RequireAnyClientCert", "stranger", False, None, None),
    ("RequireAnyClientCert", "stranger", True, "tls: client didn't provide a certificate",
     "remote error: tls: certificate required"),
    ("VerifyClientCertIfGiven", None, True, None, None),
    ("VerifyClientCertIfGiven", "client", True, None, None),
    ("VerifyClientCertIfGiven", "stranger", True, None, None),
    ("VerifyClientCertIfGiven", "stranger", False,
     "tls: failed to verify certificate: x509: certificate signed by unknown authority",
     "remote error: tls: unknown certificate authority"),
])
def test_ClientAuthModes(pki: dict[str, Any], auth: str, cert: str | None, cas: bool,
                         serverErr: str | None, clientErr: str | None) -> None:
    def main() -> None:
        box: list[Any] = []

        def handler(c: tls.Conn) -> None:
            box.append(c.Handshake())
            box.append(c.ConnectionState())
            echo(c)

        cfg = serverConfig(pki, ClientAuth=getattr(tls, auth),
                           ClientCAs=pki["ca"] if cas else None)
        ln, done = serve(cfg, handler)
        with ln:
            certs = [pki[cert]] if cert else []
            c, err = dialName(ln, pki, "localhost", Certificates=certs)
            assert err is None, err
            with c:
                c.Write(b"hi")
                n, err = c.Read(bytearray(8))
                if clientErr is None:
                    assert (n, err) == (2, None)
                else:
                    assert err.Error() == clientErr
            done.recv()
        if serverErr is None:
            assert box[0] is None, box[0]
            sent = cert if cert and (cert == "client" or not cas) else None
            peers = box[1].PeerCertificates
            assert [p.Subject.CommonName for p in peers] == ([sent] if sent else [])
            verified = auth == "VerifyClientCertIfGiven" and sent
            assert len(box[1].VerifiedChains) == (1 if verified else 0)
            if verified:
                assert [x.Subject.CommonName for x in box[1].VerifiedChains[0]] == [
                    "client", "Test ca"]
        else:
            assert box[0].Error() == serverErr

    rt.run(main)


def test_VerifyPeerCertificate(pki: dict[str, Any]) -> None:
    """The hooks see the raw chain and verified chains; an error fails the handshake as is."""
    def main() -> None:
        got: list[Any] = []
        pinned = pki["server"].Certificate[0]

        def pin(raw: list[bytes], chains: list[list[Any]]) -> Any:
            got.append((raw, chains))
            return None if raw[0] == pinned else errors.New("pin mismatch")

        def conn(cs: tls.ConnectionState) -> Any:
            got.append(cs)
            return None

        for name, want in (("localhost", None), ("other.test", "pin mismatch")):
            cfg = serverConfig(pki)
            cfg.Certificates.append(pki["server2"])
            ln, done = serve(cfg, lambda c: (c.Handshake(), c.Read(bytearray(1))))
            with ln:
                c, err = dialName(ln, pki, name, VerifyPeerCertificate=pin,
                                  VerifyConnection=conn)
                if want is None:
                    assert err is None, err
                    raw, chains = got[0]
                    assert raw == [pinned]
                    assert [x.Subject.CommonName for x in chains[0]] == ["server", "Test ca"]
                    assert got[1].HandshakeComplete and got[1].ServerName == "localhost"
                    c.Close()
                else:
                    assert c is None and err.Error() == want
                done.recv()
        # InsecureSkipVerify: the hook still runs, with no verified chains.
        got.clear()
        ln, done = serve(serverConfig(pki), lambda c: (c.Handshake(), c.Read(bytearray(1))))
        with ln:
            c, err = tls.Dial("tcp", ln.Addr().String(), tls.Config(
                InsecureSkipVerify=True, VerifyPeerCertificate=pin))
            assert err is None, err
            assert got[0] == ([pinned], [])
            c.Close()
            done.recv()

    rt.run(main)


def test_IPv6ServerName(pki: dict[str, Any]) -> None:
    """Dial "[::1]:port": the bracketed host is verified as the IP ::1 and not sent as SNI."""
    if not supportsIPv6():
        pytest.skip("no IPv6 loopback")

    def main() -> None:
        names: list[str] = []

        def get(chi: tls.ClientHelloInfo) -> tuple[Any, Any]:
            names.append(chi.ServerName)
            return pki["server"], None

        ln, err = tls.Listen("tcp", "[::1]:0", tls.Config(GetCertificate=get))
        assert err is None, err
        done = rt.chan(1)

        def run() -> None:
            c, _ = ln.Accept()
            with c:
                echo(c)
            done.send(None)

        rt.go(run)
        with ln:
            c, err = tls.Dial("tcp", ln.Addr().String(), clientConfig(pki))
            assert err is None, err
            with c:
                assert c.Write(b"v6") == (2, None)
                assert c.Read(bytearray(4)) == (2, None)
                assert c.ConnectionState().ServerName == "[::1]"
            done.recv()
        assert names == [""]

    rt.run(main)


def test_MalformedClientHello(pki: dict[str, Any]) -> None:
    """A handshake record whose ClientHello does not parse: decode_error, Go's local error."""
    def main() -> None:
        box: list[Any] = []
        ln, done = serve(serverConfig(pki), lambda c: handshakeErr(c, box))
        with ln:
            raw, err = net.Dial("tcp", ln.Addr().String())
            assert err is None
            with raw:
                body = b"\x01\x00\x00\x06\x03\x03" + b"\x00" * 4  # no room for the random
                raw.Write(b"\x16\x03\x01" + len(body).to_bytes(2, "big") + body)
                buf = bytearray(16)
                n, err = raw.Read(buf)
                assert bytes(buf[:n]) == b"\x15\x03\x01\x00\x02\x02\x32"  # fatal decode_error
                done.recv()
        assert box[0].Error() == "local error: tls: error decoding message"

    rt.run(main)


def test_RecordHeaderErrors(pki: dict[str, Any]) -> None:
    """Go's first-record checks: the header bytes kept; an oversized record is refused."""
    def main() -> None:
        for first, want in (
                (b"GET / HTTP/1.1\r\n\r\n", "tls: first record does not look like a TLS "
                                           "handshake"),
                (b"\x16\x03\x01\x48\x01", "tls: oversized record received with length 18433")):
            box: list[Any] = []
            ln, done = serve(serverConfig(pki), lambda c, box=box: handshakeErr(c, box))
            with ln:
                raw, err = net.Dial("tcp", ln.Addr().String())
                assert err is None
                with raw:
                    raw.Write(first)
                    done.recv()
            assert isinstance(box[0], tls.RecordHeaderError)
            assert box[0].Error() == want and box[0].RecordHeader == first[:5]

    rt.run(main)


def test_OpenSSLClientHelloInfo(pki: dict[str, Any]) -> None:
    """What ``openssl s_client -servername -alpn`` offers, as GetCertificate sees it."""
    d = pki["dir"]

    def main() -> None:
        seen: list[tls.ClientHelloInfo] = []

        def get(chi: tls.ClientHelloInfo) -> tuple[Any, Any]:
            seen.append(chi)
            return pki["server2"], None

        cfg = tls.Config(GetCertificate=get, NextProtos=["x-gonet"])
        ln, done = serve(cfg, lambda c: c.Write(b"hello\n"))
        with ln:
            r = rt.blocking(subprocess.run,
                            ["openssl", "s_client", "-connect", ln.Addr().String(),
                             "-servername", "other.test", "-alpn", "x-gonet,h2",
                             "-CAfile", "ca.pem", "-verify_return_error", "-quiet"],
                            cwd=d, input=b"", capture_output=True, timeout=15)
            done.recv()
        assert b"hello" in r.stdout, r
        chi = seen[0]
        assert (chi.ServerName, chi.SupportedProtos) == ("other.test", ["x-gonet", "h2"])
        assert chi.SupportedVersions[0] == tls.VersionTLS13

    rt.run(main)


def test_ExpiredCertificate(pki: dict[str, Any]) -> None:
    """Go's text for an expired leaf names both times (current time in UTC, NotAfter)."""
    def main() -> None:
        ln, done = serve(tls.Config(Certificates=[pki["expired"]]),
                         lambda c: c.Handshake())
        with ln:
            _, err = dialName(ln, pki, "localhost")
            assert isinstance(err, tls.CertificateVerificationError)
            assert re.fullmatch(
                r"tls: failed to verify certificate: x509: certificate has expired or is not "
                r"yet valid: current time \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ is after "
                r"2020-01-02T00:00:00Z", err.Error()), err.Error()
            invalid = errors.Unwrap(err)
            assert isinstance(invalid, x509.CertificateInvalidError)
            assert invalid.Reason == x509.Expired
            done.recv()

    rt.run(main)


def test_SessionResumption(pki: dict[str, Any]) -> None:
    """A ClientSessionCache makes the second connection resume; SessionTicketsDisabled stops it."""
    def main() -> None:
        for disabled, want in ((False, [False, True]), (True, [False, False])):
            scfg = serverConfig(pki, SessionTicketsDisabled=disabled)
            ccfg = clientConfig(pki, ServerName="localhost",
                                ClientSessionCache=tls.NewLRUClientSessionCache(0))
            got: list[tuple[bool, bool]] = []
            for _ in range(2):
                states: list[Any] = []

                def handler(c: tls.Conn, states: list[Any] = states) -> None:
                    c.Handshake()
                    states.append(c.ConnectionState())
                    echo(c)

                ln, done = serve(scfg, handler)
                with ln:
                    c, err = tls.Dial("tcp", ln.Addr().String(), ccfg)
                    assert err is None, err
                    with c:
                        assert c.Write(b"ping") == (4, None)
                        assert c.Read(bytearray(8)) == (4, None)
                        got.append((c.ConnectionState().DidResume, False))
                    done.recv()
                got[-1] = (got[-1][0], states[0].DidResume)
            assert [a for a, _ in got] == want and [b for _, b in got] == want

    rt.run(main)


def test_LRUClientSessionCache() -> None:
    """NewLRUClientSessionCache: capacity, recency on Get, None removes (common.go's rules)."""
    cache = tls.NewLRUClientSessionCache(2)
    a, b, c = (tls.ClientSessionState.__new__(tls.ClientSessionState) for _ in range(3))
    cache.Put("a", a)
    cache.Put("b", b)
    assert cache.Get("a") == (a, True)  # a is now the most recent
    cache.Put("c", c)  # evicts b
    assert cache.Get("b") == (None, False)
    assert cache.Get("a") == (a, True) and cache.Get("c") == (c, True)
    cache.Put("a", None)
    assert cache.Get("a") == (None, False)


def test_ExportKeyingMaterial(pki: dict[str, Any]) -> None:
    """Both ends derive the same bytes, and they match ``openssl s_client -keymatexport``."""
    d = pki["dir"]

    def main() -> None:
        states: list[Any] = []

        def handler(c: tls.Conn) -> None:
            c.Handshake()
            states.append(c.ConnectionState())
            echo(c)

        ln, done = serve(serverConfig(pki), handler)
        with ln:
            c, err = dialName(ln, pki, "localhost")
            assert err is None, err
            with c:
                c.Write(b"x")
                c.Read(bytearray(1))
                mine, err = c.ConnectionState().ExportKeyingMaterial("EXPERIMENTAL gonet", None, 32)
                assert err is None and len(mine) == 32
            done.recv()
        theirs, err = states[0].ExportKeyingMaterial("EXPERIMENTAL gonet", None, 32)
        assert err is None and theirs == mine
        other, _ = states[0].ExportKeyingMaterial("EXPERIMENTAL gonet", b"ctx", 32)
        assert other != mine
        _, err = tls.ConnectionState().ExportKeyingMaterial("x", None, 1)
        assert err is not None

        # The same label from OpenSSL's side of a fresh connection.
        states.clear()
        ln, done = serve(serverConfig(pki), handler)
        with ln:
            r = rt.blocking(subprocess.run,
                            ["openssl", "s_client", "-connect", ln.Addr().String(),
                             "-servername", "localhost", "-CAfile", "ca.pem",
                             "-keymatexport", "EXPERIMENTAL gonet", "-keymatexportlen", "20"],
                            cwd=d, input=b"", capture_output=True, timeout=15)
            done.recv()
        m = re.search(rb"Keying material: ([0-9A-F]+)", r.stdout)
        assert m is not None, r.stdout[-2000:]
        ours, err = states[0].ExportKeyingMaterial("EXPERIMENTAL gonet", None, 20)
        assert err is None and ours.hex().upper().encode() == m.group(1)

    rt.run(main)


def test_TLS12ExportReservedLabel(pki: dict[str, Any]) -> None:
    """TLS 1.2 with extended master secret: exporting works; Go's reserved labels are refused."""
    def main() -> None:
        ln, done = serve(serverConfig(pki), echo)
        with ln:
            c, err = dialName(ln, pki, "localhost", MaxVersion=tls.VersionTLS12)
            assert err is None, err
            with c:
                cs = c.ConnectionState()
                km, err = cs.ExportKeyingMaterial("EXPERIMENTAL x", b"", 16)
                assert err is None and len(km) == 16
                _, err = cs.ExportKeyingMaterial("master secret", None, 16)
                assert err.Error() == ("crypto/tls: reserved ExportKeyingMaterial label: "
                                       "master secret")
            done.recv()

    rt.run(main)


# ---------------------------------------------------------------- Go's crypto/tls as the reference


def goConfigs(scenario: str, pki: dict[str, Any]) -> tuple[tls.Config, tls.Config]:
    """The (server, client) configs of testdata/tlspeer.go's scenario, in our API."""
    server = tls.Config(Certificates=[pki["server"]])
    client = tls.Config(RootCAs=pki["ca"], ServerName="localhost")
    if scenario == "ok":
        server.NextProtos, client.NextProtos = ["gonet", "h2"], ["h2", "gonet"]
    elif scenario == "versions":
        server.MinVersion, client.MaxVersion = tls.VersionTLS13, tls.VersionTLS12
    elif scenario == "alpn":
        server.NextProtos, client.NextProtos = ["a"], ["b", "c"]
    elif scenario == "unknownca":
        client.RootCAs = pki["other"]
    elif scenario == "wrongname":
        client.ServerName = "wrong.test"
    elif scenario == "nameless":
        client.ServerName = ""
    elif scenario in ("clientcert", "nocert", "strangercert"):
        server.ClientAuth, server.ClientCAs = tls.RequireAndVerifyClientCert, pki["ca"]
        if scenario != "nocert":
            client.Certificates = [pki["client" if scenario == "clientcert" else "stranger"]]
    elif scenario == "strangernocas":
        server.ClientAuth = tls.RequireAndVerifyClientCert
        client.Certificates = [pki["stranger"]]
    elif scenario == "getcert":
        server.Certificates = []
        server.GetCertificate = lambda chi: (None, errors.New("no certificate for you"))
    elif scenario == "expired":
        server.Certificates = [pki["expired"]]
    return server, client


def exchange(c: tls.Conn, isClient: bool) -> Any:
    """tlspeer.go's exchange: after the handshake the server writes a byte, the client echoes it."""
    c.SetDeadline(time.Now().Add(5 * time.Second))
    err = c.Handshake()
    if err is not None:
        return err
    b = bytearray(b"x")
    if isClient:
        _, err = c.Read(b)
        return err if err is not None else c.Write(b)[1]
    _, err = c.Write(b)
    return err if err is not None else c.Read(b)[1]


def describe(c: tls.Conn | None, err: Any) -> str:
    """tlspeer.go's describe."""
    if err is not None:
        return "ERR " + err.Error()
    assert c is not None
    cs = c.ConnectionState()
    cn = cs.PeerCertificates[0].Subject.CommonName if cs.PeerCertificates else "-"
    ekm, err = cs.ExportKeyingMaterial("EXPERIMENTAL gonet", None, 16)
    if err is not None:
        return "ERR " + err.Error()
    return f"OK {cs.Version:x} {cs.NegotiatedProtocol or '-'} {cn} {ekm.hex()}"


@pytest.fixture(scope="module")
def tlspeer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go = shutil.which("go")
    if go is None:
        pytest.skip("needs Go (apt-get install golang-go) to run Go's crypto/tls as the peer")
    out = tmp_path_factory.mktemp("tlspeer") / "tlspeer"
    subprocess.run([go, "build", "-o", str(out), str(Path(__file__).parent / "testdata" /
                                                      "tlspeer.go")],
                   check=True, capture_output=True, timeout=300)
    return out


# Go 1.19 (the Go Debian ships) against go1.27.0's source, which wins:
# - go1.27 quotes the client's ALPN list (%q; 1.19 used %s);
# - go1.20 put "tls: failed to verify certificate: " before a client's x509 error;
# - go1.21 servers send certificate_required (not bad_certificate) for a
#   missing TLS 1.3 client certificate.
_serverText119: Final = {
    "ERR tls: client requested unsupported application protocols ([b c])":
        'ERR tls: client requested unsupported application protocols (["b" "c"])',
}


def _serverText(line: str) -> str:
    """A Go 1.19 server's result as go1.27.0's server prints it."""
    line = line.replace("tls: failed to verify client certificate: ",  # go1.20's wording
                        "tls: failed to verify certificate: ")
    return _serverText119.get(line, line)


def _clientText(line: str) -> str:
    """A Go 1.19 client's result as a go1.27.0 client prints it (against the same server)."""
    if line.startswith("ERR x509: "):
        line = "ERR tls: failed to verify certificate: " + line[4:]
    return line


# Where our client's bytes differ from Go's client, so Go's server reports
# something else than with Go's client: scenario -> (Go's server's text, why).
_theirServerWithUs: Final = {
    "versions": ("ERR tls: client offered only unsupported versions: [303 302 301]",
                 "OpenSSL's ClientHello capped at TLS 1.2 has no supported_versions "
                 "extension, so Go derives the list from the legacy version"),
    **{sc: ("ERR local error: tls: bad record MAC",
            "OpenSSL sends its alert for a certificate it refuses without encryption, after "
            "Go's server switched to handshake keys") for sc in ("unknownca", "wrongname",
                                                                  "expired")},
}


def _noEKM(line: str) -> str:
    """A result without what differs per connection: the keying material, the current time."""
    if line.startswith("OK "):
        return line.rsplit(" ", 1)[0]
    return re.sub(r"current time \S+ is", "current time T is", line)


@pytest.mark.parametrize("scenario", [
    "ok", "versions", "alpn", "unknownca", "wrongname", "nameless", "clientcert", "nocert",
    "strangercert", "strangernocas", "getcert", "expired"])
def test_GoInterop(pki: dict[str, Any], tlspeer: Path, scenario: str) -> None:
    """Go's client against our server and our client against Go's server, beside Go against Go.

    Our end reports what Go's end in its place reports (version, ALPN
    protocol and peer name, or the same error text), the Go peer reports
    the same as against Go, and both ends export the same keying material.
    """
    d = str(pki["dir"])

    def goServer() -> tuple[subprocess.Popen[str], str]:
        p = subprocess.Popen([str(tlspeer), "server", scenario, d], stdout=subprocess.PIPE,
                             text=True)
        assert p.stdout is not None
        return p, p.stdout.readline().split()[1]

    def goClient(addr: str) -> str:
        r = subprocess.run([str(tlspeer), "client", scenario, d, addr], capture_output=True,
                           text=True, timeout=30)
        return _clientText(r.stdout.strip().removeprefix("CLIENT "))

    def serverResult(p: subprocess.Popen[str]) -> str:
        out, _ = p.communicate(timeout=30)
        return _serverText(out.strip().removeprefix("SERVER "))

    # Go against Go: the reference.
    p, addr = goServer()
    refClient = goClient(addr)
    refServer = serverResult(p)

    def main() -> None:
        server, client = goConfigs(scenario, pki)
        # Go's client against our server.
        ln, err = tls.Listen("tcp", "127.0.0.1:0", server)
        assert err is None, err
        box: list[str] = []

        def serve() -> None:
            c, _ = ln.Accept()
            with c:
                box.append(describe(c, exchange(c, False)))

        rt.go(serve)
        with ln:
            theirClient = rt.blocking(goClient, ln.Addr().String())
            while not box:
                time.Sleep(time.Millisecond)
        # go1.27's servers send certificate_required for a missing TLS 1.3 client
        # certificate and unknown_ca for an unknown issuer (Go 1.19: bad_certificate).
        want = refClient.replace("bad certificate", {
            "nocert": "certificate required", "strangercert": "certificate required",
            "strangernocas": "unknown certificate authority"}.get(scenario, "bad certificate"))
        assert (_noEKM(box[0]), _noEKM(theirClient)) == (_noEKM(refServer), _noEKM(want))
        if refClient.startswith("OK"):
            assert theirClient.split()[-1] == box[0].split()[-1]  # the same keying material

        # Our client against Go's server.
        p, addr = rt.blocking(goServer)
        c, err = tls.Dial("tcp", addr, client)
        if err is None and c is not None:
            err = exchange(c, True)
        mine = describe(c, err)
        if c is not None:
            c.Close()
        theirServer = rt.blocking(serverResult, p)
        assert _noEKM(mine) == _noEKM(refClient)
        assert _noEKM(theirServer) == _theirServerWithUs.get(scenario, (_noEKM(refServer),))[0]
        if refClient.startswith("OK"):
            assert mine.split()[-1] == theirServer.split()[-1]

    rt.run(main)


def test_MutatedClientHellos(pki: dict[str, Any]) -> None:
    """An attacker's ClientHellos: a real one with bytes flipped, cut or stretched.

    Every handshake ends with an error value: a decode error or OpenSSL's
    reason, or the deadline where a stretched length leaves the server
    waiting for bytes that never come. Nothing raises, and the conftest
    leak check sees no fd or goroutine left.
    """
    import random

    def main() -> None:
        # A real ClientHello, as our client sends it (with ALPN and SNI).
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None and ln is not None
        got = rt.chan(1)

        def grab() -> None:
            c, _ = ln.Accept()
            assert c is not None
            with c:
                buf = bytearray(4096)
                n, _ = c.Read(buf)
                got.send(bytes(buf[:n]))

        rt.go(grab)
        c, _ = tls.Dial("tcp", ln.Addr().String(), clientConfig(
            pki, ServerName="localhost", NextProtos=["h2", "http/1.1"]))
        hello = got.recv()
        ln.Close()
        assert hello[0] == 22 and hello[5] == 1

        rnd = random.Random(1234)
        cases = []
        for _ in range(60):
            b = bytearray(hello)
            for _ in range(rnd.randint(1, 6)):
                b[rnd.randrange(5, len(b))] = rnd.randrange(256)
            cases.append(bytes(b))
        for cut in range(5, len(hello), max(1, len(hello) // 15)):
            # Cut short, with the record and message lengths made to agree.
            body = bytearray(hello[5:cut])
            if len(body) >= 4:
                body[1:4] = (len(body) - 4).to_bytes(3, "big")
            cases.append(bytes([22, 3, 1]) + len(body).to_bytes(2, "big") + bytes(body))
        results: list[Any] = []
        sln, err = tls.Listen("tcp", "127.0.0.1:0", serverConfig(pki, GetCertificate=None))
        assert err is None and sln is not None
        with sln:
            for case in cases:
                done = rt.chan(1)

                def serveOne(done: Any = done) -> None:
                    sc, _ = sln.Accept()
                    assert sc is not None
                    with sc:
                        sc.SetDeadline(time.Now().Add(150 * time.Millisecond))
                        done.send(sc.Handshake())

                rt.go(serveOne)
                raw, err = net.Dial("tcp", sln.Addr().String())
                assert err is None and raw is not None
                with raw:
                    raw.Write(case)
                    results.append(done.recv())
        assert all(r is not None and isinstance(r.Error(), str) for r in results), results
        kinds = {type(r).__name__ for r in results}
        assert "OpError" in kinds, kinds  # decode errors and alerts, as Go's "local error: ..."

    rt.run(main)
