#!/usr/bin/env bash
# Bulletins from the BBC dev set (../shared/data/bbc-dev.jsonl):
#  1. ten articles with --minutes 5: chapters (ffprobe) and length;
#  2. fifty articles: wall and processor time, articles per minute.
#   bench/bulletin.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
data=../shared/data/bbc-dev.jsonl
if [ ! -f "$data" ]; then
    echo "bench/bulletin.sh: $data is absent; nothing measured"
    exit 0
fi
briefcast="$PWD/$build/briefcast"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# one plain-text file per article (title line, blank line, body), as given
/usr/bin/python3 - "$data" "$work" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
for i, r in enumerate(rows[:50]):
    open(f"{sys.argv[2]}/a{i:02d}.txt", "w", encoding="utf-8").write(r["text"])
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

echo "== 10 articles, --minutes 5"
ten=$(ls "$work"/a0*.txt)
/usr/bin/time -f '%e %U %S %M' -o "$work/time10" \
    "$briefcast" make -q $ten --minutes 5 --date 2026-11-28 --title "BBC bulletin" -o "$work/ten.opus"
read -r wall user sys mem < "$work/time10"
duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/ten.opus")
chapters=$(ffprobe -v error -show_chapters -of csv=p=0 "$work/ten.opus" | wc -l)
titles=$(ffprobe -v error -show_entries chapter_tags=title -of csv=p=0 "$work/ten.opus" | tr '\n' '|')
echo "duration ${duration} s (target 300 s, off by $(echo "scale=1; 100*($duration-300)/300" | bc) %)"
echo "chapters ${chapters}: ${titles}"
echo "wall ${wall} s, processor $(echo "$user + $sys" | bc) s, peak ${mem} KiB"

echo "== 50 articles, 45 seconds each"
/usr/bin/time -f '%e %U %S %M' -o "$work/time50" \
    "$briefcast" make -q "$work"/a*.txt --seconds 45 -o "$work/fifty.opus"
read -r wall user sys mem < "$work/time50"
cpu=$(echo "$user + $sys" | bc)
duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/fifty.opus")
echo "wall ${wall} s, processor ${cpu} s (cores busy on average: $(echo "scale=2; $cpu / $wall" | bc)), peak ${mem} KiB"
echo "programme ${duration} s; $(echo "scale=1; 50 * 60 / $wall" | bc) articles per minute"
