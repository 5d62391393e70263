#!/usr/bin/env bash
# The README's test command: install what the tests need, start a PostgreSQL server for the tests that
# run on both stores, run the whole suite, and stop the server at the end.
# Chromium, PostgreSQL and nginx come from Debian's packages when missing and apt-get is there
# (Playwright's own browser download does not work on a closed network).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
"$PY" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt
missing=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then missing+=(nginx); fi
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}; apt-get is not available: install them (see the README)." >&2
  fi
fi
# A throwaway PostgreSQL server on a loopback port, stopped however the run ends.
if [ -z "${CANTHO_TEST_PG_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  PGDIR="$(mktemp -d /tmp/cantho-pg-XXXXXX)"
  PGPORT="${CANTHO_TEST_PG_PORT:-55432}"
  trap 'bash scripts/pg.sh stop "$PGDIR"; rm -rf "$PGDIR"' EXIT
  CANTHO_TEST_PG_URL="$(bash scripts/pg.sh start "$PGDIR" "$PGPORT")"
  export CANTHO_TEST_PG_URL CANTHO_REQUIRE_PG=1
  echo "PostgreSQL for the tests: $CANTHO_TEST_PG_URL"
fi
"$PY" -m pytest "$@"
