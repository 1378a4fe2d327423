#!/usr/bin/env bash
# Every benchmark, one after the other, each printing its figures beside
# its baselines: extraction, sentences, normalisation, quotes, summaries,
# speed and loudness, bulletins. The evaluation data is read from
# ../shared/data when it is there (each script says so when it is not).
#   bench/all.sh            (about ten minutes on two cores)
set -uo pipefail
cd "$(dirname "$0")/.."
[ -x build/briefcast ] || scripts/setup.sh
echo "briefcast $(build/briefcast --version | cut -d' ' -f2), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for step in "bench/extract.sh" "/usr/bin/python3 bench/sentences.py" "build/bench/text_speed" \
            "bench/normalize.sh" "bench/quotes.sh" "bench/summary.sh" "build/bench/summary_speed" \
            "bench/speed.sh" "bench/bulletin.sh"; do
    echo
    echo "===== $step"
    $step || echo "($step failed with status $?)"
done
