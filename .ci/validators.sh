#!/usr/bin/env bash
# Installs the checkers internal/conformance runs, when they are missing: Debian's Java, jing and
# xmllint, and the npm packages vnu-jar (the Nu Html Checker) and lighthouse, pinned, under
# $COPYDESK_VALIDATORS (by default ~/.cache/copydesk/validators, where the tests look). It is
# idempotent and quick once installed: a stamp file records the versions it installed.
# Lighthouse runs in Debian's Chromium, which .ci/chromium.sh installs.
set -euo pipefail
VNU_JAR_VERSION=26.9.27
# Lighthouse 13 wants Node 22; 12.2.3 runs on Debian's Node 20.
LIGHTHOUSE_VERSION=12.2.3

dir="${COPYDESK_VALIDATORS:-$HOME/.cache/copydesk/validators}"

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v jing >/dev/null 2>&1 || missing+=(jing)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

want="vnu-jar@$VNU_JAR_VERSION lighthouse@$LIGHTHOUSE_VERSION"
if [ "$(cat "$dir/installed" 2>/dev/null)" != "$want" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private": true}' >"$dir/package.json"
  # --ignore-scripts: vnu-jar's install script would download a Java of its own; Debian's is used.
  npm install --prefix "$dir" --save-exact --ignore-scripts --no-audit --no-fund --loglevel=error \
    "vnu-jar@$VNU_JAR_VERSION" "lighthouse@$LIGHTHOUSE_VERSION"
  echo "$want" >"$dir/installed"
fi
echo "validators in $dir: $want; $(java -version 2>&1 | head -1)"
