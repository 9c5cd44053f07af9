using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// The real app over HTTP while another connection holds the SQLite write lock (as another process would): readiness
/// says so, reading turns still answer, writing turns say they cannot save.
/// </summary>
public sealed class DegradedStoreTests : IAsyncLifetime
{
    private readonly NightClock _clock = NightClock.AtThreeAmUk();
    private readonly RecordingLoggerProvider _logs = new();
    private FakeConnector _connector = null!;
    private AppHost _host = null!;
    private SqliteConnection? _locker;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await AppHost.StartAsync(_clock, b => b.Logging.AddProvider(_logs), "--Alerts:Enabled=false", "--Storage:Sqlite:BusyTimeoutMs=200");
    }

    public async Task DisposeAsync()
    {
        ReleaseLock();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private string DatabasePath => Path.Combine(_host.ContentRoot, "data", "orderbot.db");

    private void HoldWriteLock()
    {
        _locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        _locker.Open();
        using var begin = _locker.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        begin.ExecuteNonQuery();
    }

    private void ReleaseLock()
    {
        if (_locker is not null)
        {
            using (var rollback = _locker.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }

            _locker.Dispose();
            _locker = null;
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await _host.Client.GetAsync("/readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<string> SayAsync(string id, string text, string conversation = "conv-degraded", string? serviceUrl = null)
    {
        var before = _connector.Requests.Count;
        var message = $$"""
            {"type":"message","id":"{{id}}","channelId":"emulator","serviceUrl":"{{serviceUrl ?? _connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{"id":"{{conversation}}"},"text":"{{text}}","locale":"en-US"}
            """;
        using var body = new StringContent(message, Encoding.UTF8, "application/json");
        using var response = await _host.Client.PostAsync("/api/messages", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Each reply's text (unescaped) and its raw body (cards).
        var replies = _connector.Requests.Skip(before).Where(r => r.Json.GetProperty("type").GetString() == "message")
            .Select(r => (r.Json.TryGetProperty("text", out var t) ? t.GetString() : null) + "\n" + r.Body);
        return string.Join("\n", replies);
    }

    [Fact]
    public async Task Readyz_StoreCannotWrite_Returns503UnhealthyAndRecoversWhenItCan()
    {
        var (healthy, _) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, healthy);

        HoldWriteLock();
        _clock.Advance(TimeSpan.FromSeconds(10));
        var (locked, body) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("store").GetString());

        ReleaseLock();
        var (cached, _) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, cached);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var (recovered, _) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, recovered);
    }

    [Fact]
    public async Task Help_StoreCannotWrite_StillAnswersAndSkipsTheUnchangedReference()
    {
        Assert.Contains("AdaptiveCard", await SayAsync("m1", "help"), StringComparison.Ordinal);

        HoldWriteLock();
        var reply = await SayAsync("m2", "help");

        Assert.Contains("AdaptiveCard", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry, something went wrong", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning && e.EventId.Id != 1000 && e.Category.StartsWith("OrderBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_NewConversationWhileStoreCannotWrite_AnswersAndLogsTheSkippedReferenceWrite()
    {
        HoldWriteLock();

        var reply = await SayAsync("m1", "help", conversation: "conv-new");

        Assert.Contains("AdaptiveCard", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry, something went wrong", reply, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Exception is not null && e.Message.Contains("conversation reference", StringComparison.Ordinal));

        // Retried later: the next turn after the store recovers writes it.
        ReleaseLock();
        await SayAsync("m2", "help", conversation: "conv-new");
        var stored = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OrderBot.State.ConversationReferenceStore>(_host.App.Services).GetAsync("conv-new");
        Assert.NotNull(stored);
    }

    [Theory]
    [InlineData("watch PO 201120/1")]
    [InlineData("set my schneider country to FR")]
    public async Task WritingTurn_StoreCannotWrite_SaysItCannotSave(string text)
    {
        Assert.NotEmpty(await SayAsync("m1", "help"));
        HoldWriteLock();

        var reply = await SayAsync("m2", text);

        Assert.Contains("I can't save that right now — try again in a minute.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry, something went wrong", reply, StringComparison.Ordinal);
    }
}
