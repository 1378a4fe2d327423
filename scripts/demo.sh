#!/usr/bin/env bash
# Sets everything up and makes a briefing from the bundled example articles:
# example-output/briefing.opus with its MP3, transcript, chapters and web page.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build="${BRIEFCAST_BUILD:-build}"
mkdir -p example-output
"$build/briefcast" make examples/harbour-bridge.txt examples/rooftop-gardens.txt \
    --title "briefcast example bulletin" --date 2026-11-28 \
    -o example-output/briefing.opus --mp3 example-output/briefing.mp3 \
    --vtt example-output/briefing.vtt --chapters example-output/briefing.json \
    --html example-output/briefing.html
echo "wrote example-output/: briefing.opus (play it), .mp3, .vtt, .json and .html (open it in a browser)"
opusinfo example-output/briefing.opus | grep -E 'TITLE|CHAPTER...NAME|Playback length' | sed -n '1,12p'
