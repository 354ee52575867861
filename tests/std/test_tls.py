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

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import net
import rt
from std import context, errors, io, time
from std import os as gos
from std.crypto import tls, x509

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


def _run(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=20)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("pki")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for ca in ("ca", "other"):
        _run("req", "-x509", "-new", *ec, "-keyout", f"{ca}.key", "-out", f"{ca}.pem",
             "-days", "2", "-subj", f"/CN=Test {ca}",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)
    (d / "server.ext").write_text(
        "subjectAltName=DNS:localhost,DNS:example.com,IP:127.0.0.1\n"
        "extendedKeyUsage=serverAuth\n")
    (d / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    for name, ca in (("server", "ca"), ("client", "ca"), ("stranger", "other")):
        ext = "client" if name != "server" else "server"
        _run("req", "-new", *ec, "-keyout", f"{name}.key", "-out", f"{name}.csr",
             "-subj", f"/CN={name}", cwd=d)
        _run("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
             "-CAcreateserial", "-out", f"{name}.pem", "-days", "2", "-extfile", f"{ext}.ext",
             cwd=d)
    out: dict[str, Any] = {"dir": d}
    for name in ("server", "client", "stranger"):
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
                assert [ip.String() for ip in cs.PeerCertificates[0].IPAddresses] == ["127.0.0.1"]
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
                                       "is valid for 127.0.0.1, not 127.0.0.2")
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
            assert box[1].PeerCertificates[0].SubjectCommonName == "client"
        else:
            assert box[0].Error() == "tls: client didn't provide a certificate"

    rt.run(main)


def test_ClientCertUnknownAuthority(pki: dict[str, Any]) -> None:
    def main() -> None:
        box: list[Any] = []
        cfg = serverConfig(pki, ClientAuth=tls.RequireAndVerifyClientCert, ClientCAs=pki["ca"])
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
    assert err is None and ok.Leaf is not None and ok.Leaf.SubjectCommonName == "server"
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
        assert box[0].Error() == "tls: client offered only unsupported versions"

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
        assert box[1].PeerCertificates[0].SubjectCommonName == "client"
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
