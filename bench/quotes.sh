#!/bin/sh
# Scores `briefcast quotes` on ../shared/data/quotes-dev.jsonl (US political
# news with every direct quote and its speaker annotated) beside the
# scorer's naive regex baseline, then times quote finding in process.
#
# Two figures are given for each system: on every article, and on the
# articles whose quotes the set annotates. 120 articles of the set (New York
# Times archive texts) write quotation marks as two apostrophes (''…'') and
# the set lists no quotes at all for them: briefcast finds their quotes,
# and every one of them counts as a false positive in the first figure.
#
# usage: bench/quotes.sh [--limit N]     (BRIEFCAST_BUILD: the build folder, default build)
set -eu
cd "$(dirname "$0")/.."
data=../shared/data/quotes-dev.jsonl
scorer=../shared/tools/eval_quotes.py
if [ ! -f "$data" ] || [ ! -f "$scorer" ]; then
    echo "bench/quotes.sh: $data or $scorer is absent; nothing to measure."
    exit 0
fi
build="${BRIEFCAST_BUILD:-build}"
ninja -C "$build" briefcast bench/bench_quotes >/dev/null
python=/usr/bin/python3

annotated=$(mktemp)
trap 'rm -f "$annotated" "$annotated".*' EXIT
# the articles that are not ''-quoted and unannotated
"$python" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    if not (row["quotes"] == [] and "\x27\x27" in row["text"]):
        sys.stdout.write(line)
' "$data" >"$annotated"

row() { # row NAME FILE
    awk -v name="$1" '
        /quotes: gold/ { gsub(",", ""); gold = $3; predicted = $5; matched = $7 }
        /precision/ { p = $2; r = $4; f = $6 }
        /speaker accuracy/ { s = $(NF - 1); n = $NF }
        /wall time/ { ms = $(NF - 1); sub(/\(/, "", ms) }
        END { printf "  %-22s %9s %9s %9s %9s %9s  %s %s\n", name, predicted, p, r, f, s, n, ms }
    ' "$2"
}

for set in all annotated; do
    if [ "$set" = all ]; then
        file=$data
        echo "== all $(wc -l <"$data") articles of quotes-dev"
    else
        file=$annotated
        echo "== the $(wc -l <"$annotated") articles whose quotes the set annotates"
    fi
    "$python" "$scorer" "$file" --cmd "$build/briefcast quotes {file}" "$@" >"$annotated.ours" 2>&1
    "$python" "$scorer" "$file" --baseline naive "$@" >"$annotated.naive" 2>&1
    printf "  %-22s %9s %9s %9s %9s %9s  %s\n" system predicted precision recall F1 speakers \
        "(right/named) wall ms/article"
    row "briefcast quotes" "$annotated.ours"
    row "naive regex baseline" "$annotated.naive"
    echo
done

echo "== speed (in process, processor time)"
"$build/bench/bench_quotes" "$data" 5
