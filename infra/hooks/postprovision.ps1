# Writes functions/local.settings.json from the azd environment (see postprovision.sh for the reasons).
$ErrorActionPreference = 'Stop'

$target = Join-Path 'functions' 'local.settings.json'
if (Test-Path $target) {
    Write-Host "postprovision: $target exists, left unchanged."
    exit 0
}

function Get-AzdValue([string] $name) {
    $value = azd env get-value $name 2>$null
    if ($LASTEXITCODE -ne 0) { return '' }
    return $value
}

$settings = [ordered]@{
    IsEncrypted = $false
    Values = [ordered]@{
        FUNCTIONS_WORKER_RUNTIME = 'dotnet-isolated'
        AzureWebJobsStorage = 'UseDevelopmentStorage=true'
        DurableTaskHubName = Get-AzdValue 'DURABLE_TASK_HUB_NAME'
        Storage__Documents__Provider = 'cosmos'
        Storage__Documents__Cosmos__AccountEndpoint = Get-AzdValue 'COSMOS_ENDPOINT'
        Storage__Documents__Cosmos__Database = Get-AzdValue 'COSMOS_DATABASE_NAME'
        Storage__Blobs__Provider = 'azure'
        Storage__Blobs__Azure__ServiceUri = Get-AzdValue 'AZURE_STORAGE_BLOB_ENDPOINT'
        APPLICATIONINSIGHTS_CONNECTION_STRING = Get-AzdValue 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    }
}

$settings | ConvertTo-Json -Depth 5 | Set-Content -Path $target -Encoding utf8
Write-Host "postprovision: wrote $target (Durable task hub on Azurite; documents and blobs in Azure)."
