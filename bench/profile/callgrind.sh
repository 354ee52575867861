#!/usr/bin/env bash
# Executed instructions per echo round trip (both ends, in one process),
# counted by valgrind's callgrind: repeatable before/after figures for
# hot-path work on a noisy machine. Usage: bench/profile/callgrind.sh [CONNS] [ROUNDS]
# WORKLOAD=floor counts bench/profile/inproc_floor.py (the bare greenlet+epoll
# design) instead of ours; GONET_PUREPY=1 counts the Python reference;
# DEADLINE=1 has the server set a read deadline before every Read.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNS=${1:-20}
ROUNDS=${2:-100}
PY=.venv/bin/python
# A fixed hash seed: dict and set layouts (and so the instruction count) repeat.
# sysmon is left out (--no-sysmon): it wakes by the wall clock, which valgrind
# stretches some 50x, so its share of a count says nothing about real runs.
export PYTHONHASHSEED=0
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() {
  if [ "${WORKLOAD:-ours}" = floor ]; then
    set -- "$1" bench/profile/inproc_floor.py "$CONNS" "$1"
  else
    set -- "$1" bench/profile/inproc_echo.py "$CONNS" "$1" --no-sysmon ${DEADLINE:+--deadline}
  fi
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" \
    "$PY" "${@:2}" >/dev/null 2>"$out/log.$1"
  grep -m1 -oE 'Collected : [0-9]+' "$out/log.$1" | grep -oE '[0-9]+'
}
base=$(count 0)
full=$(count "$ROUNDS")
python3 -c "import sys; b,f,n=map(int,sys.argv[1:]); print(f'instructions per round trip (client+server): {(f-b)/n:,.0f}  ({n} round trips; base {b:,}, run {f:,})')" "$base" "$full" "$((CONNS * ROUNDS))"
echo "(callgrind_annotate $out/cg.$ROUNDS shows where; the files are removed on exit)"
