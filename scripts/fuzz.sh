#!/usr/bin/env bash
# Builds the libFuzzer targets (clang) and runs each one for SECONDS
# (default 60) from a copy of its seed corpus, two at a time; a crash, leak
# or hang fails the target and leaves its input in fuzz-artifacts/NAME/.
# Ends with "N passed, N failed".
#   scripts/fuzz.sh [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build="${BRIEFCAST_FUZZ_BUILD:-build-fuzz}"
if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined \
        -Db_lundef=false >&2 || exit 1
fi
ninja -C "$build" >&2 || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p fuzz-artifacts
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
targets=(text html feed auto sentences normalize quotes plan_json settings)
run() {
    local name="$1" seeds="$1"
    [ "$name" = auto ] && seeds=text
    mkdir -p "$work/$name" "fuzz-artifacts/$name"
    cp tests/fuzz/corpus/"$seeds"/* "$work/$name/"
    "$build/tests/fuzz/fuzz_$name" "$work/$name" -max_total_time="$seconds" -max_len=65536 \
        -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
        -artifact_prefix="fuzz-artifacts/$name/" > "$work/$name.log" 2>&1
    local status=$?
    local stats
    stats=$(grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' \
        "$work/$name.log" | tr -s ' ' | tr '\n' ' ')
    if [ "$status" -eq 0 ]; then
        echo "fuzz $name: ok ($stats)"
    else
        echo "fuzz $name: FAILED (status $status); input in fuzz-artifacts/$name/"
        grep -E 'ERROR|SUMMARY' "$work/$name.log" | head -5
    fi
    return $status
}
passed=0 failed=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    pids=()
    for name in "${targets[@]:i:2}"; do
        run "$name" > "$work/$name.result" &
        pids+=($!)
    done
    for k in "${!pids[@]}"; do
        if wait "${pids[$k]}"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
        cat "$work/${targets[$((i + k))]}.result"
    done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
