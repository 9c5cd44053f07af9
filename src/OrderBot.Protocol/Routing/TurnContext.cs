using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Routing;

/// <summary>
/// One inbound activity being handled. Handlers reply through it; for invokes they set <see cref="InvokeResponse"/>.
/// </summary>
public sealed class TurnContext
{
    private readonly IActivitySender _sender;
    private readonly TimeProvider _time;

    internal TurnContext(Activity activity, IActivitySender sender, IServiceProvider services, TimeProvider time, bool isAuthenticated)
    {
        Activity = activity;
        _sender = sender;
        _time = time;
        Services = services;
        IsAuthenticated = isAuthenticated;
        Text = activity.RemoveRecipientMention();
        CorrelationId = Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>The inbound activity.</summary>
    public Activity Activity { get; }

    /// <summary>The message text with the bot's @mention removed and trimmed (null when no text).</summary>
    public string? Text { get; }

    /// <summary>Short id quoted to the user on errors and present in every log line of the turn.</summary>
    public string CorrelationId { get; }

    /// <summary>Request services, for handlers that need scoped dependencies.</summary>
    public IServiceProvider Services { get; }

    /// <summary>True when the request carried a validated token (false in auth-disabled mode).</summary>
    public bool IsAuthenticated { get; }

    /// <summary>The body written for an invoke; set by invoke handlers.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Every activity sent in this turn, in order (ids as returned by the Connector).</summary>
    public IReadOnlyList<ResourceResponse> Sent => _sent;

    private readonly List<ResourceResponse> _sent = [];

    /// <summary>Sends a plain text reply.</summary>
    public Task<ResourceResponse> SendAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Activity.CreateMessage(text), cancellationToken);

    /// <summary>Sends <paramref name="activity"/> as a reply in this conversation (addressing is filled in).</summary>
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Address(activity);
        activity.ReplyToId ??= Activity.Id;
        var response = await _sender.SendAsync(activity, cancellationToken);
        lock (_sent)
        {
            _sent.Add(response);
        }

        return response;
    }

    /// <summary>Replaces a message sent earlier; <paramref name="activity"/>.Id is the message to replace.</summary>
    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id);
        Address(activity);
        return _sender.UpdateAsync(activity, cancellationToken);
    }

    /// <summary>Deletes a message sent earlier.</summary>
    public Task DeleteAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return _sender.DeleteAsync(Activity.GetConversationReference(), activityId, cancellationToken);
    }

    /// <summary>
    /// Shows "typing…" while slow work runs: sends one typing activity now and then every 3 s (clients show it
    /// about 3 s; SPEC A6001 forbids more often) until disposed: <c>using var typing = turn.StartTyping();</c>.
    /// </summary>
    public TypingIndicator StartTyping(CancellationToken cancellationToken = default) =>
        new(this, _time, cancellationToken);

    internal Task SendTypingAsync(CancellationToken cancellationToken)
    {
        var typing = Activity.CreateTyping();
        Address(typing);
        return _sender.SendAsync(typing, cancellationToken);
    }

    private void Address(Activity outbound)
    {
        var reference = Activity.GetConversationReference();
        outbound.ChannelId ??= reference.ChannelId;
        outbound.ServiceUrl ??= reference.ServiceUrl;
        outbound.Conversation ??= reference.Conversation;
        outbound.From ??= reference.Bot;
        outbound.Recipient ??= reference.User;
    }
}
