"""examples/tlsecho: the echo server over TLS, driven by openssl s_client (and a plain nc).

A throwaway self-signed certificate is made with the openssl command once
per module. s_client verifies the server against it, once over TLS 1.3
with a server name and once over TLS 1.2 without; nc then speaks plain
text and the server reports Go's handshake error.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from runner import Client, Server, client, need, run, same_output


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need("openssl")
    d = tmp_path_factory.mktemp("pki")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem",
                    "-out", "cert.pem", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   cwd=d, check=True, capture_output=True, timeout=20)
    return d


def test_tlsecho(impl: str, pki: Path) -> None:
    need("openssl", "nc")
    with Server(impl, "tlsecho", "-addr", "127.0.0.1:0", "-cert", str(pki / "cert.pem"),
                "-key", str(pki / "key.pem"), "-n", "3") as s:
        verify = ["-CAfile", str(pki / "cert.pem"), "-verify_return_error"]
        for version, name, line in [("-tls1_3", "localhost", b"hello over TLS\n"),
                                    ("-tls1_2", "", b"and 1.2\n")]:
            sni = ["-servername", name] if name else ["-noservername"]
            with Client(["openssl", "s_client", "-connect", s.addr, version, *sni, *verify,
                         "-quiet", "-no_ign_eof"]) as c:
                c.send(line)
                assert c.readline() == line
                assert c.wait() == b""  # EOF: s_client sends close_notify and exits
        assert client(["nc", "-N", s.host, str(s.port)], b"GET / HTTP/1.0\r\n\r\n") == b""
        assert s.wait() == 0
    assert s.output() == (
        "listening on 127.0.0.1:PORT\n"
        'conn 1: TLS 1.3, server name "localhost": echoed 15 bytes\n'
        'conn 2: TLS 1.2, server name "": echoed 8 bytes\n'
        "conn 3: tls: first record does not look like a TLS handshake\n"
        "served 3 connections\n")
    assert s.err == ""
    same_output("tlsecho", impl, s.output())


def test_tlsecho_missing_cert(impl: str, tmp_path: Path) -> None:
    p = run(impl, "tlsecho", "-cert", str(tmp_path / "nope.pem"), "-key", "nope.key")
    assert (p.returncode, p.stdout) == (1, "")
    assert p.stderr == f"open {tmp_path}/nope.pem: no such file or directory\n"
