using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using OrderBot.Hosting;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;

namespace OrderBot.Cli;

/// <summary>
/// The bot, composed exactly as the server composes it (suppliers, sandboxes when unconfigured, state), driven
/// in-process: each turn goes through the same <see cref="TurnPipeline"/> as <c>/api/messages</c>, and what the
/// bot sends is captured instead of posted to a Connector.
/// </summary>
internal sealed class CliSession : IActivitySender, IAsyncDisposable
{
    private const string UserId = "cli:user";
    private const string BotId = "cli:orderbot";

    private readonly WebApplication _app;
    private readonly TurnPipeline _pipeline;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<Activity> _sent = new();
    // Activity ids are unique across runs, as Teams' are: two runs on one store must not look like a re-delivery
    // to the shared de-duplication record.
    private readonly string _session = Guid.NewGuid().ToString("N")[..12];
    private long _nextId;

    private CliSession(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        _pipeline = app.Services.GetRequiredService<TurnPipeline>();
    }

    /// <summary>Starts the app with <paramref name="hostArgs"/> (e.g. <c>--Storage:Sqlite:Path=…</c>) on a loopback port nobody calls.</summary>
    public static async Task<CliSession> StartAsync(string[] hostArgs, TimeProvider? clock, CancellationToken cancellationToken)
    {
        clock ??= TimeProvider.System;
        var builder = WebApplication.CreateBuilder(hostArgs);
        // The CLI must not take the server's port, nor print the host's logs between answers.
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        builder.Logging.ClearProviders();

        // One turn, printed once: a late supplier is "did not answer in time" (no card to update afterwards).
        builder.Configuration["Conversation:LateAnswerWindow"] ??= "00:00:00";
        Program.Compose(builder, clock);
        builder.AddConversation();
        var app = builder.Build();
        await app.StartAsync(cancellationToken);
        return new CliSession(app, clock);
    }

    /// <summary>The composed app's services (tests reach its stores through them).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>Sends a typed message; returns what the bot sent (typing indicators left out).</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string text, CancellationToken cancellationToken)
    {
        var activity = Inbound(ActivityTypes.Message);
        activity.Text = text;
        await _pipeline.ProcessAsync(activity, this, _app.Services, isAuthenticated: false, cancellationToken);
        return Drain();
    }

    /// <summary>Clicks an Action.Execute: returns the invoke response and anything sent meanwhile.</summary>
    public async Task<(InvokeResponse? Response, IReadOnlyList<Activity> Sent)> ExecuteAsync(string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var activity = Inbound(ActivityTypes.Invoke);
        activity.Name = "adaptiveCard/action";
        activity.Value = JsonSerializer.SerializeToElement(
            new AdaptiveCardInvokeValue { Action = new AdaptiveCardAction { Type = "Action.Execute", Verb = verb, Data = data } },
            ProtocolJsonContext.Default.AdaptiveCardInvokeValue);
        var response = await _pipeline.ProcessAsync(activity, this, _app.Services, isAuthenticated: false, cancellationToken);
        return (response, Drain());
    }

    /// <summary>Clicks an Action.Submit: the data arrives as <c>message.value</c>.</summary>
    public async Task<IReadOnlyList<Activity>> SubmitAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var activity = Inbound(ActivityTypes.Message);
        activity.Value = data;
        await _pipeline.ProcessAsync(activity, this, _app.Services, isAuthenticated: false, cancellationToken);
        return Drain();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    Task<ResourceResponse> IActivitySender.SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.Id ??= NextId();
        if (!activity.IsType(ActivityTypes.Typing))
        {
            _sent.Enqueue(activity);
        }

        return Task.FromResult(new ResourceResponse { Id = activity.Id });
    }

    Task<ResourceResponse> IActivitySender.UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        _sent.Enqueue(activity);
        return Task.FromResult(new ResourceResponse { Id = activity.Id });
    }

    Task IActivitySender.DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    private Activity Inbound(string type) => new()
    {
        Type = type,
        Id = NextId(),
        ChannelId = "cli",
        ServiceUrl = "http://127.0.0.1/cli/",
        From = new ChannelAccount { Id = UserId, Name = Environment.UserName },
        Recipient = new ChannelAccount { Id = BotId, Name = "OrderBot" },
        Conversation = new ConversationAccount { Id = "cli:" + Environment.UserName, ConversationType = "personal" },
        Timestamp = _clock.GetUtcNow(),
        Locale = CultureInfo.CurrentCulture.Name is { Length: > 0 } name ? name : "en-GB",
        LocalTimezone = TimeZoneInfo.Local.Id,
    };

    private List<Activity> Drain()
    {
        var replies = new List<Activity>();
        while (_sent.TryDequeue(out var activity))
        {
            replies.Add(activity);
        }

        return replies;
    }

    private string NextId() => "cli-" + _session + "-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
