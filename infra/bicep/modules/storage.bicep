// The one storage account: the app's tables (source of truth), evidence blobs, the search-index queue,
// the Functions host's own state (AzureWebJobsStorage) and the Flex Consumption deployment package.
// Keys are off: everything reaches it with Entra ID tokens (managed identity, or the developer's sign-in).
// The app also creates these names at start-up if they are missing (StorageProvisioner); creating them
// here means a fresh deployment is complete before the first request, and the names stay in one list
// with functions/Marketplace.Storage/StorageNames.cs.

@description('Required. Storage account name: 3-24 lower-case letters and digits, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region of the account.')
param location string

@description('Required. Tags for the account.')
param tags { *: string }

@description('Optional. Replication. Zone-redundant needs a region with availability zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Optional. Tables the app keeps its records in (names as in StorageNames.cs).')
param tableNames string[] = [
  'organisations'
  'offerings'
  'standards'
  'attestations'
  'frameworks'
  'memberships'
  'audit'
  'users'
  'templates'
  'specifications'
  'shortlists'
  'registerimports'
]

@description('Required. Private blob container for compliance evidence files.')
param evidenceContainerName string

@description('Required. Private blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Optional. Queues: search-index updates and register snapshot imports, each with the poison queue the Functions host moves failed messages to.')
param queueNames string[] = [
  'search-index-updates'
  'search-index-updates-poison'
  'register-imports'
  'register-imports-poison'
]

@description('Optional. Days a deleted blob or container can be restored (evidence must not vanish by mistake).')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource evidenceContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: evidenceContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Register snapshots (the CSV files an Admin uploads or drops here), private like the evidence.
resource registerSnapshotsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: 'register-snapshots'
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

@description('Name of the storage account.')
output name string = account.name

@description('Table service endpoint (ends with a slash).')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Blob service endpoint.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue service endpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('URL of the container the Flex Consumption plan deploys from.')
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
