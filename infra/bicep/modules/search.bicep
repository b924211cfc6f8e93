// Azure AI Search service for the catalogue. Keys are disabled: the app and developers use Entra ID
// tokens and the Search roles given in rbac.bicep. The app creates and updates the index itself
// (AzureSearchCatalogueIndex), so no index is declared here.

@description('Required. Search service name: 2-60 lower-case letters, digits or dashes, unique in Azure.')
@minLength(2)
@maxLength(60)
param name string

@description('Required. Azure region of the service.')
param location string

@description('Required. Tags for the service.')
param tags { *: string }

@description('Optional. Pricing tier. Basic is the smallest paid tier; free is one per subscription, small and without an SLA.')
@allowed([
  'free'
  'basic'
  'standard'
  'standard2'
  'standard3'
])
param skuName string = 'basic'

@description('Optional. Replicas (query throughput and availability).')
@minValue(1)
@maxValue(12)
param replicaCount int = 1

@description('Optional. Partitions (index size and indexing throughput).')
@allowed([
  1
  2
  3
  4
  6
  12
])
param partitionCount int = 1

resource search 'Microsoft.Search/searchServices@2025-05-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    replicaCount: replicaCount
    partitionCount: partitionCount
    publicNetworkAccess: 'enabled'
    // Role-based access only: with local auth disabled, authOptions must be left out.
    disableLocalAuth: true
    // The catalogue ranks with BM25 and the simple query syntax; semantic ranking is a paid add-on it does not use.
    semanticSearch: 'disabled'
  }
}

@description('Name of the search service.')
output name string = search.name

@description('Endpoint of the search service, e.g. for Search__Endpoint.')
output endpoint string = search.properties.endpoint
