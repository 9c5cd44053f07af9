// The Azure Bot resource (Bot Framework registration) and its Microsoft Teams channel. SingleTenant: new
// multi-tenant bot registrations are no longer accepted.

param botName string
param displayName string
param sku string
param microsoftAppId string
param microsoftAppTenantId string
param messagingEndpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output botName string = bot.name
