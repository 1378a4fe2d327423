#!/usr/bin/env bash
# Scores `briefcast summarize` with ROUGE on the development sets in
# ../shared/data (bbc-dev, cnndm-dev) beside the baselines, and prints one
# table. Needs a build (BRIEFCAST_BUILD, default build) and Debian's
# python3-nltk, python3-networkx and python3-scipy; the OTS baseline needs
# Debian's `ots` and is skipped (with its published figure) without it.
#
# usage: bench/summary.sh [--words N] [--limit N] [--oracle] [--set NAME]...
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data"
tools="$root/../shared/tools"
build="${BRIEFCAST_BUILD:-build}"
[[ "$build" = /* ]] || build="$root/$build"
words=100
limit=()
oracle=0
sets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --words) words="$2"; shift 2 ;;
        --limit) limit=(--limit "$2"); shift 2 ;;
        --oracle) oracle=1; shift ;;
        --set) sets+=("$2"); shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "summary.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ ${#sets[@]} -gt 0 ]] || sets=(bbc-dev cnndm-dev)

if [[ ! -d "$data" || ! -f "$tools/eval_summary.py" ]]; then
    echo "summary.sh: the evaluation data (../shared/data and ../shared/tools beside the" \
         "repository) is absent: nothing to measure"
    exit 0
fi
if [[ ! -x "$build/briefcast" ]]; then
    echo "summary.sh: $build/briefcast is missing: build first (meson setup build && ninja -C build)" >&2
    exit 1
fi

# Published OTS figures (../shared/data/README.md), for machines without `ots`.
declare -A ots_published=([bbc-dev]="R2 recall 49.2" [cnndm-dev]="R1/R2 F1 34.0/14.6")

# Prints one table row from the scorer's output on stdin.
row() {
    awk -v set="$1" -v name="$2" '
        /ROUGE-1/ { r1 = $3; f1 = $5 }
        /ROUGE-2/ { r2 = $3; f2 = $5 }
        /ROUGE-L/ { rl = $3; fl = $5 }
        /failures:/ { failures = $2 }
        /ms\/article/ { for (i = 1; i <= NF; i++) if ($i == "ms/article") ms = $(i - 1) }
        END { printf "%-10s %-22s %6s %6s %6s   %6s %6s %6s   %8s %5s\n",
                     set, name, r1, r2, rl, f1, f2, fl, ms, failures }'
}

printf "ROUGE at %s words (recall R and F1), per article time as the scorer sees it\n" "$words"
printf "%-10s %-22s %6s %6s %6s   %6s %6s %6s   %8s %5s\n" set system R1-R R2-R RL-R \
    R1-F1 R2-F1 RL-F1 ms/art fails
for set in "${sets[@]}"; do
    file="$data/$set.jsonl"
    if [[ ! -f "$file" ]]; then
        echo "summary.sh: $file is absent: skipped"
        continue
    fi
    /usr/bin/python3 "$tools/eval_summary.py" "$file" "${limit[@]}" --words "$words" \
        --cmd "$build/briefcast summarize --words $words {file}" | row "$set" briefcast
    baselines=(lead textrank)
    if command -v ots >/dev/null; then baselines+=(ots); fi
    if [[ $oracle = 1 ]]; then baselines+=(oracle); fi
    for baseline in "${baselines[@]}"; do
        /usr/bin/python3 "$tools/eval_summary.py" "$file" "${limit[@]}" --words "$words" \
            --baseline "$baseline" | row "$set" "$baseline"
    done
    if ! command -v ots >/dev/null; then
        printf "%-10s %-22s (ots not installed; published: %s)\n" "$set" ots \
            "${ots_published[$set]}"
    fi
done
