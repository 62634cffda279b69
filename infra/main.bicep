targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; with the location it makes the token that keeps resource names unique.')
param environmentName string

@minLength(1)
@description('Region of every resource; must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Principal id of the developer running azd (AZURE_PRINCIPAL_ID): gets data roles to run the app locally against Azure. Empty to skip.')
param principalId string = ''

@description('Cosmos DB database of the document store.')
param cosmosDatabaseName string = 'serverless'

@description('Durable Functions task hub (host.json reads it from the DurableTaskHubName setting).')
param durableTaskHubName string = 'serverlesshub'

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@secure()
@minLength(16)
@description('Approval link signing key; main.parameters.json has azd generate it once and read it back from the vault.')
param approvalSigningKey string

@secure()
@minLength(16)
@description('Management API key (Api:ApiKeys:0, header X-API-Key); main.parameters.json has azd generate it once and read it back from the vault. Read it with az keyvault secret show --name managementApiKey.')
param managementApiKey string

@secure()
@description('Connector secrets to reference from app settings: { "<AppSetting__Name>": "<key-vault-secret-name>" }. Holds vault secret names, not values (set those with az keyvault secret set), but is secure so the mapping stays out of deployment logs.')
param connectorSecrets object = {}

@description('Entra ID sign-in to the console and the management API (Api:EntraId:ClientId): application (client) ID of the console\'s app registration, a single-page app that exposes the API (docs/deploy-azure.md). Empty keeps API keys only.')
param entraClientId string = ''

@description('Directory (tenant) ID whose users sign in (Api:EntraId:TenantId); empty is the tenant of the subscription. Used only with entraClientId.')
param entraTenantId string = ''

@description('The API\'s application ID URI or client ID (Api:EntraId:Audience); empty is api://<entraClientId>.')
param entraAudience string = ''

@description('Delegated permission the console requests and the API requires in scp (Api:EntraId:Scope), e.g. access_as_user; empty requests <audience>/.default.')
param entraScope string = ''

@description('App role a signed-in user must hold (Api:EntraId:RequiredRole), e.g. Console.Operator; empty lets every user of the tenant who can get a token in.')
param entraRequiredRole string = ''

@description('Collections of the document store (docs/data-model.md, "Collection index"): every collection the code uses and every one the later seeds plan. The Cosmos adapter never creates containers in Azure (the identity has data-plane rights only), so a collection missing here fails at first use. Partition key path is always /pk, the property the document store writes; defaultTtl (seconds) only where the data model gives one.')
param cosmosContainers array = [
  // Used by the code (src/): tests/Serverless.Functions.Tests/Infra/DocumentCollectionsTests reads them by reflection.
  { name: 'approval-decisions', partitionKeyPath: '/pk' }
  { name: 'crm-organisations', partitionKeyPath: '/pk' }
  { name: 'crm-deals', partitionKeyPath: '/pk' }
  { name: 'crm-people', partitionKeyPath: '/pk' }
  { name: 'crm-tasks', partitionKeyPath: '/pk' }
  { name: 'crm-users', partitionKeyPath: '/pk' }
  { name: 'crm-activities', partitionKeyPath: '/pk' }
  { name: 'crm-notifications', partitionKeyPath: '/pk' }
  { name: 'crm-counters', partitionKeyPath: '/pk' }
  { name: 'crm-workflows', partitionKeyPath: '/pk' }
  { name: 'crm-workflow-versions', partitionKeyPath: '/pk' }
  { name: 'helpdesk-pending', partitionKeyPath: '/pk' }
  { name: 'helpdesk-processed', partitionKeyPath: '/pk' }
  { name: 'helpdesk-batches', partitionKeyPath: '/pk' }
  { name: 'crm-executions', partitionKeyPath: '/pk' }
  { name: 'crm-workflow-counters', partitionKeyPath: '/pk' }
  { name: 'crm-hubspot-mirror', partitionKeyPath: '/pk' }
  { name: 'crm-hubspot-ids', partitionKeyPath: '/pk' }
  { name: 'crm-hubspot-checkpoints', partitionKeyPath: '/pk' }
  // Planned by docs/data-model.md for the later seeds.
  { name: 'tickets', partitionKeyPath: '/pk' }
  { name: 'email-tickets', partitionKeyPath: '/pk' }
  { name: 'contacts-seen', partitionKeyPath: '/pk' }
  { name: 'content-pieces', partitionKeyPath: '/pk' }
  { name: 'leads', partitionKeyPath: '/pk' }
  { name: 'lead-interactions', partitionKeyPath: '/pk' }
  { name: 'agent-messages', partitionKeyPath: '/pk' }
]

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var approvalSigningKeySecretName = 'approvalSigningKey'
var managementApiKeySecretName = 'managementApiKey'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
// Channel messages between workflows (Channels:Queue:Name); the Functions queue trigger moves a message that keeps
// failing to '<name>-poison', which storage.bicep creates too so the dead-letter reader can list it from the start.
var channelQueueName = 'channel-messages'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity './app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage './app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    queueNames: [
      channelQueueName
      '${channelQueueName}-poison'
    ]
  }
}

module cosmos './app/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: '${abbrs.documentDBDatabaseAccounts}${resourceToken}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    containers: cosmosContainers
  }
}

module monitoring './app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault './app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    approvalSigningKey: approvalSigningKey
    approvalSigningKeySecretName: approvalSigningKeySecretName
    managementApiKey: managementApiKey
    managementApiKeySecretName: managementApiKeySecretName
  }
}

// Settings the app reads (Serverless.Storage.Azure options, the task hub, secrets); the Functions host settings
// (AzureWebJobsStorage__*, Application Insights) are added in app/api.bicep.
var connectorSecretSettings = reduce(items(connectorSecrets), {}, (acc, item) => union(acc, {
  '${item.key}': '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${item.value})'
}))
var appSettings = union(connectorSecretSettings, {
  DurableTaskHubName: durableTaskHubName
  Storage__Documents__Provider: 'cosmos'
  Storage__Documents__Cosmos__AccountEndpoint: cosmos.outputs.endpoint
  Storage__Documents__Cosmos__Credential: 'managedidentity'
  Storage__Documents__Cosmos__ClientId: identity.outputs.clientId
  Storage__Documents__Cosmos__Database: cosmosDatabaseName
  Storage__Blobs__Provider: 'azure'
  Storage__Blobs__Azure__ServiceUri: storage.outputs.blobEndpoint
  Storage__Blobs__Azure__Credential: 'managedidentity'
  Storage__Blobs__Azure__ClientId: identity.outputs.clientId
  Approvals__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.approvalSigningKeySecretUri})'
  // The worker receives every request from the Functions host over loopback: loopback must not stand in for a key.
  Api__AllowLoopbackWithoutKey: 'false'
  Api__ApiKeys__0: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.managementApiKeySecretUri})'
  // Channel messages: a storage queue every instance reads (the queue trigger uses AzureWebJobsStorage).
  Channels__Queue__ServiceUri: storage.outputs.queueEndpoint
  Channels__Queue__Credential: 'managedidentity'
  Channels__Queue__ClientId: identity.outputs.clientId
  Channels__Queue__Name: channelQueueName
  // Keyed small rows shared by every instance (sandbox call log, idempotency and dedup keys, alert throttles):
  // Azure Table storage; the code creates its tables on first use.
  Storage__Tables__Provider: 'azure'
  Storage__Tables__Azure__ServiceUri: storage.outputs.tableEndpoint
  Storage__Tables__Azure__Credential: 'managedidentity'
  Storage__Tables__Azure__ClientId: identity.outputs.clientId
  // Entra ID sign-in (Serverless.Api.Security.EntraIdOptions): all empty, and so off, without entraClientId.
  Api__EntraId__TenantId: empty(entraClientId) ? '' : (empty(entraTenantId) ? tenant().tenantId : entraTenantId)
  Api__EntraId__ClientId: entraClientId
  Api__EntraId__Audience: entraAudience
  Api__EntraId__Scope: entraScope
  Api__EntraId__RequiredRole: entraRequiredRole
})

module api './app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    planName: '${abbrs.webServerFarms}${resourceToken}'
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: appSettings
  }
  // Key Vault references and the deployment container resolve with the identity: its roles must exist first.
  dependsOn: [
    rbac
  ]
}

module rbac './app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    cosmosAccountName: cosmos.outputs.name
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_FUNCTION_URI string = api.outputs.uri
output SERVICE_API_NAME string = api.outputs.name
output AZURE_CLIENT_ID string = identity.outputs.clientId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_DATABASE_NAME string = cosmosDatabaseName
output DURABLE_TASK_HUB_NAME string = durableTaskHubName
