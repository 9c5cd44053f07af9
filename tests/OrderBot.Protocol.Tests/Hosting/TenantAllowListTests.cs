using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Protocol.Telemetry;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Hosting;

public sealed class TenantAllowListTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = "bbbbbbbb-0000-0000-0000-000000000000" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Post_MessageFromOtherTenant_RepliesPolitelyWithoutHandling()
    {
        var activity = TestData.Activity("V6.json");
        activity.ServiceUrl = _connector.ServiceUrl;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _host.HandlerCalls);
        Assert.Contains("not enabled for your organization", Assert.Single(_connector.Requests).Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Null(await _host.Store.GetAsync("a:1personalXYZ"));
        Assert.Contains(_host.Logs.Entries, e => e.EventId.Id == 1013);
    }

    [Fact]
    public async Task Post_ConversationUpdateFromOtherTenant_NoReply()
    {
        var activity = TestData.Activity("V3.json");
        activity.ServiceUrl = _connector.ServiceUrl;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Post_MessageFromAllowedTenant_IsHandled()
    {
        var activity = TestData.Activity("V6.json");
        activity.ServiceUrl = _connector.ServiceUrl;
        activity.Conversation!.TenantId = "BBBBBBBB-0000-0000-0000-000000000000";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(1, _host.HandlerCalls);
    }

    [Fact]
    public async Task Post_OtherTenantThenAllowedTenant_CountedAsTenantDeniedThenHandled()
    {
        using var turns = new MetricCollector<long>(_host.Services.GetRequiredService<IMeterFactory>(), ProtocolTelemetry.Name, "orderbot.turns");
        var denied = TestData.Activity("V6.json");
        denied.ServiceUrl = _connector.ServiceUrl;
        var allowed = TestData.Activity("V6.json");
        allowed.Id = "allowed-1";
        allowed.ServiceUrl = _connector.ServiceUrl;
        allowed.Conversation!.TenantId = "bbbbbbbb-0000-0000-0000-000000000000";

        using (await _host.PostAsync(denied))
        using (await _host.PostAsync(allowed))
        {
        }

        Assert.Equal(
            [TurnOutcomes.TenantDenied, TurnOutcomes.Handled],
            turns.GetMeasurementSnapshot().Select(m => (string)m.Tags[ProtocolTelemetry.Tags.Outcome]!));
    }
}
