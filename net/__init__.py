"""net (go1.27.0): Go's net package over the netpoller.

This package is being built: the netpoller, internal/poll's FD (``rt.poll``)
and TCP over IPv4/IPv6 arrive with the next issue (see ../shared/docs/GO_MAP.md
part C for what each module mirrors).
"""

__all__: list[str] = []
