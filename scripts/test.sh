#!/usr/bin/env bash
# The README's test command: install what the tests need, then run the whole suite.
# Chromium comes from Debian's packages when it is missing and apt-get is there
# (Playwright's own browser download does not work on a closed network).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
"$PY" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing and apt-get is not available: install Chromium, or set CHROMIUM_PATH." >&2
  fi
fi
exec "$PY" -m pytest "$@"
