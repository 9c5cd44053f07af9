using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramTokenTests
{
    private static readonly SupplierScope Uk = new() { Country = "UK" };

    [Fact]
    public async Task FindByPoAsync_ManyCalls_OneToken()
    {
        await using var harness = await IngramHarness.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => harness.Supplier.FindByPoAsync("CUSTPO", Uk)));

        Assert.Equal(1, harness.Sandbox.Tokens.Issued);
    }

    [Fact]
    public async Task FindByPoAsync_TokenNearExpiry_RenewedAhead()
    {
        await using var harness = await IngramHarness.StartAsync(sandbox: s => s.TokenLifetime = TimeSpan.FromHours(1));
        Assert.True((await harness.Supplier.FindByPoAsync("CUSTPO", Uk)).Succeeded);

        harness.FakeClock.Advance(TimeSpan.FromMinutes(56));
        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(2, harness.Sandbox.Tokens.Issued);
        Assert.Equal(2, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_TokenRevoked_RenewsOnceAndRetries()
    {
        await using var harness = await IngramHarness.StartAsync();
        Assert.True((await harness.Supplier.FindByPoAsync("CUSTPO", Uk)).Succeeded);
        harness.Sandbox.Tokens.RevokeAll();

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(2, harness.Sandbox.Tokens.Issued);
        Assert.Equal(3, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_WrongSecret_IsAuthenticationFailed()
    {
        await using var harness = await IngramHarness.StartAsync(
            sandbox: s => (s.ClientId, s.ClientSecret) = ("app", "right"),
            client: o => (o.ClientId, o.ClientSecret) = ("app", "wrong"));

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.AuthenticationFailed, result.Problem?.Kind);
        Assert.Equal(0, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_TokenRejectedEveryTime_IsAuthenticationFailedAfterOneRenewal()
    {
        // The API refuses the first token and the renewed one: two 401s in a row end in AuthenticationFailed, not a loop.
        await using var harness = await IngramHarness.StartAsync();
        harness.Sandbox.Faults.FailNext(2, 401);

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.AuthenticationFailed, result.Problem?.Kind);
        Assert.Equal(2, harness.Sandbox.Tokens.Issued);
        Assert.Equal(2, harness.Sandbox.State.ApiCalls);
    }
}
