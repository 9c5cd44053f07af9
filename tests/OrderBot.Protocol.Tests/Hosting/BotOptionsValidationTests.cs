using Microsoft.Extensions.Options;

namespace OrderBot.Protocol.Tests.Hosting;

public sealed class BotOptionsValidationTests
{
    [Theory]
    [InlineData("SingleTenant", "secret", null, "MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", null, null, "MicrosoftAppTenantId")]
    [InlineData("MultiTenant", null, null, "MicrosoftAppPassword")]
    [InlineData("Sometimes", "secret", null, "MicrosoftAppType")]
    public async Task Start_InvalidAuthConfig_FailsNamingTheKey(string type, string? password, string? tenant, string key)
    {
        var config = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = BotHost.AppId,
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(config));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HttpMetadataUrlOffLoopback_Fails()
    {
        var config = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = BotHost.AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = "http://login.example.com/v1/.well-known/openidconfiguration",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(config));

        Assert.Contains("ToBotFromChannelOpenIdMetadataUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadMaxRequestBytes_FailsNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxRequestBytes"] = "10" }));

        Assert.Contains("Bot:MaxRequestBytes", error.Message, StringComparison.Ordinal);
    }
}
