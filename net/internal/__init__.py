"""net/internal (go1.27.0): packages only net and its tests use.

Only ``socktest`` is ported: the programmable switch net's tests put in
front of the socket system calls (see net/internal/socktest/__init__.py).
"""
