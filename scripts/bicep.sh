#!/usr/bin/env bash
# The Bicep CLI of NuGet package Azure.Bicep.CommandLine.linux-x64 (tools/bicep/Bicep.proj restores it; no other
# download). With no arguments: compiles infra/main.bicep to .build/bicep/main.json and lints it, and fails on any
# error or warning (the same check as tests/Serverless.Functions.Tests/Infra/BicepCompileTests.cs).
#   scripts/bicep.sh              build + lint infra/main.bicep
#   scripts/bicep.sh path         print the path of the bicep binary
#   scripts/bicep.sh ARGS...      run bicep with ARGS (e.g. scripts/bicep.sh format infra/app/api.bicep)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! bicep="$(dotnet msbuild tools/bicep/Bicep.proj -restore -nologo -t:LocateBicep -getProperty:BicepExecutable)" || [ ! -x "$bicep" ]; then
  echo "bicep.sh: could not restore the Bicep CLI (tools/bicep/Bicep.proj)." >&2
  [ -n "${bicep:-}" ] && echo "$bicep" >&2
  exit 1
fi

if [ "$#" -gt 0 ]; then
  if [ "$1" = path ]; then
    echo "$bicep"
    exit 0
  fi
  exec "$bicep" "$@"
fi

mkdir -p .build/bicep
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
"$bicep" build infra/main.bicep --outfile .build/bicep/main.json >"$log" 2>&1 || status=$?
"$bicep" lint infra/main.bicep >>"$log" 2>&1 || status=$?
# The same diagnostic can come from both commands; show each once.
diagnostics="$(grep -E ' : (Error|Warning) ' "$log" | sort -u || true)"
if [ "$status" -ne 0 ] || [ -n "$diagnostics" ]; then
  cat "$log" >&2
  echo "bicep.sh: infra/main.bicep has errors or warnings (exit $status)." >&2
  exit 1
fi
echo "bicep.sh: infra/main.bicep compiles to .build/bicep/main.json with no errors or warnings ($("$bicep" --version))."
