#!/usr/bin/env bash
# make package-check: build the sdist and the wheel, install each in a fresh
# venv and smoke-test it from outside the repository; then install the sdist
# again with no working C compiler, which must give the pure-Python package.
#
#   tools/package_check.sh            (PYTHON=python3.12 tools/package_check.sh)
#
# Everything happens in a temporary directory outside the repository (kept,
# and named, when a step fails; KEEP=1 keeps it always): a copy of the work
# tree (uncommitted files included; .git, .venv, bench/ and build output left
# out), a throwaway venv with `build` in it, the dist/ it makes, one venv per
# install. The repository and its .venv are only read. Any failure exits
# non-zero. About a minute with a warm pip cache.
#
# The installs:
#   wheel     the wheel `python -m build` made (from the sdist), C twins built
#   sdist     pip builds the sdist with the compiler: C twins built
#   sdist-nocc  the same with CC, CXX and LDSHARED set to /bin/false: the
#             extensions are optional (setup.py), so the install succeeds and
#             rt._runtime and rt._sys_linux are absent
#   editable  `pip install -e` of the tree copy, as the Makefile's .venv does
# each smoke-tested twice (tools/package_check.py smoke): with the C twins
# where they were built, then with GONET_PUREPY=1.
set -euo pipefail

PYTHON=${PYTHON:-python3}
REPO=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/gonet-package-check.XXXXXX")
START=$SECONDS
ok=0
cleanup() {
    if [ "$ok" = 1 ] && [ -z "${KEEP:-}" ]; then
        rm -rf "$T"
    else
        echo "package-check: work files kept in $T" >&2
    fi
}
trap cleanup EXIT
step() { echo "== [$((SECONDS - START))s] $*"; }
fail() { echo "package-check: FAIL: $*" >&2; exit 1; }
# pip, quiet unless it fails (then its whole output, to see why).
pip_q() {
    local log="$T/pip.log"
    "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$*"; }
}

cd "$T"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    fail "$PYTHON is older than Python 3.11"
step "copying the work tree to $T/src"
mkdir src
tar -C "$REPO" --exclude=./.git --exclude=./.venv --exclude=./bench --exclude=./build \
    --exclude='*.egg-info' --exclude=__pycache__ --exclude='*.so' --exclude='*.pyc' -cf - . |
    tar -C src -xf -
cp "$REPO/tools/package_check.py" "$T/check.py"

step "building the sdist, then the wheel from it (python -m build, in $T/tools)"
"$PYTHON" -m venv tools
pip_q tools/bin/python -m pip install build
tools/bin/python -m build --outdir dist src >build.log 2>&1 || { cat build.log >&2; fail "python -m build"; }
grep -iE '^(warning|error)|warn:' build.log | grep -v "no previously-included files" | sort | uniq -c || true
tools/bin/python check.py contents dist src || fail "sdist or wheel contents"
SDIST=$(ls "$T"/dist/gonet-*.tar.gz)
WHEEL=$(ls "$T"/dist/gonet-*.whl)

# smoke NAME EXPECT_C [args]: the smoke test in venv NAME, cwd $T, both modes.
smoke() {
    local name=$1 expect=$2
    shift 2
    (cd "$T" && env -u GONET_PUREPY "venv-$name/bin/python" check.py smoke --expect-c "$expect" "$@") ||
        fail "$name: smoke test (C twins where built)"
    (cd "$T" && GONET_PUREPY=1 "venv-$name/bin/python" check.py smoke --expect-c "$expect" "$@") ||
        fail "$name: smoke test (GONET_PUREPY=1)"
    pip_q "venv-$name/bin/python" -m pip check
}
newvenv() { "$PYTHON" -m venv "venv-$1"; }

step "wheel: installing $(basename "$WHEEL") (and h11, the test extra's HTTP parser)"
newvenv wheel
pip_q venv-wheel/bin/python -m pip install "$WHEEL" 'h11>=0.14'
smoke wheel yes --h11

# --no-cache-dir: pip must build the sdist here, not reuse a wheel it built before.
step "sdist: installing $(basename "$SDIST") (pip builds it, C compiler present)"
newvenv sdist
pip_q venv-sdist/bin/python -m pip install --no-cache-dir "$SDIST"
smoke sdist yes

step "sdist-nocc: installing $(basename "$SDIST") with CC=CXX=LDSHARED=/bin/false"
newvenv sdist-nocc
CC=/bin/false CXX=/bin/false LDSHARED=/bin/false \
    pip_q venv-sdist-nocc/bin/python -m pip install --no-cache-dir -v "$SDIST"
grep -qiE "building extension .* failed|failed to build|command '/bin/false' failed" pip.log ||
    fail "sdist-nocc: no sign in pip's log that the C build was tried and failed"
{ grep -ciE "building extension .* failed" pip.log || true; } | sed 's/^/   optional extensions that failed to build, as intended: /'
smoke sdist-nocc no

step "editable: pip install -e of the tree copy (what the Makefile does)"
newvenv editable
pip_q venv-editable/bin/python -m pip install -e src
smoke editable yes --editable src

ok=1
step "package-check passed: wheel, sdist, sdist without a C compiler, editable"
