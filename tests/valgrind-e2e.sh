#!/usr/bin/env bash
# The program under valgrind's memcheck on every subcommand, with bad input
# as well as good: no invalid read or write, no use of uninitialised memory,
# no definite leak. Speech and encoding are slow under valgrind, so `make`
# runs on a short budget. Skipped (exit 77) for a sanitizer build.
#   valgrind-e2e.sh BRIEFCAST SOURCE_ROOT
set -uo pipefail
briefcast="$1" root="$2"
if ldd "$briefcast" | grep -q -e libasan -e libubsan; then
    echo "sanitizer build: valgrind cannot run it"
    exit 77
fi
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example="$root/examples/harbour-bridge.txt"
printf 'Caf\xe9\n\nBad bytes.' > "$work/latin1.txt"
printf '<!DOCTYPE html><html><head><title>T</title></head><body><article><p>A paragraph of the story, long enough to count.</p></article></body></html>' > "$work/page.html"
printf '<rss version="2.0"><channel><title>C</title><item><title>I</title><description>Body of the item.</description></item></channel></rss>' > "$work/feed.xml"
failed=0
check() {
    local expect="$1"; shift
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite --suppressions="$root/tests/valgrind.supp" \
        "$briefcast" "$@" > "$work/out" 2> "$work/err"
    local status=$?
    if [ "$status" -eq 99 ] || { [ "$expect" = ok ] && [ "$status" -ne 0 ]; } ||
       { [ "$expect" = fail ] && [ "$status" -eq 0 ]; }; then
        echo "FAIL (status $status): briefcast $*"
        grep -v '^briefcast:' "$work/err" | head -30
        failed=1
    else
        echo "ok: briefcast $*"
    fi
}
check ok text "$example"
check ok sentences "$example"
check ok quotes "$example"
check ok summarize --words 40 "$example"
check ok plan "$example"
check ok text "$work/page.html"
check ok text "$work/feed.xml"
check fail text "$work/latin1.txt"
check fail text /nonexistent
echo '$1.13bn on Feb. 16-17 at 3pm' > "$work/lines"
check ok normalize < "$work/lines"
check ok voices
check ok make --no-jingle --words 12 --no-intro "$example" -o "$work/out.opus" --mp3 "$work/out.mp3" \
    --vtt "$work/out.vtt" --chapters "$work/out.json" --html "$work/out.html" --jobs 1
check fail make --no-jingle --words 12 "$example" -o "$work/missing/out.opus"
exit $failed
