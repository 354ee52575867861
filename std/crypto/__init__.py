"""crypto (go1.27.0): the parts of Go's crypto tree network programs use.

``from std.crypto import tls, x509`` gives Go's crypto/tls and crypto/x509
APIs, implemented over Python's ``ssl`` module (OpenSSL) rather than as a
port of Go's protocol code; see each module for what differs.
"""

__all__ = ["tls", "x509"]
