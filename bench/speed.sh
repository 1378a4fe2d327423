#!/usr/bin/env bash
# Speed and loudness of `briefcast make --full` beside the plain pipeline
# it replaces: `espeak-ng -w` then `opusenc` (opus-tools), on the same text,
# at the same bitrate (32 kbit/s) and complexity (10).
#
#   bench/speed.sh [ARTICLE]
#
# ARTICLE defaults to the seed article in ../shared/data/seed (the examples/
# article when ../shared is absent). Prints each run's wall time and peak
# memory (GNU time's %e and %M), its processor time (user + system, which
# other work on the machine does not inflate), the wall-time ratio, and the loudness and
# true peak of briefcast's Opus file as ffmpeg's ebur128 filter reads them.
# Needs a build in ./build (or $BRIEFCAST), GNU time, espeak-ng, opusenc
# and ffmpeg (all in scripts/packages.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

briefcast="${BRIEFCAST:-build/briefcast}"
seed=../shared/data/seed/000_81a89c5fa81b19ad.txt
if [ $# -ge 1 ]; then
    article="$1"
elif [ -f "$seed" ]; then
    article="$seed"
else
    echo "bench: ../shared/data is absent; using examples/harbour-bridge.txt instead" >&2
    article=examples/harbour-bridge.txt
fi
for tool in /usr/bin/time espeak-ng opusenc ffmpeg "$briefcast"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bitrate=32000
complexity=10

# The same words for both: the cleaned article, as briefcast reads it.
"$briefcast" text "$article" > "$work/text.txt"
words=$(wc -w < "$work/text.txt")

measure() { # NAME COMMAND...: runs it under GNU time; prints "wall kilobytes cpu"
    local name="$1"; shift
    /usr/bin/time -f '%e %M %U %S' -o "$work/$name.time" "$@" > /dev/null \
        2> "$work/$name.err" || {
        cat "$work/$name.err" >&2
        exit 1
    }
    awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$work/$name.time"
}

cores=$(nproc)
load="$(cut -d' ' -f1-3 /proc/loadavg)"
read -r bc_s bc_kb bc_cpu < <(measure briefcast "$briefcast" make --full --bitrate "$bitrate" \
    "$article" -o "$work/briefcast.opus")
read -r bc1_s bc1_kb bc1_cpu < <(measure briefcast1 "$briefcast" make --full --bitrate "$bitrate" \
    --jobs 1 "$article" -o "$work/briefcast1.opus")
# the narrator's voice and rate (voices/narrator.voice)
read -r es_s es_kb es_cpu < <(measure pipeline sh -c \
    'espeak-ng -v en-gb+m3 -s 175 -w "$1/espeak.wav" -f "$1/text.txt" &&
     opusenc --quiet --bitrate "$2" --comp "$3" "$1/espeak.wav" "$1/espeak.opus"' \
    sh "$work" "$((bitrate / 1000))" "$complexity")

seconds_of() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
printf 'article: %s (%s words), %s cores\n' "$article" "$words" "$cores"
printf 'load average before the runs: %s\n' "$load"
printf '%-36s %8s %8s %10s %9s\n' "run" "wall s" "cpu s" "peak MiB" "audio s"
row() {
    printf '%-36s %8s %8s %10.1f %9.1f\n' "$1" "$2" "$3" "$(echo "$4 / 1024" | bc -l)" \
        "$(seconds_of "$5")"
}
row "briefcast make --full (all cores)" "$bc_s" "$bc_cpu" "$bc_kb" "$work/briefcast.opus"
row "briefcast make --full --jobs 1" "$bc1_s" "$bc1_cpu" "$bc1_kb" "$work/briefcast1.opus"
row "espeak-ng -w + opusenc (baseline)" "$es_s" "$es_cpu" "$es_kb" "$work/espeak.opus"
printf 'wall-time ratio briefcast / baseline: %.2f (target <= 0.5 on two cores)\n' \
    "$(echo "$bc_s / $es_s" | bc -l)"
printf 'wall-time ratio briefcast --jobs 1 / baseline: %.2f\n' "$(echo "$bc1_s / $es_s" | bc -l)"

# Loudness of the briefing as ffmpeg reads it: -16 +- 1 LUFS, <= -1 dBTP.
ffmpeg -nostats -i "$work/briefcast.opus" -af ebur128=peak=true -f null - 2> "$work/ebur128.txt"
lufs=$(awk '/^ +I:/ {v=$2} END {print v}' "$work/ebur128.txt")
peak=$(awk '/^ +Peak:/ {v=$2} END {print v}' "$work/ebur128.txt")
ok=$(echo "$lufs >= -17 && $lufs <= -15 && $peak <= -1" | bc -l)
printf 'briefcast.opus: %s LUFS integrated, true peak %s dBTP: %s\n' "$lufs" "$peak" \
    "$([ "$ok" = 1 ] && echo 'within -16 +- 1 LUFS and <= -1 dBTP' || echo 'OUT OF RANGE')"
