#!/usr/bin/env bash
# Writes .build/Serverless.Local.slnf (outside the root, so `dotnet sln` still finds one solution there): every project of Serverless.sln except the Azure Functions app (functions/),
# whose packages cannot be restored on machines without the full nuget.org. Build and test through it.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build
projects=$(dotnet sln Serverless.sln list | grep -E '\.csproj$' | grep -vE '^functions[/\\]' | sed 's#\\#/#g' | sort)
{
  printf '{\n  "solution": {\n    "path": "../Serverless.sln",\n    "projects": [\n'
  first=1
  while IFS= read -r p; do
    [ -z "$p" ] && continue
    if [ $first -eq 0 ]; then printf ',\n'; fi
    printf '      "%s"' "$p"
    first=0
  done <<< "$projects"
  printf '\n    ]\n  }\n}\n'
} > .build/Serverless.Local.slnf
