// The function app: a Flex Consumption plan and one Linux function app running the Marketplace.Functions
// custom handler (host.json -> customHandler). The app has a system-assigned identity; rbac.bicep gives it
// its data roles. No key or connection secret is configured anywhere: storage, search and the deployment
// container are all reached with that identity.

@description('Required. Function app name; also the host name <name>.azurewebsites.net, so unique in Azure.')
@minLength(2)
@maxLength(60)
param name string

@description('Required. Flex Consumption plan name.')
@minLength(1)
@maxLength(60)
param planName string

@description('Required. Azure region of the plan and the app.')
param location string

@description('Required. Tags for the plan; the app gets these plus azd-service-name.')
param tags { *: string }

@description('Optional. The azd service this app hosts (azure.yaml services key); azd finds the app by this tag.')
param serviceName string = 'api'

@description('Required. The host\'s own storage account (AzureWebJobsStorage, reached by identity): host state only, never the app\'s data.')
param hostStorageAccountName string

@description('Required. URL of the private blob container the plan deploys the app package from.')
param deploymentContainerUrl string

@description('Required. Table service endpoint, for Storage__TableUri.')
param tableEndpoint string

@description('Required. Blob service endpoint, for Storage__BlobUri.')
param blobEndpoint string

@description('Required. Queue service endpoint, for Storage__QueueUri.')
param queueEndpoint string

@description('Required. Azure AI Search endpoint, for Search__Endpoint.')
param searchEndpoint string

@description('Optional. Search index the app writes and queries, for Search__IndexName.')
param searchIndexName string = 'offerings'

@description('Required. Application Insights component the app reports to; its connection string is read here by name.')
param applicationInsightsName string

@description('Required. Entra ID sign-in authority host, for AzureAd__Instance.')
param entraInstance string

@description('Required. Entra ID tenant that issues the API\'s tokens, for AzureAd__TenantId.')
param entraTenantId string

@description('Optional. Application (client) ID of the API\'s Entra app registration, for AzureAd__ClientId. Empty until the registration exists.')
param entraClientId string = ''

@description('Required. URI of the Key Vault whose certificate encrypts the Data Protection key ring at rest.')
param keyVaultUri string

@description('Required. Name of that certificate.')
param dataProtectionCertificateName string

@description('Optional. Name of the certificate in that Key Vault that is the app registration\'s client credential for web sign-in (infra/README.md, "The Entra ID app registration"); empty leaves web sign-in without one.')
param webSignInCertificateName string = ''

@description('Optional. Upper bound on instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Memory of each instance, in MB. Not 512: the app bounds its heap at 640 MiB (Marketplace.Functions.csproj).')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Flex Consumption runtime version for the custom handler stack; must be a version the plan catalogues for "custom".')
param runtimeVersion string = '1.0'

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux.
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The package is a self-contained linux-x64 executable started by the Functions host as a custom
      // handler; Flex Consumption takes the stack from here, not from FUNCTIONS_WORKER_RUNTIME.
      runtime: {
        name: 'custom'
        version: runtimeVersion
      }
    }
  }
}

// Deployments use Entra ID (azd and the Azure CLI send a bearer token); no publishing passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Microsoft.Identity.Web reads the web sign-in's client credential from Key Vault with the app's own identity
// (Certificate User + Secrets User on the vault, keyvault.bicep). Only set once the certificate exists.
var webSignInSettings = empty(webSignInCertificateName)
  ? {}
  : {
      AzureAd__ClientCredentials__0__SourceType: 'KeyVault'
      AzureAd__ClientCredentials__0__KeyVaultUrl: keyVaultUri
      AzureAd__ClientCredentials__0__KeyVaultCertificateName: webSignInCertificateName
    }

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union({
      // Functions host state, by identity (the system-assigned one, as no clientId is given).
      AzureWebJobsStorage__accountName: hostStorageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      // The queue triggers' connection (function.json "connection": "DataStorage"): the background queues live on the
      // data account beside the records, not on the host's account.
      DataStorage__queueServiceUri: queueEndpoint
      DataStorage__credential: 'managedidentity'
      // "/" reaches the app (which answers it) instead of the host's splash page.
      AzureWebJobsDisableHomepage: 'true'
      // Telemetry is sent with an Entra token of the app's identity (Monitoring Metrics Publisher), not the key.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
      // Read by the app (StorageOptions, SearchOptions, Microsoft.Identity.Web); '__' is ':' in configuration keys.
      Storage__TableUri: tableEndpoint
      Storage__BlobUri: blobEndpoint
      Storage__QueueUri: queueEndpoint
      Search__Provider: 'AzureAISearch'
      Search__Endpoint: searchEndpoint
      Search__IndexName: searchIndexName
      AzureAd__Instance: entraInstance
      AzureAd__TenantId: entraTenantId
      AzureAd__ClientId: entraClientId
      // One Data Protection key ring for every instance: blobs (data-protection container) encrypted to this certificate.
      DataProtection__KeyVaultUri: keyVaultUri
      DataProtection__CertificateName: dataProtectionCertificateName
      ASPNETCORE_ENVIRONMENT: 'Production'
    }, webSignInSettings)
}

@description('Name of the function app.')
output name string = site.name

@description('Default host name of the function app, e.g. for its base URL.')
output defaultHostName string = site.properties.defaultHostName

@description('Object (principal) ID of the app\'s system-assigned identity, for role assignments.')
output principalId string = site.identity.principalId
