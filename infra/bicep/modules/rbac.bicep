// Data-plane roles for one principal: the function app's system-assigned identity, or the developer who
// runs azd (so the seeder, a reindex or Storage Explorer work against the deployed resources by sign-in).
// Each assignment is named guid(scope, principal, role), so a re-deployment finds and keeps it.

@description('Required. The data storage account (records, evidence, key ring, background queues).')
param storageAccountName string

@description('Optional. The Functions host\'s own storage account (host state, deployment package); only the function app\'s identity gets a role on it.')
param hostStorageAccountName string = ''

@description('Optional. Blob containers of the data account the function app uses (evidence, data-protection); its blob role is scoped to these, not the account.')
param appContainerNames string[] = []

@description('Optional. The container whose blobs Defender tags with a malware scan result (evidence); the app\'s identity may read those tags there and nowhere else.')
param scannedContainerName string = ''

@description('Required. Search service the roles are granted on.')
param searchServiceName string

@description('Required. Application Insights component telemetry is published to.')
param applicationInsightsName string

@description('Required. Object ID of the principal that gets the roles.')
param principalId string

@description('Required. Kind of principal: ServicePrincipal for a managed identity, User or Group for people.')
param principalType principalKind

@description('Required. True for the function app\'s own identity: the Functions host keeps its state in the host account and publishes telemetry, which needs more than the app code does.')
param functionHost bool

@description('Kinds of principal a role can be assigned to.')
type principalKind = 'ServicePrincipal' | 'User' | 'Group'

// Built-in role definition IDs (the same in every tenant).
// Storage Blob Data Owner: the Functions host's minimum role on its own storage account when
// AzureWebJobsStorage uses an identity (host keys, leases for timers and singletons). It also covers the
// deployment container: on a zip deploy the platform writes the package there, and reads it at start-up,
// with the app's identity (functionAppConfig.deployment.storage.authentication). Granted on the host account only.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
// Storage Blob Data Contributor: read/write/delete blobs. The app's identity holds it on its own containers only
// (evidence, data-protection); a developer on the data account.
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
// Storage Blob Delegator: get a user-delegation key (account-level action) to sign the short-lived read-only evidence links.
var storageBlobDelegator = 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
// Storage Table Data Contributor: the records (organisations, offerings, attestations, ...).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Storage Queue Data Contributor: search-index-updates, its poison queue, and the host's queue trigger.
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Search Index Data Contributor: upload, merge and delete documents and query the index.
var searchIndexDataContributor = '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
// Search Service Contributor: create and update the index definition, which only the deploying principal does
// (azd's postprovision hook runs create-search-index); the app's identity writes documents only, so it does not get it.
var searchServiceContributor = '7ca78c08-252a-4471-8644-bb5ff32d4ba0'
// Monitoring Metrics Publisher: send telemetry to Application Insights with an Entra token
// (APPLICATIONINSIGHTS_AUTHENTICATION_STRING = Authorization=AAD).
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

// On the data account as a whole: every table and queue there is the app's.
var storageRoles = functionHost
  ? [
      storageBlobDelegator
      storageTableDataContributor
      storageQueueDataContributor
    ]
  : [
      storageBlobDataContributor
      storageTableDataContributor
      storageQueueDataContributor
    ]

var searchRoles = functionHost
  ? [
      searchIndexDataContributor
    ]
  : [
      searchIndexDataContributor
      searchServiceContributor
    ]

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = if (functionHost) {
  name: hostStorageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' existing = {
  parent: storage
  name: 'default'
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' existing = [
  for containerName in appContainerNames: {
    parent: blobService
    name: containerName
  }
]

resource search 'Microsoft.Search/searchServices@2025-05-01' existing = {
  name: searchServiceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource hostAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (functionHost) {
  name: guid(hostStorage.id, principalId, storageBlobDataOwner)
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: principalId
    principalType: principalType
  }
}

resource containerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in (functionHost ? appContainerNames : []): {
    name: guid(appContainers[i].id, principalId, storageBlobDataContributor)
    scope: appContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
      principalId: principalId
      principalType: principalType
    }
  }
]

// Reading a blob's index tags (the malware scan's verdict) is a data action no built-in role short of Storage Blob Data
// Owner grants; this custom role grants only that, assigned on the scanned container.
var readsScanResults = functionHost && !empty(scannedContainerName)

resource scannedContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' existing = if (readsScanResults) {
  parent: blobService
  name: scannedContainerName
}

resource scanResultReader 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (readsScanResults) {
  name: guid(resourceGroup().id, 'evidence-scan-result-reader')
  properties: {
    roleName: 'Evidence scan result reader (${resourceGroup().name})'
    description: 'Reads blob index tags (the Defender for Storage malware scan result) and nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/tags/read'
        ]
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource scanResultAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (readsScanResults) {
  name: guid(scannedContainer.id, principalId, scanResultReader.id)
  scope: scannedContainer
  properties: {
    roleDefinitionId: scanResultReader.id
    principalId: principalId
    principalType: principalType
  }
}

resource searchAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in searchRoles: {
    name: guid(search.id, principalId, roleId)
    scope: search
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource telemetryAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (functionHost) {
  name: guid(applicationInsights.id, principalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: principalId
    principalType: principalType
  }
}
