using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Telemetry;
using Activity = OrderBot.Protocol.Schema.Activity;

namespace OrderBot.Protocol.Routing;

/// <summary>
/// Everything after authentication, shared by the HTTP endpoint and the TestKit adapter: de-duplication, tenant
/// allow-list, reference upsert / inactivation, routing, and the ONE error boundary of a turn.
/// </summary>
public sealed class TurnPipeline
{
    private readonly ActivityRouter _router;
    private readonly IConversationReferenceStore _store;
    private readonly ActivityDeduplicator _deduplicator;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TurnPipeline> _logger;
    private readonly ProtocolMetrics? _metrics;

    public TurnPipeline(
        ActivityRouter router,
        IConversationReferenceStore store,
        ActivityDeduplicator deduplicator,
        IOptions<BotOptions> options,
        TimeProvider time,
        ILogger<TurnPipeline> logger,
        ProtocolMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _router = router;
        _store = store;
        _deduplicator = deduplicator;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>
    /// Runs one turn. Returns the invoke response for invokes (never null for them), null otherwise.
    /// Exceptions from handlers never escape: the user gets an apology with the correlation id.
    /// The turn is one span <c>turn {type}</c> (child of the current activity, e.g. the ASP.NET Core request),
    /// one logging scope <see cref="TurnScope"/> and one <see cref="ProtocolMetrics"/> measurement.
    /// </summary>
    public async Task<InvokeResponse?> ProcessAsync(Activity activity, IActivitySender sender, IServiceProvider services, bool isAuthenticated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var start = _time.GetTimestamp();
        var type = ProtocolTelemetry.NormalizeType(activity.Type);
        var turn = new TurnContext(activity, sender, services, _time, isAuthenticated);
        using var span = StartSpan(type, activity, turn.CorrelationId);
        using var scope = _logger.BeginScope(new TurnScope(turn.CorrelationId, activity.Id, activity.Type, activity.Conversation?.Id));

        // Anything escaping the boundary below is the caller's cancellation.
        var outcome = TurnOutcomes.Cancelled;
        try
        {
            var (response, result) = await RunAsync(turn, span, cancellationToken);
            outcome = result;
            return response;
        }
        finally
        {
            span?.SetTag(ProtocolTelemetry.Tags.Outcome, outcome);
            _metrics?.TurnEnded(type, outcome, _time.GetElapsedTime(start));
        }
    }

    private async Task<(InvokeResponse? Response, string Outcome)> RunAsync(TurnContext turn, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var isInvoke = activity.IsType(ActivityTypes.Invoke);
        if (!await _deduplicator.TryRegisterAsync(activity, cancellationToken))
        {
            Log.Duplicate(_logger, activity.Id, activity.Conversation?.Id);
            return (isInvoke ? new InvokeResponse { StatusCode = 200 } : null, TurnOutcomes.Duplicate);
        }

        try
        {
            if (!IsTenantAllowed(activity))
            {
                Log.TenantNotAllowed(_logger, activity.GetTenantId(), activity.Type);
                if (activity.IsType(ActivityTypes.Message))
                {
                    await turn.SendAsync(_options.TenantNotAllowedMessage, cancellationToken);
                }

                return (isInvoke ? InvokeError(activity, 403, "TenantNotAllowed", _options.TenantNotAllowedMessage) : null, TurnOutcomes.TenantDenied);
            }

            await TrackReferenceAsync(activity, cancellationToken);
            var route = _router.Find(activity);
            if (route is null)
            {
                Log.Ignored(_logger, turn.CorrelationId, activity.Type, activity.Name);
                return (isInvoke ? InvokeError(activity, 501, "NotImplemented", $"Invoke '{EchoText.Cap(activity.Name)}' is not supported.") : null, TurnOutcomes.Ignored);
            }

            span?.SetTag(ProtocolTelemetry.Tags.Route, route.Name);
            Log.Routed(_logger, turn.CorrelationId, activity.Type, activity.Id, route.Name);
            await route.Handler(turn, cancellationToken);
            return (isInvoke ? turn.InvokeResponse ?? new InvokeResponse { StatusCode = 200 } : null, TurnOutcomes.Handled);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The one error boundary: log with the exception, give the user a neutral apology with the same id.
            // The span gets the exception's type only: its message may quote user input or a payload.
            Log.TurnFailed(_logger, ex, turn.CorrelationId, activity.Type, activity.Id);
            span?.SetStatus(ActivityStatusCode.Error);
            span?.SetTag(ProtocolTelemetry.Tags.ErrorType, ex.GetType().FullName);
            var apology = $"Sorry, something went wrong on my side. If you contact support, quote reference {turn.CorrelationId}.";
            if (isInvoke)
            {
                return (InvokeError(activity, 500, "InternalError", apology), TurnOutcomes.Failed);
            }

            if (activity.IsType(ActivityTypes.Message))
            {
                await TrySendApologyAsync(turn, apology, cancellationToken);
            }

            return (null, TurnOutcomes.Failed);
        }
    }

    /// <summary>
    /// An invoke that cannot be answered: the AC-UAM error envelope, except for message extensions, whose client
    /// shows anything but a <c>composeExtension</c> body as a bare error; they get the text as a message result.
    /// </summary>
    private static InvokeResponse InvokeError(Activity activity, int statusCode, string code, string message) =>
        activity.Name?.StartsWith("composeExtension/", StringComparison.OrdinalIgnoreCase) == true
            ? InvokeResponse.ComposeExtension(MessagingExtensionResult.Message(message))
            : InvokeResponse.Error(statusCode, code, message);

    private static System.Diagnostics.Activity? StartSpan(string type, Activity activity, string correlationId)
    {
        var span = ProtocolTelemetry.Source.StartActivity(ProtocolTelemetry.TurnSpanName(type));
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(ProtocolTelemetry.Tags.CorrelationId, correlationId);
            span.SetTag(ProtocolTelemetry.Tags.ActivityType, type);
            span.SetTag(ProtocolTelemetry.Tags.ActivityId, activity.Id);
            span.SetTag(ProtocolTelemetry.Tags.ChannelId, activity.ChannelId);
            span.SetTag(ProtocolTelemetry.Tags.ConversationType, activity.Conversation?.ConversationType);
        }

        return span;
    }

    private bool IsTenantAllowed(Activity activity)
    {
        if (_options.AllowedTenants.Count == 0)
        {
            return true;
        }

        var tenant = activity.GetTenantId();
        return tenant is not null && _options.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase);
    }

    private async Task TrackReferenceAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return;
        }

        var inactiveReason = InactiveReason(activity);
        if (inactiveReason is null)
        {
            await _store.UpsertAsync(activity.GetConversationReference(), cancellationToken);
            return;
        }

        await _store.MarkInactiveAsync(conversationId, inactiveReason, cancellationToken);
        Log.MarkedInactive(_logger, conversationId, inactiveReason);
        if (activity.ChannelData?.Team?.Id is { Length: > 0 } teamId && !string.Equals(teamId, conversationId, StringComparison.Ordinal))
        {
            await _store.MarkInactiveAsync(teamId, inactiveReason, cancellationToken);
        }
    }

    /// <summary>Why the activity ends the bot's presence in the conversation, or null.</summary>
    internal static string? InactiveReason(Activity activity)
    {
        if (activity.IsType(ActivityTypes.InstallationUpdate)
            && string.Equals(activity.Action, ProtocolNames.InstallRemove, StringComparison.OrdinalIgnoreCase))
        {
            return "app uninstalled";
        }

        if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            if (activity.IsBotRemoved())
            {
                return "bot removed";
            }

            var eventType = activity.ChannelData?.EventType;
            if (string.Equals(eventType, ProtocolNames.TeamDeleted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(eventType, ProtocolNames.TeamHardDeleted, StringComparison.OrdinalIgnoreCase))
            {
                return "team deleted";
            }
        }

        return null;
    }

    private async Task TrySendApologyAsync(TurnContext turn, string apology, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendAsync(apology, cancellationToken);
        }
        catch (Exception ex) when (ex is Connector.ConnectorException or BotTokenException or HttpRequestException or TaskCanceledException
            or ArgumentException or NotSupportedException)
        {
            // ArgumentException/NotSupportedException: an activity with no usable conversation or serviceUrl (the
            // HTTP endpoint refuses those with 400; this keeps the boundary whole for other callers).
            Log.ApologyFailed(_logger, ex, turn.CorrelationId);
        }
    }
}
