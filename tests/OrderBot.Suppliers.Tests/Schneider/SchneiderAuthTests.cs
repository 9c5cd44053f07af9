using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Schneider;

public sealed class SchneiderAuthTests
{
    [Fact]
    public async Task OAuth_SeveralCalls_UseOneCachedToken()
    {
        await using var host = await SchneiderTestHost.StartAsync(oauth: true);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.Client.GetOrderAsync("FR", "0100111111")));

        Assert.Equal(1, host.Sandbox.Stats.Tokens);
        Assert.Equal(0, host.Sandbox.Stats.Unauthorized);
        Assert.Equal(5, host.Sandbox.Stats.OrderDetails);
    }

    [Fact]
    public async Task OAuth_TokenNearExpiry_IsRenewedAheadWithoutA401()
    {
        await using var host = await SchneiderTestHost.StartAsync(oauth: true);
        await host.Client.GetOrderAsync("FR", "0100111111");

        host.Time.Advance(TimeSpan.FromMinutes(56));
        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.NotNull(response.Value);
        Assert.Equal(2, host.Sandbox.Stats.Tokens);
        Assert.Equal(0, host.Sandbox.Stats.Unauthorized);
    }

    [Fact]
    public async Task OAuth_TokenStillFresh_IsNotRenewed()
    {
        await using var host = await SchneiderTestHost.StartAsync(oauth: true);
        await host.Client.GetOrderAsync("FR", "0100111111");

        host.Time.Advance(TimeSpan.FromMinutes(50));
        await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.Equal(1, host.Sandbox.Stats.Tokens);
    }

    [Fact]
    public async Task OAuth_TokenRevokedByServer_RenewsOnceAndRetries()
    {
        await using var host = await SchneiderTestHost.StartAsync(oauth: true);
        await host.Client.GetOrderAsync("FR", "0100111111");

        host.Sandbox.Faults.ExpireTokens();
        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.NotNull(response.Value);
        Assert.Equal(2, host.Sandbox.Stats.Tokens);
        Assert.Equal(1, host.Sandbox.Stats.Unauthorized);
    }

    [Fact]
    public async Task OAuth_401AfterRenewal_IsAuthenticationFailedWithoutLooping()
    {
        // Tokens the server considers dead on arrival: the renewed token is refused too.
        await using var host = await SchneiderTestHost.StartAsync(s => s.TokenLifetime = TimeSpan.Zero, oauth: true);

        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.Equal(SupplierProblemKind.AuthenticationFailed, response.Problem!.Kind);
        Assert.Equal(2, host.Sandbox.Stats.Tokens);
        Assert.Equal(2, host.Sandbox.Stats.OrderDetails);
    }

    [Fact]
    public async Task OAuth_WrongClientSecret_IsAuthenticationFailed()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:ClientSecret"] = "wrong", oauth: true);

        var result = await host.Supplier.GetOrderAsync("0100111111", Model.SupplierScope.Default);

        Assert.Equal(SupplierProblemKind.AuthenticationFailed, result.Problem!.Kind);
        Assert.Equal(0, host.Sandbox.Stats.OrderDetails);
    }

    [Fact]
    public async Task ApiKey_CustomHeaderName_IsSent()
    {
        await using var host = await SchneiderTestHost.StartAsync(
            s => s.ApiKeyHeader = "x-se-apikey",
            c => c["Suppliers:Schneider:ApiKeyHeader"] = "x-se-apikey");

        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.NotNull(response.Value);
        Assert.Equal(0, host.Sandbox.Stats.Tokens);
    }
}
