#!/usr/bin/env bash
# The real peers the tests drive (openssl, curl, socat, nc, redis-cli,
# redis-benchmark, wrk), installed from Debian's packages where missing.
#
# `make test` runs this first. It installs only what is missing, only where
# apt-get exists and we are root (or sudo works without a password), and
# never fails the test run: a tool that cannot be installed is reported here,
# and the tests that need it skip and say why.
set -u

# command  package
want="openssl openssl
curl curl
socat socat
nc netcat-openbsd
redis-cli redis-tools
redis-benchmark redis-tools
wrk wrk"

missing=""
while read -r cmd pkg; do
  command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
done <<EOF
$want
EOF
# One name per package, in a stable order.
missing=$(printf '%s\n' $missing | sort -u | tr '\n' ' ')
[ -z "${missing// /}" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test tools missing (no apt-get here; the tests that need them skip):$missing"
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "test tools missing (not root; the tests that need them skip):$missing"
  exit 0
fi
echo "installing test tools from Debian's packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; then
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 ||
    echo "could not install:$missing (the tests that need them skip)"
fi
exit 0
