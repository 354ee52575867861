"""crypto/x509's certificate parser, names, hostname and validity checks (std/crypto/x509.py).

Real certificates are made with the ``openssl`` command once per module
(RSA, EC P-256, Ed25519 and RSA-PSS keys; a CA and leaves; SANs of every
kind; an expired one, one not valid before 2050, one from 1950 to 2049; a
v1 certificate; awkward subject names) and parsed here. When Go is
installed, a small Go program parses the same files with Go's own
crypto/x509 and every field is compared; Go's tables for hostname matching
(TestMatchHostnames, TestValidHostname, TestVerifyHostnameIPAddresses,
TestRDNSequenceString) are ported row for row. Malformed input (empty,
garbage, truncated, trailing bytes, single-byte corruptions of every
position) must give an error value, never an exception.

The Go on this machine may be older than go1.27; where go1.27's source
differs from it, the comparison says so and the 1.27 behaviour is checked
directly (see ``_goCompat``).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import net
from std import time
from std.crypto import x509

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")

_GO: str | None = shutil.which("go") or ("/usr/bin/go" if os.path.exists("/usr/bin/go") else None)


def _run(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=30)


def _der(path: Path) -> bytes:
    blocks = x509._pemBlocks(path.read_bytes())
    assert blocks and blocks[0][0] == "CERTIFICATE"
    return blocks[0][1]


_CNF = """\
[req]
distinguished_name=dn
[dn]
[ca_ext]
basicConstraints=critical,CA:TRUE,pathlen:1
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[leaf_ext]
basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth,1.2.3.4
subjectAltName=DNS:server.example.com,DNS:*.wild.example.com,IP:127.0.0.1,IP:::1,\
email:admin@example.com,URI:https://example.com/x
authorityKeyIdentifier=keyid
authorityInfoAccess=OCSP;URI:http://ocsp.example.com,caIssuers;URI:http://ca.example.com/ca.crt
1.2.3.4.5=critical,ASN1:UTF8String:hi
[many_ext]
subjectAltName=@many
[many]
{many}
[ca]
default_ca=c
[c]
dir={dir}/db
database=$dir/index.txt
serial=$dir/serial
new_certs_dir=$dir
certificate={dir}/ca.pem
private_key={dir}/ca.key
default_md=sha256
policy=p
unique_subject=no
copy_extensions=none
[p]
commonName=supplied
"""


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("x509")
    many = "\n".join(f"DNS.{i}=h{i}.example.com" for i in range(100))
    (d / "x.cnf").write_text(_CNF.format(dir=d, many=many))
    (d / "db").mkdir()
    (d / "db" / "index.txt").write_text("")
    (d / "db" / "serial").write_text("01\n")
    cnf = ["-config", "x.cnf"]
    _run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
         "-days", "30", *cnf, "-extensions", "ca_ext", "-subj",
         "/C=US/ST=CA/L=SF/O=Acme, Inc./OU=Eng+OU=Ops/CN=Test CA/emailAddress=ca@example.com",
         cwd=d)
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    _run("req", "-new", *ec, "-keyout", "leaf.key", "-out", "leaf.csr", *cnf,
         "-subj", "/CN=server/O=Acme/O=Second", cwd=d)
    sign = ["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key"]
    _run(*sign, "-set_serial", "0x0123456789abcdef0123", "-days", "10", "-extfile", "x.cnf",
         "-extensions", "leaf_ext", "-out", "leaf.pem", cwd=d)
    # No extensions: OpenSSL writes a v1 certificate. "-days -1" ends it yesterday.
    _run(*sign, "-set_serial", "7", "-days", "-1", "-out", "expired.pem", cwd=d)
    _run(*sign, "-set_serial", "8", "-days", "10", "-extfile", "x.cnf", "-extensions",
         "many_ext", "-out", "many.pem", cwd=d)
    ca = ["ca", "-batch", *cnf, "-in", "leaf.csr", "-notext"]
    # After 2049 the validity is a GeneralizedTime; 1950..2049 a UTCTime.
    _run(*ca, "-startdate", "20500101000000Z", "-enddate", "20991231235959Z",
         "-out", "future.pem", cwd=d)
    _run(*ca, "-startdate", "500101000000Z", "-enddate", "491231235959Z",
         "-out", "century.pem", cwd=d)
    _run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "pss.key", "-out",
         "pss.pem", "-days", "5", *cnf, "-sha256", "-sigopt", "rsa_padding_mode:pss",
         "-sigopt", "rsa_pss_saltlen:32", "-subj", "/CN=pss", cwd=d)
    _run("req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "ed.key", "-out",
         "ed25519.pem", "-days", "5", *cnf, "-subj", "/CN=ed/serialNumber=1234/street=Main St",
         "-addext", "subjectAltName=DNS:ed.example", cwd=d)
    # Characters RFC 2253 escapes, leading/trailing spaces, a leading '#', UTF-8.
    _run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes",
         "-keyout", "esc.key", "-out", "escape.pem", "-days", "5", *cnf, "-utf8", "-subj",
         '/CN=\\ a\\,b\\+c"d\\\\e<f>g;h\\ /O=#hash/OU=Grüße/L=x#y/postalCode=12345',
         cwd=d)
    return {p.stem: p for p in d.glob("*.pem")}


def _ip(s: str) -> net.IP:
    ip = net.ParseIP(s)
    assert ip is not None
    return ip


def _parse(p: Path) -> x509.Certificate:
    c, err = x509.ParseCertificate(_der(p))
    assert err is None, err
    assert c is not None
    return c


# ---- the parsed fields, checked by hand


def test_ParseCertificate_Leaf(certs: dict[str, Path]) -> None:
    c = _parse(certs["leaf"])
    ca = _parse(certs["ca"])
    assert c.Raw == _der(certs["leaf"])
    assert c.Version == 3
    assert c.SerialNumber == 0x0123456789ABCDEF0123
    assert c.Subject.String() == "CN=server,O=Acme+O=Second"
    assert c.Subject.CommonName == "server" and c.SubjectCommonName == "server"
    assert c.Subject.Organization == ["Acme", "Second"]
    assert c.Issuer.String() == (
        "CN=Test CA,OU=Eng+OU=Ops,O=Acme\\, Inc.,L=SF,ST=CA,C=US,"
        "1.2.840.113549.1.9.1=ca@example.com")
    assert c.RawIssuer == ca.RawSubject
    assert c.SignatureAlgorithm == x509.SHA256WithRSA
    assert c.SignatureAlgorithm.String() == "SHA256-RSA"
    assert c.PublicKeyAlgorithm == x509.ECDSA and c.PublicKeyAlgorithm.String() == "ECDSA"
    assert c.DNSNames == ["server.example.com", "*.wild.example.com"]
    assert [ip.String() for ip in c.IPAddresses] == ["127.0.0.1", "::1"]
    assert all(isinstance(ip, net.IP) for ip in c.IPAddresses)
    assert c.EmailAddresses == ["admin@example.com"]
    assert c.URIs == ["https://example.com/x"]
    assert c.BasicConstraintsValid and not c.IsCA and c.MaxPathLen == -1
    assert c.KeyUsage == x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
    assert c.ExtKeyUsage == [x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth]
    assert c.UnknownExtKeyUsage == [(1, 2, 3, 4)]
    assert c.AuthorityKeyId == ca.SubjectKeyId and len(c.AuthorityKeyId) == 20
    assert c.OCSPServer == ["http://ocsp.example.com"]
    assert c.IssuingCertificateURL == ["http://ca.example.com/ca.crt"]
    assert c.UnhandledCriticalExtensions == [(1, 2, 3, 4, 5)]
    assert c.hasSANExtension()
    assert c.RawTBSCertificate in c.Raw and c.RawSubjectPublicKeyInfo in c.RawTBSCertificate
    assert c.NotAfter.Sub(c.NotBefore) == 10 * 24 * time.Hour
    assert c.Equal(_parse(certs["leaf"])) and not c.Equal(ca) and not c.Equal(None)


def test_ParseCertificate_CA(certs: dict[str, Path]) -> None:
    c = _parse(certs["ca"])
    assert c.IsCA and c.BasicConstraintsValid and c.MaxPathLen == 1 and not c.MaxPathLenZero
    assert c.KeyUsage == x509.KeyUsageCertSign | x509.KeyUsageCRLSign
    assert c.PublicKeyAlgorithm == x509.RSA and c.PublicKeyAlgorithm.String() == "RSA"
    assert c.Subject.OrganizationalUnit == ["Eng", "Ops"]
    assert c.Subject.Organization == ["Acme, Inc."]
    assert c.Subject.Country == ["US"] and c.Subject.Province == ["CA"]
    assert c.Subject.Locality == ["SF"]
    assert c.RawSubject == c.RawIssuer
    assert len(c.Subject.Names) == 8
    assert not c.hasSANExtension() and c.DNSNames == []
    assert len(c.Signature) == 256


def test_ParseCertificate_Times(certs: dict[str, Path]) -> None:
    f = _parse(certs["future"])
    assert f.NotBefore.Unix() == 2524608000  # 2050-01-01T00:00:00Z, a GeneralizedTime
    assert f.NotAfter.Unix() == 4102444799  # 2099-12-31T23:59:59Z
    c = _parse(certs["century"])
    assert c.NotBefore.Unix() == -631152000  # UTCTime "50..." is 1950
    assert c.NotAfter.Unix() == 2524607999  # and "49..." is 2049
    e = _parse(certs["expired"])
    assert e.Version == 1 and e.Extensions == [] and not e.hasSANExtension()
    assert e.NotAfter.Before(e.NotBefore)


def test_ParseCertificate_Algorithms(certs: dict[str, Path]) -> None:
    pss = _parse(certs["pss"])
    assert pss.SignatureAlgorithm == x509.SHA256WithRSAPSS
    assert pss.SignatureAlgorithm.String() == "SHA256-RSAPSS"
    ed = _parse(certs["ed25519"])
    assert ed.SignatureAlgorithm == x509.PureEd25519 and str(ed.SignatureAlgorithm) == "Ed25519"
    assert ed.PublicKeyAlgorithm == x509.Ed25519
    assert ed.Subject.SerialNumber == "1234" and ed.Subject.StreetAddress == ["Main St"]
    assert ed.Subject.String() == "SERIALNUMBER=1234,CN=ed,STREET=Main St"
    esc = _parse(certs["escape"])
    assert esc.SignatureAlgorithm.String() == "ECDSA-SHA256"
    assert x509.SignatureAlgorithm(99).String() == "99"
    assert x509.PublicKeyAlgorithm(0).String() == "0"
    assert x509.MLDSA.String() == "ML-DSA" and x509.MLDSA65.String() == "ML-DSA-65"


def test_NameString_Escaping(certs: dict[str, Path]) -> None:
    c = _parse(certs["escape"])
    assert c.Subject.CommonName == ' a,b+c"d\\e<f>g;h '
    assert c.Subject.OrganizationalUnit == ["Grüße"]
    assert c.Subject.String() == (
        'CN=\\ a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h\\ ,OU=Grüße,O=\\#hash,POSTALCODE=12345,L=x#y')


def test_RDNSequenceString() -> None:
    """Go's TestRDNSequenceString: a multi-valued RDN prints joined by '+', last RDN first."""
    A = x509.AttributeTypeAndValue
    seq = [[A(Type=(2, 5, 4, 6), Value="US")], [A(Type=(2, 5, 4, 10), Value="Widget Inc.")],
           [A(Type=(2, 5, 4, 11), Value="Sales"), A(Type=(2, 5, 4, 3), Value="J. Smith")]]
    assert x509._rdnSequenceString(seq) == "OU=Sales+CN=J. Smith,O=Widget Inc.,C=US"


def test_NameString_NonStringValues() -> None:
    """Unknown types print as OID=#hex of the DER; known types only from the string fields."""
    n = x509.Name()
    seq: x509.RDNSequence = [
        [x509.AttributeTypeAndValue(Type=(1, 2, 3), Value=5, _der=b"\x02\x01\x05")],
        [x509.AttributeTypeAndValue(Type=(2, 5, 4, 3), Value=7, _der=b"\x02\x01\x07")],
        [x509.AttributeTypeAndValue(Type=(1, 2, 4), Value=None, _der=b"\x05\x00")],
        [x509.AttributeTypeAndValue(Type=(2, 5, 4, 3), Value="#x ", _der=b"")],
    ]
    n.FillFromRDNSequence(seq)
    assert n.CommonName == "#x "
    assert n.String() == "CN=\\#x\\ ,1.2.4=\\<nil\\>,1.2.3=#020105"
    # Built by hand, without the DER: the value is marshalled as Go's asn1.Marshal would.
    n = x509.Name(ExtraNames=[x509.AttributeTypeAndValue(Type=(1, 2, 5), Value=-129)])
    assert n.String() == "1.2.5=#0202ff7f"


# ---- VerifyHostname and HostnameError


# Go's matchHostnamesTests (x509_test.go): (pattern, host, ok).
_matchHostnamesTests = [
    ("a.b.c", "a.b.c", True),
    ("a.b.c", "b.b.c", False),
    ("", "b.b.c", False),
    ("a.b.c", "", False),
    ("example.com", "example.com", True),
    ("example.com", "www.example.com", False),
    ("*.example.com", "example.com", False),
    ("*.example.com", "www.example.com", True),
    ("*.example.com", "www.example.com.", True),
    ("*.example.com", "xyz.www.example.com", False),
    ("*.example.com", "https://www.example.com", False),  # Go issue 27591
    ("*.example..com", "www.example..com", False),
    ("www.example..com", "www.example..com", True),
    ("*.*.example.com", "xyz.www.example.com", False),
    ("*.www.*.com", "xyz.www.example.com", False),
    ("*bar.example.com", "foobar.example.com", False),
    ("f*.example.com", "foobar.example.com", False),
    ("www.example.com", "*.example.com", False),
    ("", ".", False),
    (".", "", False),
    (".", ".", False),
    ("example.com", "example.com.", True),
    ("example.com.", "example.com", False),
    ("example.com.", "example.com.", True),
    ("*.com.", "example.com.", False),
    ("*.com.", "example.com", False),
    ("*.com", "example.com", True),
    ("*.com", "example.com.", True),
    ("foo:bar", "foo:bar", True),
    ("*.foo:bar", "xxx.foo:bar", False),
    ("*.2.3.4", "1.2.3.4", False),
    ("*.2.3.4", "[1.2.3.4]", False),
    ("*:4860:4860::8888", "2001:4860:4860::8888", False),
    ("*:4860:4860::8888", "[2001:4860:4860::8888]", False),
    ("2001:4860:4860::8888", "2001:4860:4860::8888", False),
    ("2001:4860:4860::8888", "[2001:4860:4860::8888]", False),
    ("[2001:4860:4860::8888]", "2001:4860:4860::8888", False),
    ("[2001:4860:4860::8888]", "[2001:4860:4860::8888]", False),
]


@pytest.mark.parametrize(("pattern", "host", "ok"), _matchHostnamesTests)
def test_MatchHostnames(pattern: str, host: str, ok: bool) -> None:
    c = x509.Certificate(DNSNames=[pattern])
    assert (c.VerifyHostname(host) is None) == ok


def test_MatchIP() -> None:
    c = x509.Certificate(DNSNames=["*.foo.bar.baz"])
    c.Subject.CommonName = "*.foo.bar.baz"
    assert c.VerifyHostname("quux.foo.bar.baz") is None
    c = x509.Certificate(DNSNames=["*.2.3.4"])
    assert c.VerifyHostname("1.2.3.4") is not None
    c = x509.Certificate(IPAddresses=[_ip("127.0.0.1"), _ip("::1")])
    for h in ("127.0.0.1", "::1", "[::1]"):
        assert c.VerifyHostname(h) is None


# Go's TestValidHostname: (host, validInput, validPattern).
_validHostnameTests = [
    ("example.com", True, True),
    ("eXample123-.com", True, True),
    ("-eXample123-.com", False, False),
    ("", False, False),
    (".", False, False),
    ("example..com", False, False),
    (".example.com", False, False),
    ("example.com.", True, False),
    ("*.example.com.", False, False),
    ("*.example.com", False, True),
    ("*foo.example.com", False, False),
    ("foo.*.example.com", False, False),
    ("exa_mple.com", True, True),
    ("foo,bar", False, False),
    ("project-dev:us-central1:main", False, False),
]


@pytest.mark.parametrize(("host", "validInput", "validPattern"), _validHostnameTests)
def test_ValidHostname(host: str, validInput: bool, validPattern: bool) -> None:
    assert x509.validHostnamePattern(host) == validPattern
    assert x509.validHostnameInput(host) == validInput


@pytest.mark.parametrize(("host", "match"), [
    ("192.0.2.1", True), ("[192.0.2.1]", True), ("192.0.2.2", False),
    ("fe80::1", True), ("[fe80::1]", True), ("fe80::1%eth0", True), ("[fe80::1%eth0]", True),
    ("fe80::2", False), ("fe80::2%eth0", False)])
def test_VerifyHostnameIPAddresses(host: str, match: bool) -> None:
    c = x509.Certificate(IPAddresses=[_ip("192.0.2.1"), _ip("fe80::1")])
    assert (c.VerifyHostname(host) is None) == match


def test_HostnameErrorTexts(certs: dict[str, Path]) -> None:
    leaf = _parse(certs["leaf"])
    err = leaf.VerifyHostname("other.example.com")
    assert isinstance(err, x509.HostnameError) and err.Host == "other.example.com"
    assert err.Error() == str(err) == (
        "x509: certificate is valid for server.example.com, *.wild.example.com, "
        "not other.example.com")
    # go1.27 parses with netip: the zone is dropped and Host is the address as printed.
    err = leaf.VerifyHostname("[fe80::1%eth0]")
    assert isinstance(err, x509.HostnameError) and err.Host == "fe80::1"
    assert err.Error() == "x509: certificate is valid for 127.0.0.1, ::1, not fe80::1"
    v1 = _parse(certs["expired"])
    assert str(v1.VerifyHostname("server")) == (
        "x509: certificate relies on legacy Common Name field, use SANs instead")
    assert str(v1.VerifyHostname("10.0.0.1")) == (
        "x509: cannot validate certificate for 10.0.0.1 because it doesn't contain any IP SANs")
    assert str(v1.VerifyHostname("x.test")) == (
        "x509: certificate is not valid for any names, but wanted to match x.test")
    many = _parse(certs["many"])
    assert len(many.DNSNames) == 100
    assert many.VerifyHostname("h99.example.com") is None
    assert str(many.VerifyHostname("nope.example.com")) == (
        "x509: certificate is valid for 100 names, but none matched nope.example.com")
    ips = x509.Certificate(IPAddresses=[net.IP([10, 0, i // 256, i % 256]) for i in range(100)])
    assert str(ips.VerifyHostname("192.0.2.1")) == (
        "x509: certificate is valid for 100 IP SANs, but none matched 192.0.2.1")


# ---- _validityError (verify.go's isValid, the Expired part)


def test_validityError(certs: dict[str, Path]) -> None:
    c = _parse(certs["future"])
    now = time.Unix(1796270400, 0)  # 2026-12-03T04:00:00Z
    err = x509._validityError(c, now)
    assert isinstance(err, x509.CertificateInvalidError)
    assert err.Reason == x509.Expired and err.Cert is c
    assert err.Error() == ("x509: certificate has expired or is not yet valid: current time "
                           "2026-12-03T04:00:00Z is before 2050-01-01T00:00:00Z")
    err = x509._validityError(c, time.Unix(4102444800, 0))
    assert err is not None and err.Detail == (
        "current time 2100-01-01T00:00:00Z is after 2099-12-31T23:59:59Z")
    # Both bounds are inclusive.
    assert x509._validityError(c, c.NotBefore) is None
    assert x509._validityError(c, c.NotAfter) is None
    assert x509._validityError(c, c.NotAfter.Add(time.Nanosecond)) is not None
    e = _parse(certs["expired"])
    err = x509._validityError(e, time.Now())
    assert err is not None and " is after " in err.Detail


def test_validityError_Offset() -> None:
    """A bound written with an offset prints with it, as Go's Format(time.RFC3339) does."""
    c = x509.Certificate(NotBefore=time.Unix(0, 0), NotAfter=time.Unix(3600, 0),
                         _notAfterOffset=-(5 * 3600 + 30 * 60))
    err = x509._validityError(c, time.Unix(7200, 0))
    assert err is not None and err.Detail == (
        "current time 1970-01-01T02:00:00Z is after 1969-12-31T19:30:00-05:30")


# ---- malformed input


def _expectErr(der: bytes, text: str) -> None:
    c, err = x509.ParseCertificate(der)
    assert c is None and err is not None
    assert err.Error() == text


def _patch(der: bytes, old: bytes, new: bytes, nth: int = 0) -> bytes:
    assert len(old) == len(new)
    i = -1
    for _ in range(nth + 1):
        i = der.index(old, i + 1)
    return der[:i] + new + der[i + len(old):]


def _malformed(certs: dict[str, Path]) -> dict[str, tuple[bytes, str]]:
    """Bad inputs and go1.27's error for each."""
    leaf = _der(certs["leaf"])
    v1 = _der(certs["expired"])
    sigAI = bytes.fromhex("300d06092a864886f70d01010b0500")  # sha256WithRSAEncryption, NULL
    return {
        "empty": (b"", "x509: malformed certificate"),
        "garbage": (b"hello, world", "x509: malformed certificate"),
        "truncated": (leaf[:-1], "x509: malformed certificate"),
        "trailing": (leaf + b"\x00", "x509: trailing data"),
        "notsequence": (b"\x31" + leaf[1:], "x509: malformed certificate"),
        "version": (_patch(leaf, b"\xa0\x03\x02\x01\x02", b"\xa0\x03\x02\x01\x03"),
                    "x509: invalid version"),
        "negversion": (_patch(leaf, b"\xa0\x03\x02\x01\x02", b"\xa0\x03\x02\x01\xff"),
                       "x509: malformed version"),
        "negserial": (_patch(v1, b"\x02\x01\x07", b"\x02\x01\xf9"),
                      "x509: negative serial number"),
        "sigmismatch": (_patch(leaf, sigAI, sigAI[:-3] + b"\x0c\x05\x00", nth=1),
                        "x509: inner and outer signature algorithm identifiers don't match"),
        "badtime": (_patch(leaf, b"Z\x17\x0d", b"X\x17\x0d"), "x509: malformed UTCTime"),
        "dupext": (_patch(leaf, b"\x06\x03\x55\x1d\x0f", b"\x06\x03\x55\x1d\x13"),
                   'x509: certificate contains duplicate extension with OID "2.5.29.19"'),
        "badbool": (_patch(leaf, b"\x01\x01\xff", b"\x01\x01\x01"),
                    "x509: malformed extension critical field"),
        "sanemail": (_patch(leaf, b"\x81\x11admin", b"\x81\x11\xe9dmin"),
                     "x509: SAN rfc822Name is malformed"),
        "printable": (_patch(leaf, b"\x13\x02US", b"\x13\x02U\x00"),
                      "x509: invalid RDNSequence: invalid attribute value: "
                      "invalid PrintableString"),
    }


@pytest.mark.parametrize("case", ["empty", "garbage", "truncated", "trailing", "notsequence",
                                  "version", "negversion", "negserial", "sigmismatch",
                                  "badtime", "dupext", "badbool", "sanemail", "printable"])
def test_ParseCertificate_Malformed(certs: dict[str, Path], case: str) -> None:
    der, text = _malformed(certs)[case]
    _expectErr(der, text)


def test_ParseCertificate_NeverRaises(certs: dict[str, Path]) -> None:
    """Every prefix, and corruptions at every byte, give a value or an error, not an exception."""
    rng = random.Random(1)
    for name in ("leaf", "ca", "pss", "ed25519", "escape"):
        der = _der(certs[name])
        for n in range(len(der)):
            c, err = x509.ParseCertificate(der[:n])
            assert c is None and err is not None and err.Error().startswith("x509: ")
        for i in range(len(der)):
            for v in (0x00, 0xFF, 0x80, rng.randrange(256)):
                bad = der[:i] + bytes([v]) + der[i + 1:]
                c, err = x509.ParseCertificate(bad)
                assert (c is None) != (err is None)
                if err is not None:
                    assert isinstance(err.Error(), str)


# ---- the DER reader (cryptobyte's rules)


@pytest.mark.parametrize(("der", "ok"), [
    (b"\x04\x00", True),
    (b"\x04\x81\x05abcde", False),  # long form for a short length
    (b"\x04\x82\x00\x80" + b"x" * 128, False),  # leading zero length byte
    (b"\x04\x81\x80" + b"x" * 128, True),
    (b"\x04\x85\x00\x00\x00\x00\x01x", False),  # more than 4 length bytes
    (b"\x04\x80", False),  # indefinite length
    (b"\x1f\x01\x00", False),  # high tag number form
    (b"\x04\x05abc", False),  # truncated
])
def test_cbString_Lengths(der: bytes, ok: bool) -> None:
    assert (x509._cbString(der).ReadAnyASN1() is not None) == ok


def test_cbString_Values() -> None:
    S = x509._cbString
    assert S(b"\x01\x01\xff").ReadASN1Boolean() is True
    assert S(b"\x01\x01\x00").ReadASN1Boolean() is False
    assert S(b"\x01\x01\x01").ReadASN1Boolean() is None
    assert S(b"\x02\x01\x80").ReadASN1BigInt() == -128
    assert S(b"\x02\x02\x00\x80").ReadASN1BigInt() == 128
    assert S(b"\x02\x02\x00\x7f").ReadASN1BigInt() is None  # not minimal
    assert S(b"\x02\x02\xff\x80").ReadASN1BigInt() is None
    assert S(b"\x02\x00").ReadASN1BigInt() is None
    assert S(b"\x02\x09" + b"\x01" * 9).ReadASN1Int64() is None
    assert S(b"\x03\x02\x07\x80").ReadASN1BitString() == x509._BitString(b"\x80", 1)
    assert S(b"\x03\x02\x07\x81").ReadASN1BitString() is None  # padding bit set
    assert S(b"\x03\x01\x01").ReadASN1BitString() is None
    assert S(b"\x06\x03\x55\x1d\x11").ReadASN1ObjectIdentifier() == (2, 5, 29, 17)
    assert S(b"\x06\x03\x88\x37\x03").ReadASN1ObjectIdentifier() == (2, 999, 3)
    assert S(b"\x06\x02\x80\x01").ReadASN1ObjectIdentifier() is None  # non-minimal
    assert S(b"\x06\x00").ReadASN1ObjectIdentifier() is None
    assert x509._BitString(b"\xab\xc0", 10).RightAlign() == b"\x02\xaf"


@pytest.mark.parametrize(("tag", "text", "unix", "offset"), [
    (23, b"491231235959Z", 2524607999, 0),
    (23, b"500101000000Z", -631152000, 0),
    (23, b"7001010000Z", 0, 0),  # no seconds
    (23, b"700101010000+0100", 0, 3600),
    (23, b"700101000000+0000", None, 0),  # Go prints a zero offset as "Z"
    (23, b"700101000000-0000", None, 0),
    (23, b"700101000060Z", None, 0),
    (23, b"700229000000Z", None, 0),  # no February 29 in 1970
    (23, b"720229000000Z", 68169600, 0),
    (23, b"700101000000.5Z", None, 0),
    (23, b"700101000000", None, 0),
    (24, b"20500101000000Z", 2524608000, 0),
    (24, b"205001010000Z", None, 0),
    (24, b"19700101000000.0Z", None, 0),
    (24, b"19700101000000+2400", -86400, 86400),
    (24, b"19700101000000+0060", None, 0),
])
def test_cbString_Times(tag: int, text: bytes, unix: int | None, offset: int) -> None:
    s = x509._cbString(bytes([tag, len(text)]) + text)
    t = s.ReadASN1UTCTime() if tag == 23 else s.ReadASN1GeneralizedTime()
    if unix is None:
        assert t is None
    else:
        assert t is not None and t.sec == unix and t.offset == offset


def test_CertificateEqualOnNil() -> None:
    c = x509.Certificate()
    assert not c.Equal(None)


def test_CertPool_SkipsUnparsable(certs: dict[str, Path]) -> None:
    pem = certs["leaf"].read_text()
    pool = x509.NewCertPool()
    assert not pool.AppendCertsFromPEM(pem.replace("MII", "MIJ", 1))
    assert pool.AppendCertsFromPEM(pem + certs["ca"].read_text())
    assert len(pool._certs) == 2


# ---- against Go's crypto/x509


_GODUMP = r"""
package main

import (
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"time"
)

func main() {
	now, _ := time.Parse(time.RFC3339, os.Args[1])
	out := []map[string]any{}
	for _, path := range os.Args[2:] {
		data, _ := os.ReadFile(path)
		m := map[string]any{"path": path}
		c, err := x509.ParseCertificate(data)
		if err != nil {
			m["err"] = err.Error()
			out = append(out, m)
			continue
		}
		ips := []string{}
		for _, ip := range c.IPAddresses {
			ips = append(ips, ip.String())
		}
		uris := []string{}
		for _, u := range c.URIs {
			uris = append(uris, u.String())
		}
		eku := []int{}
		for _, e := range c.ExtKeyUsage {
			eku = append(eku, int(e))
		}
		m["Subject"] = c.Subject.String()
		m["Issuer"] = c.Issuer.String()
		m["CommonName"] = c.Subject.CommonName
		m["Organization"] = c.Subject.Organization
		m["OrganizationalUnit"] = c.Subject.OrganizationalUnit
		m["NotBefore"] = c.NotBefore.Unix()
		m["NotAfter"] = c.NotAfter.Unix()
		m["SerialNumber"] = c.SerialNumber.String()
		m["Version"] = c.Version
		m["SignatureAlgorithm"] = c.SignatureAlgorithm.String()
		m["PublicKeyAlgorithm"] = c.PublicKeyAlgorithm.String()
		m["DNSNames"] = c.DNSNames
		m["IPAddresses"] = ips
		m["EmailAddresses"] = c.EmailAddresses
		m["URIs"] = uris
		m["IsCA"] = c.IsCA
		m["BasicConstraintsValid"] = c.BasicConstraintsValid
		m["MaxPathLen"] = c.MaxPathLen
		m["KeyUsage"] = int(c.KeyUsage)
		m["ExtKeyUsage"] = eku
		m["UnknownExtKeyUsage"] = fmt.Sprint(c.UnknownExtKeyUsage)
		m["UnhandledCriticalExtensions"] = fmt.Sprint(c.UnhandledCriticalExtensions)
		m["SubjectKeyId"] = hex.EncodeToString(c.SubjectKeyId)
		m["AuthorityKeyId"] = hex.EncodeToString(c.AuthorityKeyId)
		m["OCSPServer"] = c.OCSPServer
		m["IssuingCertificateURL"] = c.IssuingCertificateURL
		m["Signature"] = hex.EncodeToString(c.Signature)
		m["RawSubject"] = hex.EncodeToString(c.RawSubject)
		m["RawSubjectPublicKeyInfo"] = hex.EncodeToString(c.RawSubjectPublicKeyInfo)
		m["NExtensions"] = len(c.Extensions)
		hosts := map[string]string{}
		for _, h := range hostsToTry {
			if err := c.VerifyHostname(h); err != nil {
				hosts[h] = err.Error()
			} else {
				hosts[h] = ""
			}
		}
		m["VerifyHostname"] = hosts
		_, verr := c.Verify(x509.VerifyOptions{CurrentTime: now, Roots: x509.NewCertPool()})
		if ce, ok := verr.(x509.CertificateInvalidError); ok && ce.Reason == x509.Expired {
			m["Expired"] = ce.Error()
		} else {
			m["Expired"] = ""
		}
		out = append(out, m)
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
"""

# No zones and no IPv4-mapped forms: those changed after go1.19 (netip).
_HOSTS = ["server.example.com", "SERVER.example.com.", "a.wild.example.com", "wild.example.com",
          "127.0.0.1", "[::1]", "::1", "10.0.0.1", "server", "other.example.com", "ed.example",
          "pss", "h42.example.com", "x.h1.example.com"]


def _goCompat(field: str, goValue: Any) -> Any:
    """Go's value as go1.27 would print it, where the installed Go is older.

    Older Go printed an unknown attribute type with a string value as "#"
    and the hex of its re-marshalled DER, where go1.27's pkix.Name.String
    prints the string: undo the hex. Older Go listed every name in a
    HostnameError, where go1.27 gives only a count from 100 names on.
    """
    if field == "VerifyHostname" and isinstance(goValue, dict):
        out = {}
        for h, text in goValue.items():
            m = re.fullmatch(r"x509: certificate is valid for (.*), not (.*)", text)
            if m and len(m.group(1).split(", ")) >= 100:
                text = (f"x509: certificate is valid for {len(m.group(1).split(', '))} names, "
                        f"but none matched {m.group(2)}")
            out[h] = text
        return out
    if field in ("Subject", "Issuer") and isinstance(goValue, str):
        def unhex(m: re.Match[str]) -> str:
            raw = bytes.fromhex(m.group(2))
            if raw[0] in (0x0C, 0x13, 0x16) and raw[1] == len(raw) - 2:
                return m.group(1) + "=" + raw[2:].decode()
            return m.group(0)
        return re.sub(r"([0-9.]+)=#([0-9a-f]+)", unhex, goValue)
    return goValue


@pytest.fixture(scope="module")
def godump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if _GO is None:
        pytest.skip("Go is not installed: the field-by-field comparison with Go needs it")
    d = tmp_path_factory.mktemp("godump")
    hosts = "var hostsToTry = []string{" + ", ".join(json.dumps(h) for h in _HOSTS) + "}\n"
    (d / "main.go").write_text(_GODUMP + hosts)
    (d / "go.mod").write_text("module godump\n\ngo 1.19\n")
    env = dict(os.environ, GOFLAGS="-mod=mod", GOPROXY="off", GO111MODULE="on",
               GOTOOLCHAIN="local")
    env.setdefault("GOCACHE", str(d / "cache"))
    r = subprocess.run([_GO, "build", "-o", "dump", "."], cwd=d, env=env, capture_output=True,
                       text=True, timeout=300)
    if r.returncode != 0:
        pytest.skip("could not build the Go reference program: " + r.stderr[-500:])
    return d / "dump"


def _goParse(godump: Path, now: time.Time, paths: list[Path]) -> list[dict[str, Any]]:
    stamp = x509._formatRFC3339(now, 0)
    r = subprocess.run([str(godump), stamp, *map(str, paths)], capture_output=True, text=True,
                       timeout=60, check=True)
    out: list[dict[str, Any]] = json.loads(r.stdout)
    return out


def _ours(c: x509.Certificate, now: time.Time) -> dict[str, Any]:
    exp = x509._validityError(c, now)
    return {
        "Subject": c.Subject.String(),
        "Issuer": c.Issuer.String(),
        "CommonName": c.Subject.CommonName,
        "Organization": c.Subject.Organization,
        "OrganizationalUnit": c.Subject.OrganizationalUnit,
        "NotBefore": c.NotBefore.Unix(),
        "NotAfter": c.NotAfter.Unix(),
        "SerialNumber": str(c.SerialNumber),
        "Version": c.Version,
        "SignatureAlgorithm": c.SignatureAlgorithm.String(),
        "PublicKeyAlgorithm": c.PublicKeyAlgorithm.String(),
        "DNSNames": c.DNSNames,
        "IPAddresses": [ip.String() for ip in c.IPAddresses],
        "EmailAddresses": c.EmailAddresses,
        "URIs": c.URIs,
        "IsCA": c.IsCA,
        "BasicConstraintsValid": c.BasicConstraintsValid,
        "MaxPathLen": c.MaxPathLen,
        "KeyUsage": c.KeyUsage,
        "ExtKeyUsage": c.ExtKeyUsage,
        "UnknownExtKeyUsage": "[" + " ".join(x509._oidString(o)
                                             for o in c.UnknownExtKeyUsage) + "]",
        "UnhandledCriticalExtensions": "[" + " ".join(
            x509._oidString(o) for o in c.UnhandledCriticalExtensions) + "]",
        "SubjectKeyId": c.SubjectKeyId.hex(),
        "AuthorityKeyId": c.AuthorityKeyId.hex(),
        "OCSPServer": c.OCSPServer,
        "IssuingCertificateURL": c.IssuingCertificateURL,
        "Signature": c.Signature.hex(),
        "RawSubject": c.RawSubject.hex(),
        "RawSubjectPublicKeyInfo": c.RawSubjectPublicKeyInfo.hex(),
        "NExtensions": len(c.Extensions),
        "VerifyHostname": {h: ("" if (e := c.VerifyHostname(h)) is None else e.Error())
                           for h in _HOSTS},
        "Expired": "" if exp is None else exp.Error(),
    }


def test_ParseCertificate_MatchesGo(certs: dict[str, Path], godump: Path,
                                    tmp_path: Path) -> None:
    now = time.Unix(time.Now().Unix(), 0)
    names = sorted(certs)
    paths = []
    for n in names:
        p = tmp_path / (n + ".der")
        p.write_bytes(_der(certs[n]))
        paths.append(p)
    for n, g in zip(names, _goParse(godump, now, paths), strict=True):
        assert "err" not in g, (n, g)
        c = _parse(certs[n])
        ours = _ours(c, now)
        for k, v in ours.items():
            gv = _goCompat(k, g[k])
            if gv is None:  # a nil slice
                gv = []
            assert v == gv, (n, k)


def test_ParseCertificate_MalformedMatchesGo(certs: dict[str, Path], godump: Path,
                                             tmp_path: Path) -> None:
    cases = _malformed(certs)
    # Go accepted negative serial numbers until go1.23 (GODEBUG x509negativeserial).
    del cases["negserial"]
    names = sorted(cases)
    paths = []
    for n in names:
        p = tmp_path / (n + ".der")
        p.write_bytes(cases[n][0])
        paths.append(p)
    # Older Go's text for a repeated extension did not name it.
    oldTexts = {"x509: certificate contains duplicate extensions":
                'x509: certificate contains duplicate extension with OID "2.5.29.19"'}
    for n, g in zip(names, _goParse(godump, time.Now(), paths), strict=True):
        goErr: str = g.get("err", "")
        assert oldTexts.get(goErr, goErr) == cases[n][1], n
