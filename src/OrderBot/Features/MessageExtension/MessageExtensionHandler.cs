using Microsoft.Extensions.Options;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Routing;
using TurnScope = OrderBot.Features.Conversation.TurnScope;
using OrderBot.Protocol.Schema;

namespace OrderBot.Features.MessageExtension;

/// <summary>
/// The Teams message extension: "Find order" searches from the compose box, order links unfurl, and "Share order
/// status" posts a card from a message's … menu. Every answer is the card the bot gives in chat, found through the
/// same recognizer and lookup, within <see cref="MessageExtensionOptions.QueryDeadline"/>; nothing here raises an
/// error bubble: what cannot be answered is said as a message result.
/// </summary>
public sealed partial class MessageExtensionHandler
{
    public const string FindOrderCommand = "findOrder";
    public const string ShareOrderCommand = "shareOrderStatus";
    public const string QueryParameter = "query";
    public const string PoInput = "po";

    internal const string Hint = "Type a PO or order number, e.g. 201120/1, PO CUSTPO or \"on hold at ingram\".";
    internal const string NotOurLink = "That isn't an OrderBot order link.";
    internal const string UnknownPlace = "OrderBot's message extension works in chats and channels; ask me there, or in a chat with OrderBot.";

    /// <summary>Conversation types the extension answers in (an invoke that names none, e.g. the Emulator's, is a chat).</summary>
    private static readonly HashSet<string> KnownConversationTypes = new(StringComparer.OrdinalIgnoreCase) { "personal", "groupChat", "channel" };

    /// <summary>The answer for an invoke from a conversation type the extension does not know, or null.</summary>
    private static InvokeResponse? Unsupported(TurnContext turn) =>
        turn.Activity.Conversation?.ConversationType is { Length: > 0 } type && !KnownConversationTypes.Contains(type)
            ? InvokeResponse.ComposeExtension(MessagingExtensionResult.Message(UnknownPlace))
            : null;

    private readonly Recognizer _recognizer;
    private readonly TurnScopes _scopes;
    private readonly OrderStatusService _orders;
    private readonly IOptions<MessageExtensionOptions> _options;
    private readonly TimeProvider _time;
    private readonly Find.OrderFinder? _finder;

    // finder: "serial SN12345", "tracking 1Z…" in the search box (AddFind); without it such searches get the hint.
    public MessageExtensionHandler(
        Recognizer recognizer,
        TurnScopes scopes,
        OrderStatusService orders,
        IOptions<MessageExtensionOptions> options,
        TimeProvider time,
        Find.OrderFinder? finder = null)
    {
        _recognizer = recognizer;
        _scopes = scopes;
        _orders = orders;
        _options = options;
        _time = time;
        _finder = finder;
    }

    private TimeSpan Budget => _options.Value.QueryDeadline;

    /// <summary><c>composeExtension/query</c>: one page of results; the initial run (no text) shows the watched orders.</summary>
    public async Task<InvokeResponse> OnQueryAsync(TurnContext turn, MessagingExtensionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(query);
        if (Unsupported(turn) is { } unsupported)
        {
            return unsupported;
        }

        var scope = await LoadScopeAsync(turn, cancellationToken);
        var text = query.Text(QueryParameter);
        var results = text is null
            ? await WatchedAsync(scope, cancellationToken)
            : await SearchAsync(scope, text, cancellationToken);
        if (results.Message is { } message)
        {
            return InvokeResponse.ComposeExtension(MessagingExtensionResult.Message(message));
        }

        var skip = Math.Max(0, query.QueryOptions?.Skip ?? 0);
        var count = Math.Clamp(query.QueryOptions?.Count ?? _options.Value.MaxResults, 1, _options.Value.MaxResults);
        return InvokeResponse.ComposeExtension(MessagingExtensionResult.List([.. results.Attachments.Skip(skip).Take(count)]));
    }

    /// <summary><c>composeExtension/queryLink</c>: an order link becomes the order's card.</summary>
    public async Task<InvokeResponse> OnQueryLinkAsync(TurnContext turn, AppBasedLinkQuery link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(link);
        if (Unsupported(turn) is { } unsupported)
        {
            return unsupported;
        }

        if (!OrderLinks.TryParse(link.Url, _options.Value.LinkHost, out var supplier, out var orderNumber))
        {
            return InvokeResponse.ComposeExtension(MessagingExtensionResult.Message(NotOurLink));
        }

        var scope = await LoadScopeAsync(turn, cancellationToken);
        var answer = await _orders.AnswerOrderWithinAsync(supplier, orderNumber, scope.Settings, scope.Card, Budget, cancellationToken);
        return InvokeResponse.ComposeExtension(MessagingExtensionResult.List([.. ResultsOf(answer, scope.Card, $"order {orderNumber}")]));
    }

    /// <summary><c>composeExtension/fetchTask</c>: the "Share order status" form, the PO taken from the message when it has one.</summary>
    public Task<InvokeResponse> OnFetchTaskAsync(TurnContext turn, MessagingExtensionAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (Unsupported(turn) is { } unsupported)
        {
            return Task.FromResult(unsupported);
        }

        var message = ShareOrderForm.PlainText(action.MessagePayload?.Body?.Content);
        string? po = null;
        if (!string.IsNullOrWhiteSpace(message))
        {
            var recognized = _recognizer.Recognize(message, RecognizerContextFor(turn));
            po = recognized.AnyIdentifier;
        }

        return Task.FromResult(InvokeResponse.TaskModule("Share order status", Reply.CardElement(ShareOrderForm.Build(po))));
    }

    /// <summary><c>composeExtension/submitAction</c>: the order's card, inserted into the message being written.</summary>
    public async Task<InvokeResponse> OnSubmitActionAsync(TurnContext turn, MessagingExtensionAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (Unsupported(turn) is { } unsupported)
        {
            return unsupported;
        }

        var data = ConversationBot.ReadData(action.Data);
        var text = data.GetValueOrDefault(PoInput)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return InvokeResponse.ComposeExtension(MessagingExtensionResult.Message(Hint));
        }

        var scope = await LoadScopeAsync(turn, cancellationToken);
        var results = await SearchAsync(scope, text, cancellationToken, share: true);
        return results.Message is { } message
            ? InvokeResponse.ComposeExtension(MessagingExtensionResult.Message(message))
            : InvokeResponse.ComposeExtension(MessagingExtensionResult.List([.. results.Attachments.Take(1)]));
    }

    private Task<TurnScope> LoadScopeAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _scopes.LoadAsync(turn, cancellationToken);

    private RecognizerContext RecognizerContextFor(TurnContext turn) =>
        new(_time.GetUtcNow(), turn.Activity.Locale, turn.Activity.LocalTimezone);

    /// <summary>Attachments to show, or the one message to show instead.</summary>
    private sealed record Results(IReadOnlyList<Attachment> Attachments, string? Message = null)
    {
        public static Results Say(string message) => new([], message);
    }
}
