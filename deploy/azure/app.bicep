// The bot's host: a Linux App Service running the OrderBot container, scaled to several instances. Secrets come
// from Key Vault references resolved with the user-assigned identity; nothing secret is stored in app settings.

param location string
param webAppName string
param planName string
param appServiceSku string
param instanceCount int
param containerImage string
param useRegistryIdentity bool
param identityId string
param identityClientId string
param microsoftAppId string
param microsoftAppTenantId string
@description('Versionless Key Vault secret URIs from data.bicep.')
param secretUris object
param ingramBaseUrl string
param ingramClientId string
param ingramCustomerNumber string
param schneiderBaseUrl string
param otlpEndpoint string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var keyVaultRef = 'Microsoft.KeyVault'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity rather than a system-assigned one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      acrUseManagedIdentityCreds: useRegistryIdentity
      acrUserManagedIdentityID: useRegistryIdentity ? identityClientId : null
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppId', value: microsoftAppId }
        { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
        { name: 'MicrosoftAppPassword', value: '@${keyVaultRef}(SecretUri=${secretUris.microsoftAppPassword})' }
        { name: 'Storage__PostgreSql', value: '@${keyVaultRef}(SecretUri=${secretUris.storagePostgreSql})' }
        { name: 'Suppliers__Ingram__BaseUrl', value: ingramBaseUrl }
        { name: 'Suppliers__Ingram__ClientId', value: ingramClientId }
        { name: 'Suppliers__Ingram__ClientSecret', value: '@${keyVaultRef}(SecretUri=${secretUris.ingramClientSecret})' }
        { name: 'Suppliers__Ingram__CustomerNumber', value: ingramCustomerNumber }
        { name: 'Suppliers__Schneider__BaseUrl', value: schneiderBaseUrl }
        { name: 'Suppliers__Schneider__ApiKey', value: '@${keyVaultRef}(SecretUri=${secretUris.schneiderApiKey})' }
        { name: 'Telemetry__OtlpEndpoint', value: otlpEndpoint }
      ]
    }
  }
}

output defaultHostName string = site.properties.defaultHostName
