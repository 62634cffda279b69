@description('Key Vault (RBAC authorization) holding the approval signing key, the management API key and the connector secrets the app settings reference.')
param name string
param location string
param tags object = {}

@secure()
@description('Key that signs approval links; azd reads it back from this vault on the next provision (secretOrRandomPassword).')
param approvalSigningKey string

@description('Vault secret name of the approval signing key; must match the name main.parameters.json reads back.')
param approvalSigningKeySecretName string

@secure()
@description('Key of the management API (Api:ApiKeys:0); azd reads it back from this vault on the next provision (secretOrRandomPassword).')
param managementApiKey string

@description('Vault secret name of the management API key; must match the name main.parameters.json reads back.')
param managementApiKeySecretName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access is granted by role assignments (rbac.bicep), never by access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource approvalKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: approvalSigningKeySecretName
  properties: {
    value: approvalSigningKey
    contentType: 'text/plain'
  }
}

resource managementKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: managementApiKeySecretName
  properties: {
    value: managementApiKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
output approvalSigningKeySecretUri string = approvalKey.properties.secretUri
output managementApiKeySecretUri string = managementKey.properties.secretUri
