// Log Analytics workspace and the workspace-based Application Insights component the function app reports to.

@description('Required. Name of the Log Analytics workspace.')
@minLength(4)
@maxLength(63)
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
@minLength(1)
@maxLength(260)
param applicationInsightsName string

@description('Required. Azure region for both resources.')
param location string

@description('Required. Tags for both resources.')
param tags { *: string }

@description('Optional. Days the workspace keeps logs (30 is the free retention of the PerGB2018 tier).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Telemetry only with an Entra token (the app's identity has Monitoring Metrics Publisher); the connection
    // string's key alone can no longer be used to send (or spoof) telemetry.
    DisableLocalAuth: true
  }
}

@description('Name of the Application Insights component; the app module reads its connection string by name, so it never travels as an output.')
output applicationInsightsName string = applicationInsights.name
