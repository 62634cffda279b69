# Writes functions/local.settings.json from the azd environment (see postprovision.sh for the reasons), with its
# own random approval signing key (never printed) and Api__AllowLoopbackWithoutKey=true for local runs.
$ErrorActionPreference = 'Stop'

$target = Join-Path 'functions' 'local.settings.json'
if (Test-Path $target) {
    Write-Host "postprovision: $target exists, left unchanged."
    if (-not (Select-String -Path $target -Pattern '"Approvals__SigningKey"' -Quiet)) {
        Write-Warning "postprovision: $target has no Approvals__SigningKey, so func start fails option validation; delete the file and run azd hooks run postprovision to regenerate it."
    }
    exit 0
}

function Get-AzdValue([string] $name) {
    $value = azd env get-value $name 2>$null
    if ($LASTEXITCODE -ne 0) { return '' }
    return $value
}

# 48 random bytes, base64 (64 characters). Kept in a variable, never written to the console.
function New-SigningKey {
    $bytes = [byte[]]::new(48)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
    return [Convert]::ToBase64String($bytes)
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
        Approvals__SigningKey = New-SigningKey
        Api__AllowLoopbackWithoutKey = 'true'
    }
}

$settings | ConvertTo-Json -Depth 5 | Set-Content -Path $target -Encoding utf8
Write-Host "postprovision: wrote $target (Durable task hub on Azurite; documents and blobs in Azure; a new local approval signing key)."
