#!/usr/bin/env bash
# Runs the console's end-to-end tests with CONSOLE_SCREENSHOTS set, which makes them write the pictures of
# docs/console.md into docs/images/console/ (at 1280 x 900 and, for some pages, 390 x 844).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CONSOLE_SCREENSHOTS="$root/docs/images/console"
mkdir -p "$CONSOLE_SCREENSHOTS"
dotnet test tests/Serverless.Console.Tests --nologo -v quiet --logger "console;verbosity=minimal" "$@"
