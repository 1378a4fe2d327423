#!/usr/bin/env bash
# Installs the Debian packages that briefcast needs (only those missing) and
# builds it in ./build (or $BRIEFCAST_BUILD, with $BRIEFCAST_MESON_ARGS).
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t packages < <(grep -v '^#' scripts/packages.txt | grep -v '^$')
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "briefcast: installing ${missing[*]}" >&2
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

scripts/ensure-node.sh

build="${BRIEFCAST_BUILD:-build}"
read -r -a meson_args <<< "${BRIEFCAST_MESON_ARGS:-}"
if [ -f "$build/build.ninja" ]; then
    meson configure "$build" "${meson_args[@]}" >/dev/null
else
    meson setup "$build" "${meson_args[@]}" >/dev/null
fi
ninja -C "$build" >&2
