"""internal/poll (go1.27.0): the FD type that parks goroutines in the netpoller.

This package is being built: fd.py, fd_mutex.py, fd_poll_runtime.py,
fd_unix.py and their companions arrive with the next issue (GO_MAP.md part B).
"""

__all__: list[str] = []
