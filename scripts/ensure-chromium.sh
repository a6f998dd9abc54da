#!/bin/sh
# Make sure the browser tests have a Chromium: Debian's package where apt
# exists (Playwright cannot download its own browser on our machines), else
# Playwright's own download. tests/conftest.py picks the same one.
set -e
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian's chromium for the browser tests..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No apt: using Playwright's own Chromium download..."
"${PY:-python3}" -m playwright install chromium
