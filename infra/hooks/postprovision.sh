#!/bin/sh
# Writes functions/local.settings.json from the azd environment, so `func start` in functions/ runs against the
# Cosmos DB account and storage account just provisioned, signed in as the developer (AZURE_PRINCIPAL_ID has the
# data roles, see infra/app/rbac.bicep). An existing file is kept: delete it to regenerate.
# The file gets its own random approval signing key (never the one in Key Vault, never printed), and lets loopback
# callers use the management API without a key: the Functions host relays every request over loopback, so keep
# port 7071 closed to other machines, or set Api__ApiKeys__0 instead.
set -eu

target="./functions/local.settings.json"
if [ -f "$target" ]; then
  echo "postprovision: $target exists, left unchanged."
  if ! grep -q '"Approvals__SigningKey"' "$target"; then
    echo "postprovision: $target has no Approvals__SigningKey, so func start fails option validation; delete the file and run azd hooks run postprovision to regenerate it." >&2
  fi
  exit 0
fi

value() {
  azd env get-value "$1" 2>/dev/null || true
}

# 48 random bytes, base64 (64 characters, no line break). Kept in a variable, never echoed.
signing_key() {
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -base64 48 | tr -d '\n'
  else
    head -c 48 /dev/urandom | base64 | tr -d '\n'
  fi
}

approval_key="$(signing_key)"
if [ "${#approval_key}" -lt 32 ]; then
  echo "postprovision: could not generate a random signing key (openssl or /dev/urandom + base64 needed)." >&2
  exit 1
fi

# The file holds a secret: readable by the current user only.
umask 077
cat > "$target" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
    "DurableTaskHubName": "$(value DURABLE_TASK_HUB_NAME)",
    "Storage__Documents__Provider": "cosmos",
    "Storage__Documents__Cosmos__AccountEndpoint": "$(value COSMOS_ENDPOINT)",
    "Storage__Documents__Cosmos__Database": "$(value COSMOS_DATABASE_NAME)",
    "Storage__Blobs__Provider": "azure",
    "Storage__Blobs__Azure__ServiceUri": "$(value AZURE_STORAGE_BLOB_ENDPOINT)",
    "Approvals__SigningKey": "$approval_key",
    "Api__AllowLoopbackWithoutKey": "true"
  }
}
JSON
echo "postprovision: wrote $target (Durable task hub on Azurite; documents and blobs in Azure; a new local approval signing key)."
