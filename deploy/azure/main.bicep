// OrderBot on Azure: App Service (Linux container, N instances) + PostgreSQL Flexible Server + Key Vault
// (secrets read through Key Vault references by a user-assigned managed identity) + Azure Bot (SingleTenant)
// with the Microsoft Teams channel.
// The Entra app registration is created beforehand (deploy/README.md); Bicep only receives its id and secret.
//   az deployment group create -g <rg> -f deploy/azure/main.bicep -p deploy/azure/main.bicepparam

targetScope = 'resourceGroup'

@description('Short lowercase prefix for resource names, e.g. "orderbot". Key Vault and PostgreSQL names add a unique suffix.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'orderbot'

@description('Region for everything but the bot resource (which is global).')
param location string = resourceGroup().location

@description('Application (client) ID of the SingleTenant Entra app registration the bot signs in as.')
param microsoftAppId string

@description('Tenant of that app registration.')
param microsoftAppTenantId string = tenant().tenantId

@description('Client secret of the app registration (stored in Key Vault only).')
@secure()
param microsoftAppPassword string

@description('Container image to run, e.g. myregistry.azurecr.io/orderbot:1.0.0.')
param containerImage string

@description('Name of an Azure Container Registry in this resource group to pull from with the managed identity; empty for a public image.')
param containerRegistryName string = ''

@description('App Service plan SKU; P0v3 or higher for production (Always On, scale out).')
param appServiceSku string = 'P0v3'

@description('Number of OrderBot instances. Two or more are safe: state and alert leases live in PostgreSQL.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'orderbotadmin'

@description('PostgreSQL administrator password (stored in Key Vault inside the connection string).')
@secure()
param postgresAdminPassword string

@description('PostgreSQL compute SKU.')
param postgresSku string = 'Standard_B1ms'

@description('PostgreSQL compute tier matching postgresSku.')
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

@description('Ingram Micro OrderLookupAPI base URL.')
param ingramBaseUrl string

@description('Ingram Micro OAuth client id.')
param ingramClientId string

@description('Ingram Micro OAuth client secret (stored in Key Vault only).')
@secure()
param ingramClientSecret string

@description('Ingram Micro customer number (IM-CustomerNumber).')
param ingramCustomerNumber string

@description('Schneider Electric Order Status API base URL.')
param schneiderBaseUrl string

@description('Schneider Electric API key (stored in Key Vault only).')
@secure()
param schneiderApiKey string

@description('OTLP endpoint for traces and metrics; empty to disable export.')
param otlpEndpoint string = ''

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

var suffix = uniqueString(resourceGroup().id, namePrefix)
var keyVaultName = take('${namePrefix}-kv-${suffix}', 24)
var postgresName = '${namePrefix}-pg-${suffix}'
var webAppName = '${namePrefix}-${suffix}'
var databaseName = 'orderbot'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
// Built-in role "AcrPull".
var acrPullRole = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id'
  location: location
}

module data 'data.bicep' = {
  name: 'orderbot-data'
  params: {
    location: location
    keyVaultName: keyVaultName
    postgresName: postgresName
    databaseName: databaseName
    postgresAdminLogin: postgresAdminLogin
    postgresAdminPassword: postgresAdminPassword
    postgresSku: postgresSku
    postgresTier: postgresTier
    microsoftAppPassword: microsoftAppPassword
    ingramClientSecret: ingramClientSecret
    schneiderApiKey: schneiderApiKey
    readerPrincipalId: identity.properties.principalId
    readerRoleDefinitionId: keyVaultSecretsUserRole
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(containerRegistryName)) {
  name: empty(containerRegistryName) ? 'unused' : containerRegistryName
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(containerRegistryName)) {
  name: guid(resourceGroup().id, containerRegistryName, identity.id, acrPullRole)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module app 'app.bicep' = {
  name: 'orderbot-app'
  dependsOn: [acrPull]
  params: {
    location: location
    webAppName: webAppName
    planName: '${namePrefix}-plan'
    appServiceSku: appServiceSku
    instanceCount: instanceCount
    containerImage: containerImage
    useRegistryIdentity: !empty(containerRegistryName)
    identityId: identity.id
    identityClientId: identity.properties.clientId
    microsoftAppId: microsoftAppId
    microsoftAppTenantId: microsoftAppTenantId
    secretUris: data.outputs.secretUris
    ingramBaseUrl: ingramBaseUrl
    ingramClientId: ingramClientId
    ingramCustomerNumber: ingramCustomerNumber
    schneiderBaseUrl: schneiderBaseUrl
    otlpEndpoint: otlpEndpoint
  }
}

module bot 'bot.bicep' = {
  name: 'orderbot-bot'
  params: {
    botName: '${namePrefix}-bot-${suffix}'
    displayName: 'OrderBot'
    sku: botSku
    microsoftAppId: microsoftAppId
    microsoftAppTenantId: microsoftAppTenantId
    messagingEndpoint: 'https://${app.outputs.defaultHostName}/api/messages'
  }
}

@description('Set this as the bot\'s messaging endpoint (already done on the Azure Bot resource).')
output messagingEndpoint string = 'https://${app.outputs.defaultHostName}/api/messages'

@description('Pass to `orderbot package --domain`.')
output botDomain string = app.outputs.defaultHostName

output keyVaultName string = keyVaultName
output postgresServerName string = postgresName
output webAppName string = webAppName
