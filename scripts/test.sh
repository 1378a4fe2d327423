#!/usr/bin/env bash
# Sets everything up, builds, and runs every test; ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build="${BRIEFCAST_BUILD:-build}"
# Sanitizer builds: fail on the first report; eSpeak NG's own start-up
# allocations are not leaks of ours.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="detect_leaks=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
status=0
# the valgrind suite is slow and has a CI step of its own (.ci/run)
meson test -C "$build" --print-errorlogs --num-processes 2 --no-suite valgrind "$@" >&2 || status=$?
python3 scripts/count-tests.py "$build/meson-logs/testlog.json"
exit $status
