using System.Text.Json;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Routing;

/// <summary>Handles one turn.</summary>
public delegate Task TurnHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>Handles an invoke and returns the body to write back.</summary>
public delegate Task<InvokeResponse> InvokeHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>Handles an Action.Execute click; the action is already parsed and checked.</summary>
public delegate Task<InvokeResponse> AdaptiveCardActionHandler(TurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken);

/// <summary>Handles a <c>composeExtension/*</c> invoke whose value is already parsed.</summary>
public delegate Task<InvokeResponse> ComposeExtensionHandler<in TValue>(TurnContext turn, TValue value, CancellationToken cancellationToken);

/// <summary>
/// The route table: (selector → handler) rows tried in registration order; the first match handles the turn.
/// Activities no row selects are acknowledged with 200 and logged as ignored.
/// </summary>
public sealed class ActivityRouter
{
    private readonly List<Route> _routes = [];

    /// <summary>The rows, in order.</summary>
    public IReadOnlyList<Route> Routes => _routes;

    /// <summary>Adds a row.</summary>
    public ActivityRouter Map(string name, Func<Activity, bool> selector, TurnHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(handler);
        _routes.Add(new Route(name, selector, handler));
        return this;
    }

    /// <summary>A message with text (the bot mention is already stripped in <see cref="TurnContext.Text"/>).</summary>
    public ActivityRouter OnMessage(TurnHandler handler) =>
        Map("message", a => a.IsType(ActivityTypes.Message) && !IsCardSubmit(a), handler);

    /// <summary>An Action.Submit click: a message with <c>value</c> and no text.</summary>
    public ActivityRouter OnCardSubmit(TurnHandler handler) =>
        Map("card-submit", a => a.IsType(ActivityTypes.Message) && IsCardSubmit(a), handler);

    /// <summary>
    /// An Action.Execute click (invoke <c>adaptiveCard/action</c>). A malformed value (missing, or action type other
    /// than Action.Execute) is answered with statusCode 400 <c>application/vnd.microsoft.error</c> without calling the handler.
    /// </summary>
    public ActivityRouter OnAdaptiveCardAction(AdaptiveCardActionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return OnInvoke(ProtocolNames.AdaptiveCardActionInvoke, async (turn, ct) =>
        {
            var value = ReadCardAction(turn.Activity);
            if (value?.Action is null || !string.Equals(value.Action.Type, ProtocolNames.ActionExecute, StringComparison.Ordinal))
            {
                return InvokeResponse.Error(400, "BadRequest", "Expected value.action of type Action.Execute.");
            }

            return await handler(turn, value, ct);
        });
    }

    /// <summary>A message extension search (<c>composeExtension/query</c>).</summary>
    public ActivityRouter OnComposeExtensionQuery(ComposeExtensionHandler<MessagingExtensionQuery> handler) =>
        OnComposeExtension(ProtocolNames.ComposeExtensionQuery, ProtocolJsonContext.Default.MessagingExtensionQuery, handler);

    /// <summary>A pasted link of a domain in the manifest's <c>messageHandlers</c> (<c>composeExtension/queryLink</c>).</summary>
    public ActivityRouter OnComposeExtensionQueryLink(ComposeExtensionHandler<AppBasedLinkQuery> handler) =>
        OnComposeExtension(ProtocolNames.ComposeExtensionQueryLink, ProtocolJsonContext.Default.AppBasedLinkQuery, handler);

    /// <summary>An action command asking for its task module (<c>composeExtension/fetchTask</c>).</summary>
    public ActivityRouter OnComposeExtensionFetchTask(ComposeExtensionHandler<MessagingExtensionAction> handler) =>
        OnComposeExtension(ProtocolNames.ComposeExtensionFetchTask, ProtocolJsonContext.Default.MessagingExtensionAction, handler);

    /// <summary>An action command's task module submitted (<c>composeExtension/submitAction</c>).</summary>
    public ActivityRouter OnComposeExtensionSubmitAction(ComposeExtensionHandler<MessagingExtensionAction> handler) =>
        OnComposeExtension(ProtocolNames.ComposeExtensionSubmitAction, ProtocolJsonContext.Default.MessagingExtensionAction, handler);

    /// <summary>
    /// A value that is not an object of the expected shape is answered with a composeExtension <c>message</c> result
    /// (shown in the flyout, HTTP 200) without calling the handler: Teams shows any other body as an error bubble.
    /// </summary>
    private ActivityRouter OnComposeExtension<TValue>(string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TValue> type, ComposeExtensionHandler<TValue> handler)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        return OnInvoke(name, async (turn, ct) => ReadValue(turn.Activity, type) is { } value
            ? await handler(turn, value, ct)
            : InvokeResponse.ComposeExtension(MessagingExtensionResult.Message(MalformedComposeExtensionValue)));
    }

    /// <summary>What a malformed <c>composeExtension/*</c> value is answered with.</summary>
    public const string MalformedComposeExtensionValue = "Sorry, I couldn't read that request. Try again, or ask me in a chat.";

    /// <summary>An invoke with the given name; the handler's result becomes the HTTP body.</summary>
    public ActivityRouter OnInvoke(string name, InvokeHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map("invoke:" + name,
            a => a.IsType(ActivityTypes.Invoke) && string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase),
            async (turn, ct) => turn.InvokeResponse = await handler(turn, ct));
    }

    /// <summary>conversationUpdate with membersAdded (use <see cref="RoutingExtensions.IsBotAdded"/> for the bot itself).</summary>
    public ActivityRouter OnMembersAdded(TurnHandler handler) =>
        Map("members-added", a => a.IsType(ActivityTypes.ConversationUpdate) && a.MembersAdded is { Count: > 0 }, handler);

    /// <summary>installationUpdate (action add, remove, add-upgrade, remove-upgrade or anything new).</summary>
    public ActivityRouter OnInstallationUpdate(TurnHandler handler) =>
        Map("installation-update", a => a.IsType(ActivityTypes.InstallationUpdate), handler);

    internal Route? Find(Activity activity)
    {
        foreach (var route in _routes)
        {
            if (route.Selector(activity))
            {
                return route;
            }
        }

        return null;
    }

    private static bool IsCardSubmit(Activity activity) =>
        activity.Value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } && string.IsNullOrWhiteSpace(activity.Text);

    private static AdaptiveCardInvokeValue? ReadCardAction(Activity activity) =>
        ReadValue(activity, ProtocolJsonContext.Default.AdaptiveCardInvokeValue);

    private static TValue? ReadValue<TValue>(Activity activity, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TValue> type)
        where TValue : class
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize(type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One row of the route table.</summary>
public sealed record Route(string Name, Func<Activity, bool> Selector, TurnHandler Handler);

/// <summary>Small predicates handlers use.</summary>
public static class RoutingExtensions
{
    /// <summary>True when the bot itself is among <c>membersAdded</c> (installed into the conversation).</summary>
    public static bool IsBotAdded(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.MembersAdded?.Any(m => string.Equals(m?.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true;
    }

    /// <summary>True when the bot itself is among <c>membersRemoved</c>.</summary>
    public static bool IsBotRemoved(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.MembersRemoved?.Any(m => string.Equals(m?.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true;
    }
}
