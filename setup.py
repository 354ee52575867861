"""Build configuration beyond pyproject.toml: the optional C extensions.

rt/_sys_linux.c is the C half of rt/sys_linux.py; rt/_runtime.c holds the C
twins of the runtime's hot functions (it needs greenlet's header, so greenlet
is a build requirement).

``optional=True``: without a C compiler or Python's headers the install still
succeeds and rt/sys_linux.py uses its pure-Python twins (slower, same results).
"""

import os

from setuptools import Extension, setup


def greenlet_include() -> list[str]:
    """Where greenlet's C header is (greenlet/greenlet.h), for rt._runtime."""
    try:
        import greenlet
    except ImportError:
        return []
    return [os.path.dirname(os.path.dirname(greenlet.__file__))]


setup(ext_modules=[
    Extension("rt._sys_linux", ["rt/_sys_linux.c"], depends=["rt/_sysbuf.h"], optional=True),
    # The runtime's C twins (PEP 399): optional like the above; without them
    # the Python reference runs.
    # rt/_runtime.c #includes the twins beside their Python modules (one
    # translation unit); they are listed as depends so an edit rebuilds it.
    Extension("rt._runtime", ["rt/_runtime.c"], include_dirs=greenlet_include(),
              depends=["rt/_time.c", "rt/_proc.c", "rt/_netpoll.c", "rt/_netpoll_epoll.c",
                       "rt/poll/_fd_unix.c", "rt/poll/_fd_poll_runtime.c", "net/_net.c",
                       "rt/_sysbuf.h"],
              optional=True),
])
