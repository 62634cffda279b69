#!/usr/bin/env bash
# The one test command (README "Run the tests"). On a machine that has never seen the project it installs
# what the tests need, starts the local servers, runs every test and stops the servers again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ -x scripts/services.sh ]; then
  bash scripts/services.sh up
  trap 'bash scripts/services.sh down' EXIT
  # shellcheck disable=SC1091
  [ -f .services/env ] && source .services/env
fi

# The console's end-to-end tests (tests/Serverless.Console.Tests) drive Debian's Chromium through Playwright;
# Playwright's own browser download cannot work here and is never used.
if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing Debian's chromium for the console's browser tests"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

dotnet test Serverless.sln --nologo -v quiet --logger "console;verbosity=minimal" "$@"
