#!/usr/bin/env bash
# The run command (README): starts the embedded host on http://localhost:7071 with its embedded defaults
# (SQLite under ./.data, the workflows/ folder, the demo activities). Works on a fresh machine: it restores the
# packages (nuget.config), then builds and runs src/Serverless.Host in Release. Arguments pass through, e.g.
#   scripts/run.sh --urls http://127.0.0.1:8080 --Runtime:DataFolder=/var/lib/serverless
# Settings come from ./local.settings.json ("Values"), then environment variables, then these arguments
# (see docs/host.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

exec dotnet run --project src/Serverless.Host -c Release -- "$@"
