#!/usr/bin/env bash
# The helpdesk batch CLI (seed 001, docs/helpdesk.md): the seed's run_workflow_batch.py commands against a running
# host (start it first with scripts/run.sh; --url for another one). Examples:
#   scripts/helpdesk.sh refresh            # rebuild the pending list from Zoho Desk
#   scripts/helpdesk.sh --status           # pending and processed counts, by outcome
#   scripts/helpdesk.sh -n 10 --dry-run    # what 10 tickets would get, nothing written
#   scripts/helpdesk.sh -n 5               # asks, then writes drafts and CRM updates
#   scripts/helpdesk.sh export --out out   # doc_tickets_pending.json, doc_tickets_processed.json, data/batch_results_*.json
#   scripts/helpdesk.sh check              # the rules files and reply templates, without a host
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dll="$root/tools/Serverless.Helpdesk.Cli/bin/Release/net10.0/helpdesk.dll"
# Build once (quietly), then run the built program: a batch's progress bar must not wait on a build check.
if [[ ! -f "$dll" || -n "$(find "$root/tools/Serverless.Helpdesk.Cli" "$root/src/Serverless.Helpdesk" -name '*.cs' -newer "$dll" -print -quit)" ]]; then
  dotnet build "$root/tools/Serverless.Helpdesk.Cli" -c Release -v q -nologo >&2
fi
exec dotnet "$dll" "$@"
