# Two commands do all setup: `make demo` and `make test`. Both create .venv if
# it is missing and install the project with what they need: the demo only the
# package (and greenlet), the tests also the test extra.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: test test-tools demo bench bench-quick lint clean venv-stale package-check

# The venv is made from $(PYTHON) (python3 unless set) and remade when it was
# made from another interpreter: `make test PYTHON=python3.12` after a 3.11
# venv exists gets a 3.12 venv, and a later plain `make test` goes back to
# python3's. The two probes run at every make call (a few ms each); an empty
# answer (no venv yet, or a venv whose interpreter is gone) counts as different.
PYID := import sys; print(sys.implementation.name, *sys.version_info[:3], sys.base_prefix)
WANT_PYID := $(shell $(PYTHON) -c '$(PYID)' 2>/dev/null)
HAVE_PYID := $(shell $(PY) -c '$(PYID)' 2>/dev/null)
ifneq ($(WANT_PYID),$(HAVE_PYID))
STALE := venv-stale
endif
venv-stale:

# Reinstall when packages appear (the editable install maps them at install time)
# or a C extension changes (the install builds them in place).
$(STAMP): pyproject.toml setup.py $(wildcard rt/*.c rt/*.h rt/poll/*.c net/*.c) $(wildcard */__init__.py */*/__init__.py */*/*/__init__.py) $(STALE)
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11+ is required (set PYTHON=...)"; exit 1; }
	@if [ "$$($(PY) -c '$(PYID)' 2>/dev/null)" != "$$($(PYTHON) -c '$(PYID)')" ]; then \
	  echo "(re)creating $(VENV) with $(PYTHON)"; rm -rf $(VENV); $(PYTHON) -m venv $(VENV); fi
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $(STAMP)

# The test extra (pytest, mypy, ruff, ...), on top of the package.
$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[test]'
	touch $(TEST_STAMP)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy --strict

# The real peers the tests drive (openssl, curl, socat, nc, redis-cli and
# redis-benchmark, wrk), from Debian's packages where missing and possible;
# tests whose tool is still missing skip and say why.
test-tools:
	@bash tools/test_tools.sh

# The whole suite twice: with the C twins (rt/_sys_linux.c), then with
# GONET_PUREPY=1, which runs the pure-Python reference (PEP 399).
test: lint test-tools
	$(VENV)/bin/pytest
	GONET_PUREPY=1 $(VENV)/bin/pytest

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

# About 4 minutes: the UDP echo benchmark (issue 10), ours beside Go, asyncio,
# uvloop and gevent; loopback only, not part of `make bench` or `make test`.
# Builds its C load generator and Go server itself; see bench/udp/run.py.
.PHONY: bench-udp
bench-udp: $(BENCH_STAMP)
	$(PY) bench/udp/run.py

# A few minutes: a TCP proxy moving 1 GiB (client -> proxy -> sink), ours
# (io.Copy, which splices) beside gevent and asyncio; 3 rounds. Not part of
# `make bench` or `make test`. See bench/bulk/run.py.
.PHONY: bench-bulk
bench-bulk: $(BENCH_STAMP)
	$(PY) bench/bulk/run.py

# About 4 minutes: the TLS echo benchmark, ours (std.crypto.tls) beside Go's
# crypto/tls, asyncio and uvloop with ssl=, and gevent.ssl; loopback only, not
# part of `make bench` or `make test`. Builds its Go load generator and Go
# server itself (needs go and openssl); see bench/tls/run.py.
.PHONY: bench-tls bench-tls-quick
bench-tls: $(BENCH_STAMP)
	$(PY) bench/tls/run.py

# Under a minute: one short round; exits non-zero if a server did not echo correctly.
bench-tls-quick: $(BENCH_STAMP)
	$(PY) bench/tls/run.py --quick

# About a minute or two: builds the sdist and the wheel in a temporary directory
# outside the repository, installs each (and the sdist again with no C
# compiler, and the tree as an editable install) in fresh venvs and
# smoke-tests them from there, with the C twins and with GONET_PUREPY=1.
# Uses neither .venv nor the repository's files beyond reading them.
package-check:
	PYTHON=$(PYTHON) bash tools/package_check.sh

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
