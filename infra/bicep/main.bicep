// Telecare Marketplace: everything one environment needs, in a resource group of its own.
// Deployed at subscription scope (as azd's function quickstarts are) so the resource group is part of it.
// azd fills the parameters from main.parameters.json and saves the outputs into the environment.

targetScope = 'subscription'

@description('Required. Name of the environment (azd: AZURE_ENV_NAME); seeds every resource name and the azd-env-name tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Required. Azure region for every resource; it must offer the Flex Consumption plan.')
@minLength(1)
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional. Object ID of whoever runs the deployment (azd sets AZURE_PRINCIPAL_ID to the signed-in account). When set, that principal gets the data roles on storage and search, and Search Service Contributor, which azd\'s postprovision hook needs to create the search index. Empty grants nothing, and the index must then be created by someone who has that role.')
param principalId string = ''

@description('Optional. Kind of principal principalId is (azd: AZURE_PRINCIPAL_TYPE).')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Optional. Resource group to create; defaults to rg-<environmentName>.')
@maxLength(90)
param resourceGroupName string = ''

@description('Optional. Tables the app keeps its records in (the names in functions/Marketplace.Storage/StorageNames.cs).')
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
  'assessments'
  'registerimports'
  'aggregates'
  'competitions'
  'competitioninvitations'
  'candidates'
  'candidatelots'
]

@description('Optional. Azure AI Search pricing tier.')
@allowed([
  'free'
  'basic'
  'standard'
  'standard2'
  'standard3'
])
param searchSku string = 'basic'

@description('Optional. Search index the app queries (created by the create-search-index command).')
@minLength(2)
@maxLength(128)
param searchIndexName string = 'offerings'

@description('Optional. Upper bound on function app instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Entra ID sign-in authority host for the API\'s bearer tokens; defaults to this cloud\'s.')
param entraInstance string = environment().authentication.loginEndpoint

@description('Optional. Entra ID tenant whose tokens the API accepts; defaults to the tenant of the deployment.')
param entraTenantId string = tenant().tenantId

@description('Required. Application (client) ID of the API\'s Entra app registration; the app will not start without it. With azd: `azd env set AZURE_API_CLIENT_ID <client id>` before `azd provision` or `azd up`.')
@minLength(1)
param entraClientId string

@description('Optional. Name of the Key Vault certificate that is the app registration\'s client credential for web sign-in (azd: AZURE_WEB_SIGN_IN_CERTIFICATE; infra/README.md says how to make it). Empty: pages cannot sign in through Entra ID yet.')
param webSignInCertificateName string = ''

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// Names follow the Azure abbreviations (st, srch, func, plan, log, appi) plus the token; all within limits:
// storage 3-24 lower-case alphanumerics, search 2-60, function app 2-60.
var storageAccountName = 'st${token}'
var hostStorageAccountName = 'sth${token}'
var searchServiceName = 'srch-${token}'
var functionAppName = 'func-${token}'
var applicationInsightsName = 'appi-${token}'
var evidenceContainerName = 'evidence'
var dataProtectionContainerName = 'data-protection'
// Blob containers of the data account the app reads and writes (its blob role is scoped to these).
var appContainerNames = [
  evidenceContainerName
  dataProtectionContainerName
  'register-snapshots'
]
var keyVaultName = 'kv-${token}'
var dataProtectionCertificateName = 'data-protection'
var deploymentContainerName = 'deployment'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: 'log-${token}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    tableNames: tableNames
    containerNames: appContainerNames
    // Evidence comes from suppliers and is opened by commissioners and certifiers: scanned on upload.
    malwareScanning: true
    queueNames: [
      'search-index-updates'
      'search-index-updates-poison'
      'register-imports'
      'register-imports-poison'
      'aggregate-updates'
      'aggregate-updates-poison'
    ]
  }
}

module hostStorage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: hostStorageAccountName
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
    ]
  }
}

module search 'modules/search.bicep' = {
  scope: rg
  params: {
    name: searchServiceName
    location: location
    tags: tags
    skuName: searchSku
  }
}

module app 'modules/app.bicep' = {
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${token}'
    location: location
    tags: tags
    hostStorageAccountName: hostStorage.outputs.name
    deploymentContainerUrl: '${hostStorage.outputs.blobEndpoint}${deploymentContainerName}'

    tableEndpoint: storage.outputs.tableEndpoint
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    searchEndpoint: search.outputs.endpoint
    searchIndexName: searchIndexName
    applicationInsightsName: applicationInsightsName
    entraInstance: entraInstance
    entraTenantId: entraTenantId
    entraClientId: entraClientId
    keyVaultUri: 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/'
    dataProtectionCertificateName: dataProtectionCertificateName
    webSignInCertificateName: webSignInCertificateName
    maximumInstanceCount: maximumInstanceCount
  }
  // app.bicep reads the Application Insights connection string by name.
  dependsOn: [
    monitoring
  ]
}

// The role modules look the resources up by name. Passing the names (known before the deployment starts)
// rather than module outputs keeps What-If exact; appRoles waits for storage, search and monitoring
// through app, developerRoles names them.
module appRoles 'modules/rbac.bicep' = {
  scope: rg
  params: {
    storageAccountName: storageAccountName
    hostStorageAccountName: hostStorageAccountName
    appContainerNames: appContainerNames
    scannedContainerName: evidenceContainerName
    searchServiceName: searchServiceName
    applicationInsightsName: applicationInsightsName
    // A system-assigned identity's object ID exists only once the app does, and it belongs in the
    // assignment names (guid(scope, principal, role)): if the app is ever recreated, its new identity
    // gets new assignments instead of colliding with the old ones. What-If cannot predict it; that is
    // inherent, so this one use is exempt from the rule.
    #disable-next-line what-if-short-circuiting
    principalId: app.outputs.principalId
    principalType: 'ServicePrincipal'
    functionHost: true
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    // As for appRoles: the identity exists only once the app does.
    #disable-next-line what-if-short-circuiting
    appPrincipalId: app.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module developerRoles 'modules/rbac.bicep' = if (!empty(principalId)) {
  scope: rg
  params: {
    storageAccountName: storageAccountName
    searchServiceName: searchServiceName
    applicationInsightsName: applicationInsightsName
    principalId: principalId
    principalType: principalType
    functionHost: false
  }
  dependsOn: [
    storage
    search
    monitoring
  ]
}

@description('Region the environment is in.')
output AZURE_LOCATION string = location

@description('Tenant the environment is in.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding every resource of the environment.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the function app (azd deploys the api service to it).')
output AZURE_FUNCTION_APP_NAME string = app.outputs.name

@description('Base URL of the function app; routes are under /api.')
output AZURE_FUNCTION_APP_URL string = 'https://${app.outputs.defaultHostName}'

@description('Object ID of the function app\'s system-assigned identity.')
output AZURE_FUNCTION_APP_PRINCIPAL_ID string = app.outputs.principalId

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Table service endpoint (the app\'s Storage__TableUri).')
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint

@description('Blob service endpoint (the app\'s Storage__BlobUri).')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Queue service endpoint (the app\'s Storage__QueueUri).')
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint

@description('Name of the Azure AI Search service.')
output AZURE_SEARCH_SERVICE_NAME string = search.outputs.name

@description('Azure AI Search endpoint (the app\'s Search__Endpoint).')
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint

@description('Search index the app uses (the app\'s Search__IndexName).')
output AZURE_SEARCH_INDEX_NAME string = searchIndexName

@description('Name of the Application Insights component.')
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

@description('Key Vault holding the Data Protection certificate (postprovision creates the certificate).')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the Data Protection certificate in that vault (the app\'s DataProtection__CertificateName).')
output AZURE_DATA_PROTECTION_CERTIFICATE_NAME string = dataProtectionCertificateName
