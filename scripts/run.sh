#!/usr/bin/env bash
# The run command (README): starts the embedded host on http://localhost:7071 with its embedded defaults
# (SQLite under ./.data, the workflows/ folder, the demo activities), in the Development environment unless
# ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT says otherwise: the console log is then one readable line per event
# (coloured on a terminal) instead of JSON, and the host prints where the console is once it listens. Works on a fresh
# machine: it restores the packages (nuget.config), then builds and runs src/Serverless.Host in Release. Arguments
# pass through, e.g.
#   scripts/run.sh --urls http://127.0.0.1:8080 --Runtime:DataFolder=/var/lib/serverless
#   scripts/run.sh --environment Production          # JSON log lines, as in production
# Settings come from ./local.settings.json ("Values"), then environment variables, then these arguments
# (see docs/host.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ -z "${ASPNETCORE_ENVIRONMENT:-}" ] && [ -z "${DOTNET_ENVIRONMENT:-}" ]; then
  export ASPNETCORE_ENVIRONMENT=Development
fi

exec dotnet run --project src/Serverless.Host -c Release -- "$@"
