using OrderBot.Features.Recognition;
using OrderBot.Protocol.Routing;

namespace OrderBot.Features.Conversation;

/// <summary>
/// The seam to alert subscriptions: the conversation routes <c>alerts.*</c> intents and the <c>order.watch</c>,
/// <c>alerts.mute</c> and <c>alerts.unsubscribe</c> card verbs here. The subscriptions feature replaces the default.
/// </summary>
public interface ISubscriptionCommands
{
    /// <summary>Answers an <c>alerts.subscribe</c>, <c>alerts.unsubscribe</c> or <c>alerts.list</c> message.</summary>
    Task<Reply> HandleAsync(TurnContext turn, RecognizerResult recognized, CancellationToken cancellationToken);

    /// <summary>Answers a card click with one of the subscription verbs; <paramref name="data"/> holds the card's data keys.</summary>
    Task<Reply> HandleActionAsync(TurnContext turn, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken);

    /// <summary>The orders watched in the turn's conversation, <see cref="Cards.CardContext.WatchKey"/> → subscription id.</summary>
    Task<IReadOnlyDictionary<string, string>> WatchedOrdersAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Registered until the subscriptions feature is: answers politely instead of staying silent.</summary>
public sealed class UnavailableSubscriptionCommands : ISubscriptionCommands
{
    public const string Message = "Alerts aren't available yet.";

    public Task<Reply> HandleAsync(TurnContext turn, RecognizerResult recognized, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.FromText(Message));

    public Task<Reply> HandleActionAsync(TurnContext turn, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.FromText(Message));

    public Task<IReadOnlyDictionary<string, string>> WatchedOrdersAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
