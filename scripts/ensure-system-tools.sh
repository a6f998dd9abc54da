#!/bin/sh
# What the tests need from outside Python: a Chromium for the browser tests, a
# Java runtime for the Nu HTML Checker, npm for the Node pins and nginx for the
# hosting test. Debian's packages where apt exists (Playwright cannot download
# its own browser on our machines), else Playwright's own Chromium download.
# tests/conftest.py picks the same browser.
#   sh scripts/ensure-system-tools.sh            everything the tests need
#   sh scripts/ensure-system-tools.sh npm        only these (make offline needs only npm)
set -e
wanted="${*:-chromium java npm nginx}"
missing=""
for tool in $wanted; do
  case "$tool" in
    chromium) command -v chromium >/dev/null 2>&1 || missing="$missing chromium" ;;
    java) command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless" ;;
    npm) command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm" ;;
    nginx) command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx" ;;
    *) echo "ensure-system-tools.sh: unknown tool $tool" >&2; exit 2 ;;
  esac
done
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
  *jre*|*npm*) echo "Please install:$missing (npm for the Node pins, Java for the HTML checker gate)" >&2; exit 1 ;;
esac
case "$missing" in
  *nginx*) echo "No nginx: the test that serves the site with nginx will be skipped" >&2 ;;
esac
