// A storage account, used twice (main.bicep): the data account holds the app's tables (source of truth), evidence
// blobs, the Data Protection key ring and the background queues; the host account holds only the Functions host's own
// state (AzureWebJobsStorage) and the Flex Consumption deployment package, so nothing that can rewrite the app's code
// sits beside its data, and the app's identity is owner of the host account only. Keys are off: everything reaches it with Entra ID tokens (managed identity, or the developer's sign-in).
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

@description('Optional. Tables to create (names as in StorageNames.cs).')
param tableNames string[] = []

@description('Optional. Private blob containers to create.')
param containerNames string[] = []

@description('Optional. Queues to create.')
param queueNames string[] = []

@description('Optional. Days a deleted blob or container can be restored (evidence must not vanish by mistake).')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

@description('Optional. Microsoft Defender for Storage on-upload malware scanning: each uploaded blob is scanned and tagged "Malware Scanning scan result"; the app serves evidence only once that tag says "No threats found". On for the data account (evidence).')
param malwareScanning bool = false

@description('Optional. Most GB scanned per month (a cost cap); uploads over it stay unscanned, so the app keeps them "being scanned".')
@minValue(1)
param malwareScanCapGbPerMonth int = 100

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

// Defender for Storage (per account, overriding any subscription plan) with on-upload malware scanning whose verdict is
// written as a blob index tag; sensitive-data discovery is left off (evidence is not classified by it).
resource defender 'Microsoft.Security/defenderForStorageSettings@2025-06-01' = if (malwareScanning) {
  name: 'current'
  scope: account
  properties: {
    isEnabled: true
    overrideSubscriptionLevelSettings: true
    malwareScanning: {
      onUpload: {
        isEnabled: true
        capGBPerMonth: malwareScanCapGbPerMonth
      }
    }
    sensitiveDataDiscovery: {
      isEnabled: false
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

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

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
