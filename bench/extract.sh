#!/bin/sh
# Article extraction on the development set of web pages: token F1 of
# `briefcast text` (the scorer drops its title line), beside the scorer's
# all-visible-text baseline and the readability figure of the data's README,
# then the in-process speed of extraction.
#
# usage: bench/extract.sh [LIMIT]     (LIMIT: only the first LIMIT pages)
set -eu
cd "$(dirname "$0")/.."
data=../shared/data/extract-dev.jsonl
scorer=../shared/tools/eval_extract.py
build="${BRIEFCAST_BUILD:-build}"
if [ ! -f "$data" ] || [ ! -f "$scorer" ]; then
    echo "extract.sh: $data or $scorer is absent; nothing to measure"
    exit 0
fi
if [ ! -x "$build/briefcast" ] || [ ! -x "$build/bench/extract_speed" ]; then
    [ -d "$build" ] || meson setup "$build"
    ninja -C "$build"
fi
set_file="$data"
if [ $# -ge 1 ]; then
    set_file=$(mktemp)
    trap 'rm -f "$set_file"' EXIT
    head -n "$1" "$data" > "$set_file"
fi
python=/usr/bin/python3
score() {
    label="$1"; shift
    line=$("$python" "$scorer" "$set_file" "$@" | sed -n 's/^\(P=.*F1=[0-9.]*\).*/\1/p')
    printf '%-44s %s\n' "$label" "$line"
}
echo "Article extraction, $(wc -l < "$set_file") pages of $data (token 4-gram F1):"
score "briefcast text" --skip-title --cmd "$build/briefcast text {file}"
score "briefcast text --keep-boilerplate" --skip-title \
    --cmd "$build/briefcast text --keep-boilerplate {file}"
score "baseline: all visible text" --baseline all-text
if [ $# -eq 0 ]; then
    printf '%-44s %s\n' "baseline: readability (lxml port, Debian)" "F1=0.890 (data README)"
fi
echo
echo "Speed, in-process:"
"$build/bench/extract_speed" "$set_file"
