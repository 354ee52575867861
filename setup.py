"""Build configuration beyond pyproject.toml: the optional C half of rt/sys_linux.py.

``optional=True``: without a C compiler or Python's headers the install still
succeeds and rt/sys_linux.py uses its pure-Python twins (slower, same results).
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("rt._sys_linux", ["rt/_sys_linux.c"], optional=True)])
