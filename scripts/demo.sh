#!/usr/bin/env bash
# Sets everything up and makes a briefing from a bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build="${BRIEFCAST_BUILD:-build}"
"$build/briefcast" make examples/harbour-bridge.txt examples/rooftop-gardens.txt \
    --title "briefcast example bulletin" -o example-briefing.opus
echo "wrote example-briefing.opus:"
opusinfo example-briefing.opus | grep -E 'TITLE|CHAPTER...NAME|Playback length' | sed -n '1,12p'
