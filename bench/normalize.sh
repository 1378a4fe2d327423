#!/usr/bin/env bash
# Measures `briefcast normalize`: exact-match accuracy on the text
# normalisation development set in both locales, beside the identity
# baseline, and speed in MB/s over a large generated news-like text.
#
#   bench/normalize.sh [BUILD_DIR]      (default: build)
#
# The accuracy part reads ../shared/data/tn-dev.jsonl (relative to the
# repository root) and says so when it is absent; the speed part needs no data.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
program="$build/briefcast"
data=../shared/data/tn-dev.jsonl
scorer=../shared/tools/eval_tn.py

if [ ! -x "$program" ]; then
    echo "bench/normalize.sh: $program is missing: build first" \
         "(meson setup $build && ninja -C $build)" >&2
    exit 1
fi

if [ -f "$data" ] && [ -f "$scorer" ]; then
    for locale in en-GB en-US; do
        echo "== accuracy: briefcast normalize --locale $locale"
        /usr/bin/python3 "$scorer" "$data" --cmd "$program normalize --locale $locale" --batch
        echo
    done
    echo "== accuracy: identity baseline (no normalisation)"
    /usr/bin/python3 "$scorer" "$data" --baseline identity
    echo
else
    echo "== accuracy: skipped: $data (or its scorer) is absent"
    echo
fi

# Speed: about 33 MB of news-like lines, written for this benchmark, with
# changing numbers so that no two lines are alike.
echo "== speed"
text=$(mktemp)
times=$(mktemp)
trap 'rm -f "$text" "$times"' EXIT
awk 'BEGIN {
    srand(7);
    split("January February March April May June July August September October " \
          "November December", month, " ");
    for (i = 0; i < 90000; i++) {
        n = int(rand() * 100000); d = int(rand() * 28) + 1; m = month[int(rand() * 12) + 1];
        y = 1950 + int(rand() * 75); p = int(rand() * 1000) / 10;
        printf "The company said on %d %s %d that profits rose %.1f%% to $%d.%dbn, ",
               d, m, y, p, n % 500, n % 10;
        printf "while Mr Smith, the CEO, told the BBC at %d:%02d p.m. that %d,%03d staff ",
               n % 12 + 1, n % 60, n % 90, n % 1000;
        printf "in the U.S. and EU would get a %d%% rise from Feb. %d-%d.\n", n % 9 + 1, d, d + 1;
        printf "Temperatures hit %dC in the 1990s, when %d/%d of the %dkm route ran at %d mph; ",
               n % 45, n % 3 + 1, n % 3 + 2, n % 900, n % 70 + 10;
        printf "call 020 7946 %04d or see bbc.co.uk/news for King Charles III and World War II.\n",
               n % 10000;
    }
}' > "$text"
bytes=$(wc -c < "$text")
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$times" "$program" normalize < "$text" > /dev/null
else
    "$program" normalize < "$text" > /dev/null
    echo "0 0" > "$times"   # CPU time unknown without GNU time
fi
end=$(date +%s.%N)
read -r user system < "$times"
awk -v b="$bytes" -v s="$start" -v e="$end" -v u="$user" -v k="$system" 'BEGIN {
    t = e - s; c = u + k;
    printf "%.1f MB in %.2f s wall (%.1f MB/s)", b / 1e6, t, b / 1e6 / t;
    if (c > 0)
        printf ", %.2f s CPU (%.1f MB/s)", c, b / 1e6 / c;
    printf "\n"
}'
