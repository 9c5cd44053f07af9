using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Hosting;
using OrderBot.State;

namespace OrderBot.Tests.Hosting;

public sealed class AppHostTests
{
    private const string PersonalInstall = """
        {"type":"conversationUpdate","id":"f:4d5e6f","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/teams/",
         "from":{"id":"29:1userABC","aadObjectId":"0f0f0f0f-1111-2222-3333-444444444444"},
         "recipient":{"id":"28:11111111-2222-3333-4444-555555555555","name":"OrderBot"},
         "conversation":{"id":"a:1personalXYZ","conversationType":"personal","tenantId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"},
         "membersAdded":[{"id":"29:1userABC"}],
         "channelData":{"tenant":{"id":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}}}
        """;

    [Fact]
    public async Task Start_DefaultConfiguration_IsAliveAndReadyWithBothSandboxes()
    {
        await using var host = await AppHost.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
        var ready = await host.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"store\":\"Healthy\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sandboxes = host.App.Services.GetRequiredService<SandboxServers>();
        Assert.NotNull(sandboxes.Schneider);
        Assert.NotNull(sandboxes.Ingram);
        Assert.True(File.Exists(Path.Combine(host.ContentRoot, "data", "orderbot.db")));
    }

    [Fact]
    public async Task Messages_InboundActivity_StoresConversationReferenceInSqlite()
    {
        await using var host = await AppHost.StartAsync();

        using var body = new StringContent(PersonalInstall, Encoding.UTF8, "application/json");
        var response = await host.Client.PostAsync("/api/messages", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await host.App.Services.GetRequiredService<ConversationReferenceStore>().GetAsync("a:1personalXYZ");
        Assert.NotNull(stored);
        Assert.Equal("https://smba.trafficmanager.net/teams/", stored.ServiceUrl);
        Assert.Equal("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", stored.TenantId);
        Assert.Equal("personal", stored.ConversationType);
        Assert.True(stored.IsActive);
    }

    [Fact]
    public async Task Start_SupplierBaseUrlConfigured_DoesNotStartThatSandbox()
    {
        await using var host = await AppHost.StartAsync(
            "--Suppliers:Ingram:BaseUrl=http://127.0.0.1:9",
            "--Suppliers:Ingram:ClientId=x",
            "--Suppliers:Ingram:ClientSecret=y",
            "--Suppliers:Ingram:CustomerNumber=20-000001");

        var sandboxes = host.App.Services.GetRequiredService<SandboxServers>();
        Assert.NotNull(sandboxes.Schneider);
        Assert.Null(sandboxes.Ingram);
    }

    [Fact]
    public async Task Messages_WatchPo_SubscriptionConfirmedThroughTheComposedApp()
    {
        await using var connector = await OrderBot.TestKit.Protocol.FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");
        var message = $$"""
            {"type":"message","id":"m1","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{"id":"conv-watch"},"text":"watch PO 201120/1","locale":"en-US"}
            """;

        using var body = new StringContent(message, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("/api/messages", body)).StatusCode);

        Assert.True(await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));
        var replies = connector.Requests.Where(r => r.Body.Contains("\"text\"", StringComparison.Ordinal)).Select(r => r.Body).ToList();
        Assert.Contains(replies, r => r.Contains("201120/1", StringComparison.Ordinal) && !r.Contains("aren't available", StringComparison.Ordinal));
        var subscriptions = await host.App.Services.GetRequiredService<ISubscriptionStore>().ListForConversationAsync("conv-watch");
        Assert.Single(subscriptions);
    }

    [Fact]
    public async Task Messages_WatchPoAlreadyOnHold_ConfirmationCarriesTheOrdersCardAsItStandsNow()
    {
        await using var connector = await OrderBot.TestKit.Protocol.FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");
        var message = $$"""
            {"type":"message","id":"m-watch-now","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{"id":"conv-watch-now"},"text":"watch PO 201120/1","locale":"en-US"}
            """;

        using var body = new StringContent(message, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("/api/messages", body)).StatusCode);

        Assert.True(await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));
        var reply = Assert.Single(connector.Requests, r => r.Body.Contains("\"attachments\"", StringComparison.Ordinal)).Json;
        Assert.StartsWith("Done: I'll post here when PO 201120/1", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        var card = reply.GetProperty("attachments")[0].GetProperty("content").GetRawText();
        Assert.Contains("Ingram Micro", card, StringComparison.Ordinal);
        Assert.Contains("hold", card, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Messages_WatchOrderAlreadyInvoiced_SaysNothingMoreShouldChangeInsteadOfPromisingAlerts()
    {
        await using var connector = await OrderBot.TestKit.Protocol.FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");
        var message = $$"""
            {"type":"message","id":"m-watch-final","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{"id":"conv-watch-final"},"text":"watch order 20-RD12K","locale":"en-US"}
            """;

        using var body = new StringContent(message, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("/api/messages", body)).StatusCode);

        Assert.True(await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));
        var reply = Assert.Single(connector.Requests, r => r.Body.Contains("\"attachments\"", StringComparison.Ordinal)).Json;
        var text = reply.GetProperty("text").GetString();
        Assert.StartsWith("Watching it here, but Ingram Micro order 20-RD12K is already invoiced: nothing more should change.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("I'll post here when", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_MalformedJson_Returns400AndKeepsServing()
    {
        await using var host = await AppHost.StartAsync();

        using var bad = new StringContent("{\"type\": ", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.PostAsync("/api/messages", bad)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
    }
}
