# Two commands do all setup: `make demo` and `make test`. Both create .venv if
# it is missing and install the project with what they need.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: test demo bench bench-quick lint clean

# Reinstall when packages appear (the editable install maps them at install time)
# or the C half of rt/sys_linux.py changes (the install builds it in place).
$(STAMP): pyproject.toml setup.py rt/_sys_linux.c $(wildcard */__init__.py */*/__init__.py */*/*/__init__.py)
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11+ is required (set PYTHON=...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy --strict

test: lint
	$(VENV)/bin/pytest

demo: $(STAMP)
	$(PY) demo/main.py

# The bench extra (gevent, uvloop, matplotlib), once per change of pyproject.toml.
# The echo benchmark builds its C programs (and Go's server, installing Debian's
# golang-go if it can) itself; see bench/echo/run.py.
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[bench]'
	touch $(BENCH_STAMP)

# About 10 minutes: the runtime micro-benchmarks, then the full echo matrix.
bench: $(BENCH_STAMP)
	$(PY) bench/run.py
	$(PY) bench/echo/run.py

# Under a minute: one runtime micro-benchmark and one echo scenario, one round.
# Fails if a server does not echo correctly; asserts nothing about speed.
bench-quick: $(BENCH_STAMP)
	$(PY) bench/run.py --quick --bench pingpong
	$(PY) bench/echo/run.py --quick

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
