#!/usr/bin/env bash
# The curl sequences of seed 002 ("Comment utiliser" and "Tests manuels API"), as the seed writes them, against
# this project's host. BASE defaults to the embedded host (scripts/run.sh); the seed's was http://localhost:8000.
# tests/Serverless.Host.Tests/Crm/SeedCurlSequenceTests.cs runs this file against a freshly started host.
set -euo pipefail
BASE="${BASE:-http://localhost:7071}"
step() { printf '\n### %s\n' "$1"; }

# --- Tests manuels API ---
step "1. Lister workflows"
curl -sS -w '\nHTTP %{http_code}\n' "$BASE/api/v1/workflows"

step "2. Créer workflow depuis template"
curl -sS -w '\nHTTP %{http_code}\n' -X POST "$BASE/api/v1/workflows/templates/relance-deal-inactif/create"

step "3. Activer workflow"
curl -sS -w '\nHTTP %{http_code}\n' -X POST "$BASE/api/v1/workflows/1/activate" \
  -H "Content-Type: application/json" \
  -d '{"status": "active"}'

step "4. Exécuter manuellement"
curl -sS -w '\nHTTP %{http_code}\n' -X POST "$BASE/api/v1/workflows/1/execute" \
  -H "Content-Type: application/json" \
  -d '{
    "trigger_entity_type": "organisation",
    "trigger_entity_id": 1
  }'

step "5. Voir historique"
curl -sS -w '\nHTTP %{http_code}\n' "$BASE/api/v1/workflows/1/executions"

step "6. Statistiques"
curl -sS -w '\nHTTP %{http_code}\n' "$BASE/api/v1/workflows/1/stats"

# --- Comment utiliser: 3. Créer workflow personnalisé ---
step "Créer workflow personnalisé"
curl -sS -w '\nHTTP %{http_code}\n' -X POST "$BASE/api/v1/workflows" \
  -H "Content-Type: application/json" \
  -d '{
  "name": "Mon workflow",
  "description": "Description",
  "trigger_type": "organisation_created",
  "actions": [
    {
      "type": "send_email",
      "config": {
        "to": "admin@example.com",
        "subject": "Nouvelle organisation: {{organisation.nom}}",
        "body": "Une nouvelle organisation a été créée."
      }
    }
  ]
}'
