#!/bin/sh
# Writes functions/local.settings.json from the azd environment, so `func start` in functions/ runs against the
# Cosmos DB account and storage account just provisioned, signed in as the developer (AZURE_PRINCIPAL_ID has the
# data roles, see infra/app/rbac.bicep). An existing file is kept: delete it to regenerate.
set -eu

target="./functions/local.settings.json"
if [ -f "$target" ]; then
  echo "postprovision: $target exists, left unchanged."
  exit 0
fi

value() {
  azd env get-value "$1" 2>/dev/null || true
}

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
    "APPLICATIONINSIGHTS_CONNECTION_STRING": "$(value APPLICATIONINSIGHTS_CONNECTION_STRING)"
  }
}
JSON
echo "postprovision: wrote $target (Durable task hub on Azurite; documents and blobs in Azure)."
