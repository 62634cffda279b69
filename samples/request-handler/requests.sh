#!/usr/bin/env bash
# Posts the sample requests to a running host (scripts/run.sh). KEY defaults to the development key, which the host
# accepts only in the Development environment when no RequestHandler:Intake:ApiKeys is set.
set -euo pipefail
cd "$(dirname "$0")"
BASE="${BASE:-http://localhost:7071}"
KEY="${KEY:-dev-intake-key}"

# JSON, support form
curl -sS -X POST "$BASE/api/intake/requests" -H "X-API-Key: $KEY" -H "Content-Type: application/json" --data-binary @support.json; echo
# JSON, modelling form with one inline file (base64) and one file by URL
curl -sS -X POST "$BASE/api/intake/requests" -H "X-API-Key: $KEY" -H "Content-Type: application/json" --data-binary @modelling.json; echo
# JSON, a modelling request sent through the contact form: reclassified, the admin email carries the alert
curl -sS -X POST "$BASE/api/intake/requests" -H "X-API-Key: $KEY" -H "Content-Type: application/json" --data-binary @reclassified.json; echo
# multipart/form-data with a small file part
curl -sS -X POST "$BASE/api/intake/requests" -H "X-API-Key: $KEY" \
  -F source=modelisation -F "objet=Plan 2D appartement" \
  -F "description=Bonjour, pouvez-vous réaliser le plan 2D coté de mon appartement de 65 m² à partir du croquis joint ?" \
  -F user_email=lea.bernard@example.com -F "user_name=Léa Bernard" \
  -F "fichiers=@plan-rdc.pdf;type=application/pdf"; echo
# dry run: every write is recorded as a sandbox call, none is made
curl -sS -X POST "$BASE/api/intake/requests?dryRun=true" -H "X-API-Key: $KEY" -H "Content-Type: application/json" --data-binary @support.json -H "Idempotency-Key: dry-1"; echo
