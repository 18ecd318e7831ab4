#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test, when it is missing. CI runs as root on a
# fresh Debian machine; the test itself fails under CI=true if no browser can be found.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  chromium --version
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
chromium --version
