#!/usr/bin/env bash
# Node.js and npm for the web page test: Debian's packages when the machine
# has neither (a machine with another Node.js build keeps its own).
set -euo pipefail
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends nodejs npm
fi
