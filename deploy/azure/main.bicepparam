// Example parameters; secrets come from the environment so they never land in a file:
//   export ORDERBOT_APP_PASSWORD=... ORDERBOT_PG_PASSWORD=... INGRAM_CLIENT_SECRET=... SCHNEIDER_API_KEY=...
using 'main.bicep'

param namePrefix = 'orderbot'
param microsoftAppId = '00000000-0000-0000-0000-000000000000'
param containerImage = 'myregistry.azurecr.io/orderbot:1.0.0'
param containerRegistryName = 'myregistry'
param instanceCount = 2
param microsoftAppPassword = readEnvironmentVariable('ORDERBOT_APP_PASSWORD')
param postgresAdminPassword = readEnvironmentVariable('ORDERBOT_PG_PASSWORD')
param ingramBaseUrl = 'https://api.ingrammicro.com'
param ingramClientId = 'your-ingram-client-id'
param ingramClientSecret = readEnvironmentVariable('INGRAM_CLIENT_SECRET')
param ingramCustomerNumber = '20-222222'
param schneiderBaseUrl = 'https://api.se.com/v1/supply-chain/partner-order-status'
param schneiderApiKey = readEnvironmentVariable('SCHNEIDER_API_KEY')
param otlpEndpoint = ''
