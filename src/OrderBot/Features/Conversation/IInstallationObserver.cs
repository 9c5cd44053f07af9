namespace OrderBot.Features.Conversation;

/// <summary>
/// Told when the bot is (re-)installed in a conversation — e.g. alerts resume subscriptions paused after Teams
/// said the bot had been removed (403 roster).
/// </summary>
public interface IInstallationObserver
{
    Task OnInstalledAsync(string conversationId, CancellationToken cancellationToken);
}
