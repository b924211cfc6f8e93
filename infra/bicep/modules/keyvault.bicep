// The Key Vault holding the certificate that encrypts the app's Data Protection key ring at rest (the keys behind
// sign-in cookies and antiforgery tokens, shared by every instance through a private blob container).
// Bicep cannot create a Key Vault certificate; azd's postprovision hook does (infra/hooks/postprovision.sh).

@description('Required. Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region.')
param location string

@description('Required. Tags for every resource.')
param tags { *: string }

@description('Required. Object ID of the function app\'s system-assigned identity: it reads the certificate and its private key.')
param appPrincipalId string

@description('Optional. Object ID of whoever runs the deployment: it creates the certificate in the postprovision hook. Empty grants nothing.')
param deployerPrincipalId string = ''

@description('Optional. Kind of principal deployerPrincipalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

// Built-in role definition IDs (the same in every tenant).
// Key Vault Certificate User: read the certificate's public part and metadata.
var keyVaultCertificateUser = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'
// Key Vault Secrets User: read the secret that carries the certificate's private key (DownloadCertificate needs it).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
// Key Vault Certificates Officer: create and renew certificates; the deployer only.
var keyVaultCertificatesOfficer = 'a4417e6f-fecd-4de8-b567-7b0420556985'

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Roles, not access policies: the same least-privilege model as storage and search.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // A deleted key-ring certificate would make every outstanding cookie unreadable: never purge it early.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource appRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [keyVaultCertificateUser, keyVaultSecretsUser]: {
    name: guid(vault.id, appPrincipalId, roleId)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource deployerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, keyVaultCertificatesOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificatesOfficer)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

@description('Key Vault name.')
output name string = vault.name

@description('Key Vault URI (the app\'s DataProtection__KeyVaultUri).')
output uri string = vault.properties.vaultUri
