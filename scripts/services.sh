#!/usr/bin/env bash
# Starts and stops the local servers the tests need, all bound to 127.0.0.1:
#   Azurite (Blob/Queue/Table), @vercel/cosmosdb-server (the Cosmos DB stand-in, HTTPS, self-signed), and
#   through scripts/mail-services.sh, Dovecot IMAP + OpenSMTPD SMTP.
# usage: scripts/services.sh up|down|status
# State lives in .services/ (git-ignored): node_modules, logs, pid files and `env`, which `up` writes with the
# `export` lines the tests read. Source it in the same shell: `source .services/env`.
# Ports can be moved with SERVICES_AZURITE_PORT (blob; queue/table use the next two) and SERVICES_COSMOS_PORT.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.services"
azurite_port="${SERVICES_AZURITE_PORT:-10000}"
cosmos_port="${SERVICES_COSMOS_PORT:-8081}"
azurite_version="3.35.0"
cosmos_version="1.0.1"
# Well-known development credentials published by Microsoft for Azurite and the Cosmos DB emulator (not secrets).
azurite_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cosmos_key="C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="

log() { echo "services: $*" >&2; }

# shellcheck source=scripts/ports.sh
source "$root/scripts/ports.sh"

running() { [ -s "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

# ---- installation (idempotent; a fresh Debian machine gets everything here) ----
install_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  log "installing nodejs + npm with apt"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
}

install_npm_packages() {
  if [ -x "$state/node_modules/.bin/azurite" ] && [ -f "$state/node_modules/@vercel/cosmosdb-server/package.json" ]; then
    return 0
  fi
  log "installing azurite@$azurite_version and @vercel/cosmosdb-server@$cosmos_version into $state/node_modules"
  [ -f "$state/package.json" ] || echo '{"private":true}' >"$state/package.json"
  (cd "$state" && npm install --no-audit --no-fund --silent --save-exact \
      "azurite@$azurite_version" "@vercel/cosmosdb-server@$cosmos_version")
}

# ---- servers ----
start_azurite() {
  if running azurite; then return 0; fi
  port_open "$azurite_port" && { log "127.0.0.1:$azurite_port is taken by another process"; return 1; }
  mkdir -p "$state/azurite"
  "$state/node_modules/.bin/azurite" --silent --disableTelemetry --skipApiVersionCheck \
    --location "$state/azurite" \
    --blobHost 127.0.0.1 --blobPort "$azurite_port" \
    --queueHost 127.0.0.1 --queuePort "$((azurite_port + 1))" \
    --tableHost 127.0.0.1 --tablePort "$((azurite_port + 2))" \
    >"$state/azurite.log" 2>&1 &
  echo $! >"$state/azurite.pid"
}

start_cosmos() {
  if running cosmos; then return 0; fi
  port_open "$cosmos_port" && { log "127.0.0.1:$cosmos_port is taken by another process"; return 1; }
  # The stand-in answers a point read of a missing item with 500 (TypeError in its handler): turn that into the
  # 404 the real service sends. keepAlive: without it the server closes the connection after each response.
  cat >"$state/cosmos.js" <<'JS'
const readDocument = require("@vercel/cosmosdb-server/lib/handler/read-document");
const original = readDocument.default;
readDocument.default = (account, req, res, params) => {
  try { return original(account, req, res, params); }
  catch (e) {
    if (!(e instanceof TypeError)) throw e;
    res.statusCode = 404;
    return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
  }
};
require("@vercel/cosmosdb-server").createHttpsServer({ keepAlive: true })
  .listen(Number(process.argv[2]), "127.0.0.1");
JS
  (cd "$state" && exec node "$state/cosmos.js" "$cosmos_port" >"$state/cosmos.log" 2>&1) &
  echo $! >"$state/cosmos.pid"
}

write_env() {
  cat >"$state/env" <<EOF
# Written by scripts/services.sh up. Local development endpoints only (well-known emulator keys).
export SERVERLESS_TEST_AZURITE_BLOB="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_key;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
export SERVERLESS_TEST_AZURITE_QUEUE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_key;QueueEndpoint=http://127.0.0.1:$((azurite_port + 1))/devstoreaccount1;"
export SERVERLESS_TEST_AZURITE_TABLE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_key;TableEndpoint=http://127.0.0.1:$((azurite_port + 2))/devstoreaccount1;"
export SERVERLESS_TEST_COSMOS_ENDPOINT="https://127.0.0.1:$cosmos_port/"
export SERVERLESS_TEST_COSMOS_KEY="$cosmos_key"
EOF
}

up() {
  mkdir -p "$state"
  install_node
  install_npm_packages
  start_azurite
  start_cosmos
  wait_port "$azurite_port" azurite 15 "$state/azurite.log"
  wait_port "$cosmos_port" cosmos 15 "$state/cosmos.log"
  # A TCP accept is not an answer: wait for an HTTP response from each.
  for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$azurite_port/devstoreaccount1?comp=list" && break; sleep 0.1
  done
  for _ in $(seq 1 50); do curl -sk -o /dev/null "https://127.0.0.1:$cosmos_port/" && break; sleep 0.1; done
  write_env
  # Dovecot (IMAP) + OpenSMTPD (SMTP) for the mail tests; appends its lines to .services/env.
  bash "$root/scripts/mail-services.sh" up
  log "up: azurite blob 127.0.0.1:$azurite_port, cosmos https://127.0.0.1:$cosmos_port/ (env: $state/env)"
}

stop_one() { # name port
  if [ -s "$state/$1.pid" ]; then
    local pid; pid="$(cat "$state/$1.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$state/$1.pid"
  fi
  wait_port_free "$2"
}

down() {
  bash "$root/scripts/mail-services.sh" down || true
  stop_one azurite "$azurite_port"
  stop_one cosmos "$cosmos_port"
  rm -f "$state/env"
  log "down"
}

status() {
  local rc=0
  for s in "azurite:$azurite_port" "cosmos:$cosmos_port"; do
    local name="${s%%:*}" port="${s##*:}"
    if running "$name" && port_open "$port"; then echo "$name: up on 127.0.0.1:$port (pid $(cat "$state/$name.pid"))"
    else echo "$name: down"; rc=1; fi
  done
  return $rc
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
