#!/bin/sh
# What the tests need from outside Python: a Chromium for the browser tests and
# a Java runtime for the Nu HTML Checker. Debian's packages where apt exists
# (Playwright cannot download its own browser on our machines), else
# Playwright's own Chromium download. tests/conftest.py picks the same browser.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -n "$missing" ] || exit 0

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing with apt:$missing"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086 (word splitting wanted)
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  exit 0
fi
case "$missing" in
  *chromium*)
    echo "No apt: using Playwright's own Chromium download..."
    "${PY:-python3}" -m playwright install chromium ;;
esac
case "$missing" in
  *jre*|*npm*) echo "Please install:$missing (needed by the HTML checker gate)" >&2; exit 1 ;;
esac
