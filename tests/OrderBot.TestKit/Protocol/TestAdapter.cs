using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;

namespace OrderBot.TestKit.Protocol;

/// <summary>Conversation shapes the adapter can impersonate.</summary>
public enum TestConversationKind
{
    Personal,
    GroupChat,
    Channel,
}

/// <summary>
/// Runs the SAME router and turn pipeline as <c>/api/messages</c>, in-process and without HTTP or auth: our
/// replacement for Microsoft.Bot.Builder.Testing. Sent activities, updates and deletes are captured.
/// </summary>
public sealed class TestAdapter : IActivitySender
{
    public const string BotId = "28:11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private readonly TurnPipeline _pipeline;
    private readonly ConcurrentQueue<Activity> _sent = new();
    private readonly ConcurrentQueue<Activity> _updates = new();
    private readonly ConcurrentQueue<string> _deletes = new();
    private readonly IServiceProvider _services;
    private readonly SemaphoreSlim _sentSignal = new(0);
    private long _nextId = 1760000001000;
    private int _totalSent;

    public TestAdapter(ActivityRouter router, TestConversationKind kind = TestConversationKind.Personal, TimeProvider? time = null, IConversationReferenceStore? store = null, BotOptions? options = null, ILoggerFactory? loggerFactory = null, OrderBot.Protocol.Telemetry.ProtocolMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(router);
        Time = time ?? TimeProvider.System;
        Store = store ?? new InMemoryConversationReferenceStore(Time);
        var botOptions = Options.Create(options ?? new BotOptions());
        loggerFactory ??= Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        _pipeline = new TurnPipeline(router, Store, new ActivityDeduplicator(botOptions, Time), botOptions, Time, loggerFactory.CreateLogger<TurnPipeline>(), metrics);
        _services = new ServiceCollection().BuildServiceProvider();
        Kind = kind;
        (ConversationId, ConversationType) = kind switch
        {
            TestConversationKind.Channel => ("19:chan01@thread.tacv2;messageid=1759999999999", "channel"),
            TestConversationKind.GroupChat => ("19:group01@thread.v2", "groupChat"),
            _ => ("a:1personalXYZ", "personal"),
        };
    }

    public TestConversationKind Kind { get; }

    public TimeProvider Time { get; }

    public IConversationReferenceStore Store { get; }

    public string ConversationId { get; set; }

    public string ConversationType { get; set; }

    public ChannelAccount User { get; set; } = new() { Id = "29:1userABC", Name = "Dana Buyer", AadObjectId = "0f0f0f0f-1111-2222-3333-444444444444" };

    public ChannelAccount Bot { get; set; } = new() { Id = BotId, Name = "OrderBot" };

    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    public IReadOnlyList<Activity> Updates => _updates.ToArray();

    public IReadOnlyList<string> Deletes => _deletes.ToArray();

    /// <summary>Takes the oldest sent activity not yet taken, or null.</summary>
    public Activity? TakeReply() => _sent.TryDequeue(out var activity) ? activity : null;

    public int PendingReplies => _sent.Count;

    /// <summary>Activities sent since the adapter was created (taken or not).</summary>
    public int TotalSent => Volatile.Read(ref _totalSent);

    /// <summary>Waits (event-driven, no sleeping) until <paramref name="total"/> activities were sent; false on timeout.</summary>
    public async Task<bool> WaitForSentAsync(int total, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (TotalSent < total)
            {
                await _sentSignal.WaitAsync(cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return TotalSent >= total;
        }
    }

    /// <summary>Fills addressing defaults (ids, conversation, channel data) and runs the turn.</summary>
    public Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id ??= Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        activity.ChannelId ??= "msteams";
        activity.ServiceUrl ??= ServiceUrl;
        activity.From ??= User;
        activity.Recipient ??= Bot;
        activity.Conversation ??= new ConversationAccount
        {
            Id = ConversationId,
            ConversationType = ConversationType,
            IsGroup = Kind != TestConversationKind.Personal,
            TenantId = TenantId,
        };
        activity.ChannelData ??= new TeamsChannelData
        {
            Tenant = new TenantInfo { Id = TenantId },
            Team = Kind == TestConversationKind.Channel ? new TeamInfo { Id = "19:team01@thread.tacv2" } : null,
            Channel = Kind == TestConversationKind.Channel ? new ChannelInfo { Id = "19:chan01@thread.tacv2" } : null,
        };
        activity.Timestamp ??= Time.GetUtcNow();
        return _pipeline.ProcessAsync(activity, this, _services, isAuthenticated: true, cancellationToken);
    }

    /// <summary>A user message; in group chats and channels the bot mention is added as Teams does.</summary>
    public Activity MakeMessage(string text)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };
        if (Kind != TestConversationKind.Personal)
        {
            activity.Text = $"<at>{Bot.Name}</at> {text}";
            activity.Entities = [Entity.Mention(Bot)];
        }

        return activity;
    }

    /// <summary>An Action.Submit click: a message with value and no text.</summary>
    public static Activity MakeSubmit(string valueJson, string? replyToId = null) =>
        new() { Type = ActivityTypes.Message, Value = JsonDocument.Parse(valueJson).RootElement.Clone(), ReplyToId = replyToId };

    /// <summary>An invoke, e.g. <c>adaptiveCard/action</c>.</summary>
    public static Activity MakeInvoke(string name, string? valueJson, string? replyToId = null) =>
        new()
        {
            Type = ActivityTypes.Invoke,
            Name = name,
            Value = valueJson is null ? null : JsonDocument.Parse(valueJson).RootElement.Clone(),
            ReplyToId = replyToId,
        };

    Task<ResourceResponse> IActivitySender.SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        activity.Id ??= id;
        _sent.Enqueue(activity);
        Interlocked.Increment(ref _totalSent);
        _sentSignal.Release();
        return Task.FromResult(new ResourceResponse { Id = activity.Id });
    }

    Task<ResourceResponse> IActivitySender.UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        _updates.Enqueue(activity);
        return Task.FromResult(new ResourceResponse { Id = activity.Id });
    }

    Task IActivitySender.DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken)
    {
        _deletes.Enqueue(activityId);
        return Task.CompletedTask;
    }
}
