"""The distribution's version, the one source for rt, net and std.

pyproject.toml reads it (``[tool.setuptools.dynamic]``) without importing
rt, and ``rt.__version__``, ``net.__version__`` and ``std.__version__`` are
this string.
"""

from typing import Final

__version__: Final = "0.1.0"
