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

dotnet test Serverless.sln --nologo -v quiet --logger "console;verbosity=minimal" "$@"
