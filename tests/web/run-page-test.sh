#!/usr/bin/env bash
# The web page test: installs what it needs (Debian's chromium when missing,
# axe-core and playwright-core from npm into a cache beside the build),
# makes a briefing with --html, and checks it in headless Chromium.
#   run-page-test.sh BRIEFCAST SOURCE_ROOT WORK_DIR
set -euo pipefail
briefcast="$1" root="$2" work="$3"
if ! command -v chromium >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium >&2
fi
deps="$work/web-deps"
if [ ! -d "$deps/node_modules/axe-core" ] || [ ! -d "$deps/node_modules/playwright-core" ]; then
    mkdir -p "$deps"
    npm install --prefix "$deps" --no-audit --no-fund --loglevel=error \
        axe-core@4 playwright-core@1 >&2
fi
page_dir=$(mktemp -d)
trap 'rm -rf "$page_dir"' EXIT
"$briefcast" make "$root/examples/harbour-bridge.txt" "$root/examples/rooftop-gardens.txt" \
    --title "Morning briefing" --date 2026-11-28 -o "$page_dir/briefing.opus" \
    --vtt "$page_dir/briefing.vtt" --html "$page_dir/briefing.html"
NODE_PATH="$deps/node_modules" node "$root/tests/web/page-test.js" "$page_dir/briefing.html"
