// State and secrets: PostgreSQL Flexible Server (the shared store for every instance) and a Key Vault holding the
// bot's app password, the supplier secrets and the database connection string.

param location string
param keyVaultName string
param postgresName string
param databaseName string
param postgresAdminLogin string
@secure()
param postgresAdminPassword string
param postgresSku string
param postgresTier string
@secure()
param microsoftAppPassword string
@secure()
param ingramClientSecret string
@secure()
param schneiderApiKey string
@description('Principal (the app\'s managed identity) allowed to read the secrets.')
param readerPrincipalId string
param readerRoleDefinitionId string

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresName
  location: location
  sku: {
    name: postgresSku
    tier: postgresTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's "allow Azure services" rule: App Service outbound addresses are shared and change.
// For a private deployment, replace with VNet integration and a private endpoint.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, readerRoleDefinitionId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', readerRoleDefinitionId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

var connectionString = 'Host=${postgres.properties.fullyQualifiedDomainName};Port=5432;Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: microsoftAppPassword
  }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'StoragePostgreSql'
  properties: {
    value: connectionString
  }
}

resource ingramSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'IngramClientSecret'
  properties: {
    value: ingramClientSecret
  }
}

resource schneiderSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'SchneiderApiKey'
  properties: {
    value: schneiderApiKey
  }
}

// Versionless URIs: App Service picks up a rotated secret within 24 h (or at once on restart).
output secretUris object = {
  microsoftAppPassword: appPasswordSecret.properties.secretUri
  storagePostgreSql: connectionStringSecret.properties.secretUri
  ingramClientSecret: ingramSecret.properties.secretUri
  schneiderApiKey: schneiderSecret.properties.secretUri
}
