namespace OrderBot.Protocol.Schema;

/// <summary>
/// Activity <c>type</c> values as string constants: the set is open-ended (new types appear at any time),
/// so an enum that throws on an unknown value would break the turn.
/// </summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string EndOfConversation = "endOfConversation";
}

/// <summary>Well-known invoke names, installation actions, Teams event types, channel ids and content types.</summary>
public static class ProtocolNames
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
    public const string ActionExecute = "Action.Execute";
    public const string ComposeExtensionQuery = "composeExtension/query";
    public const string ComposeExtensionQueryLink = "composeExtension/queryLink";
    public const string ComposeExtensionFetchTask = "composeExtension/fetchTask";
    public const string ComposeExtensionSubmitAction = "composeExtension/submitAction";
    public const string InstallAdd = "add";
    public const string InstallRemove = "remove";
    public const string InstallAddUpgrade = "add-upgrade";
    public const string InstallRemoveUpgrade = "remove-upgrade";
    public const string TeamDeleted = "teamDeleted";
    public const string TeamHardDeleted = "teamHardDeleted";
    public const string MsTeamsChannel = "msteams";
    public const string EmulatorChannel = "emulator";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageContentType = "application/vnd.microsoft.activity.message";
    public const string ErrorContentType = "application/vnd.microsoft.error";
    public const string ThumbnailCardContentType = "application/vnd.microsoft.card.thumbnail";
    public const string MentionEntityType = "mention";
}
