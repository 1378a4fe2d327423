#!/usr/bin/env bash
# Speed and loudness of `briefcast make --full` beside the plain pipeline
# it replaces: `espeak-ng -w` then `opusenc` (opus-tools), on the same text,
# at the same bitrate (32 kbit/s) and complexity (10).
#
#   bench/speed.sh [ARTICLE]          RUNS=5 bench/speed.sh   (default 3 runs)
#
# The baseline speaks the very words briefcast speaks: the spoken text of
# the segments of `briefcast plan --full` (intro, headline round-up and
# outro included), a paragraph each, in the narrator's voice and rate.
#
# ARTICLE defaults to the seed article in ../shared/data/seed (the examples/
# article when ../shared is absent). Both sides run RUNS times, one after
# the other in turn, so that other work on the machine weighs on both
# alike; each figure is the median of the runs (the best beside it), and
# the load average is printed before every run so that a reader can judge
# how busy the machine was. Wall time and peak memory come from GNU time
# (%e, %M); processor time is user + system, which other work on the
# machine does not inflate. Then: the wall-time ratio (target <= 0.5 on two
# cores), whether --jobs 1 gives the same bytes as all cores, and the
# loudness and true peak of briefcast's Opus file as ffmpeg's ebur128
# filter reads them. Needs a build in ./build (or $BRIEFCAST), GNU time,
# espeak-ng, opusenc and ffmpeg (all in scripts/packages.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

briefcast="${BRIEFCAST:-build/briefcast}"
runs="${RUNS:-3}"
seed=../shared/data/seed/000_81a89c5fa81b19ad.txt
if [ $# -ge 1 ]; then
    article="$1"
elif [ -f "$seed" ]; then
    article="$seed"
else
    echo "bench: ../shared/data is absent; using examples/harbour-bridge.txt instead" >&2
    article=examples/harbour-bridge.txt
fi
for tool in /usr/bin/time espeak-ng opusenc ffmpeg ffprobe "$briefcast"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
case "$runs" in ''|*[!0-9]*|0) echo "bench: RUNS must be a positive number" >&2; exit 1 ;; esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bitrate=32000
complexity=10

# The same words for both: what briefcast speaks (its plan's spoken text,
# intro, headlines and outro included), one paragraph a segment.
"$briefcast" plan --full "$article" > "$work/plan.json"
/usr/bin/python3 -c '
import json, sys
plan = json.load(open(sys.argv[1], encoding="utf-8"))
print("\n\n".join(s["text"] for s in plan["segments"]))
' "$work/plan.json" > "$work/text.txt"
words=$(wc -w < "$work/text.txt")

load() { cut -d' ' -f1 /proc/loadavg; }

measure() { # NAME COMMAND...: runs it under GNU time; appends "wall kilobytes cpu load" to NAME
    local name="$1"; shift
    local before
    before="$(load)"
    /usr/bin/time -f '%e %M %U %S' -o "$work/$name.time" "$@" > /dev/null \
        2> "$work/$name.err" || {
        cat "$work/$name.err" >&2
        exit 1
    }
    awk -v load="$before" '{printf "%s %s %.2f %s\n", $1, $2, $3 + $4, load}' \
        "$work/$name.time" >> "$work/$name.runs"
}

briefcast_all() {
    measure briefcast "$briefcast" make --full --bitrate "$bitrate" "$article" \
        -o "$work/briefcast.opus"
}
# the narrator's voice and rate (voices/narrator.voice)
pipeline() {
    measure pipeline sh -c \
        'espeak-ng -v en-gb+m3 -s 175 -w "$1/espeak.wav" -f "$1/text.txt" &&
         opusenc --quiet --bitrate "$2" --comp "$3" "$1/espeak.wav" "$1/espeak.opus"' \
        sh "$work" "$((bitrate / 1000))" "$complexity"
}

printf 'article: %s (%s words spoken), %s cores, %s runs of each\n' "$article" "$words" "$(nproc)" \
    "$runs"
printf 'load average at the start: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
    briefcast_all
    pipeline
done
measure briefcast1 "$briefcast" make --full --bitrate "$bitrate" --jobs 1 "$article" \
    -o "$work/briefcast1.opus"

# column N of a runs file: its median and its least
median() { cut -d' ' -f"$2" "$work/$1.runs" | sort -g | awk '{v[NR] = $1}
    END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
least() { cut -d' ' -f"$2" "$work/$1.runs" | sort -g | head -1; }
most() { cut -d' ' -f"$2" "$work/$1.runs" | sort -g | tail -1; }
seconds_of() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }

printf '\n%-36s %14s %8s %9s %9s  %s\n' "run" "wall s (best)" "cpu s" "peak MiB" "audio s" \
    "load before each run"
row() { # NAME LABEL FILE
    printf '%-36s %6.2f (%5.2f) %8.2f %9.1f %9.1f  %s\n' "$2" "$(median "$1" 1)" \
        "$(least "$1" 1)" "$(median "$1" 3)" "$(echo "$(most "$1" 2) / 1024" | bc -l)" \
        "$(seconds_of "$3")" "$(cut -d' ' -f4 "$work/$1.runs" | paste -sd' ')"
}
row briefcast "briefcast make --full (all cores)" "$work/briefcast.opus"
row briefcast1 "briefcast make --full --jobs 1" "$work/briefcast1.opus"
row pipeline "espeak-ng -w + opusenc (baseline)" "$work/espeak.opus"
ratio() { echo "$1 / $2" | bc -l; }
printf 'wall-time ratio briefcast / baseline: %.2f median, %.2f best %s\n' \
    "$(ratio "$(median briefcast 1)" "$(median pipeline 1)")" \
    "$(ratio "$(least briefcast 1)" "$(least pipeline 1)")" "(target <= 0.5 on two cores)"
printf 'processor-time ratio briefcast / baseline: %.2f\n' \
    "$(ratio "$(median briefcast 3)" "$(median pipeline 3)")"
if cmp -s "$work/briefcast.opus" "$work/briefcast1.opus"; then
    echo "--jobs 1 and all cores: the same bytes"
else
    echo "--jobs 1 and all cores: DIFFERENT BYTES"
fi

# Loudness of the briefing as ffmpeg reads it: -16 +- 1 LUFS, <= -1 dBTP.
ffmpeg -nostats -i "$work/briefcast.opus" -af ebur128=peak=true -f null - 2> "$work/ebur128.txt"
lufs=$(awk '/^ +I:/ {v=$2} END {print v}' "$work/ebur128.txt")
peak=$(awk '/^ +Peak:/ {v=$2} END {print v}' "$work/ebur128.txt")
ok=$(echo "$lufs >= -17 && $lufs <= -15 && $peak <= -1" | bc -l)
printf 'briefcast.opus: %s LUFS integrated, true peak %s dBTP: %s\n' "$lufs" "$peak" \
    "$([ "$ok" = 1 ] && echo 'within -16 +- 1 LUFS and <= -1 dBTP' || echo 'OUT OF RANGE')"
