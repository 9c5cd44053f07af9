using System.Globalization;

namespace OrderBot.Protocol.Schema;

/// <summary>Conversation-reference, reply and threading helpers (BBD <c>ActivityEx</c>; TNET <c>ConversationExtensions</c>).</summary>
public static class ActivityExtensions
{
    /// <summary>Builds the reference to persist from an inbound activity: user = from, bot = recipient.</summary>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationReference
        {
            ActivityId = activity.Id,
            User = activity.From,
            Bot = activity.Recipient,
            Conversation = activity.Conversation,
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
            ServiceUrl = activity.ServiceUrl,
            TenantId = activity.GetTenantId(),
            TeamId = activity.ChannelData?.Team?.Id,
            TeamsChannelId = activity.ChannelData?.Channel?.Id ?? activity.ChannelData?.Settings?.SelectedChannel?.Id,
        };
    }

    /// <summary>
    /// Addresses an outbound activity with a stored reference: from = bot, recipient = user, conversation, channel,
    /// serviceUrl; <c>replyToId</c> = the reference's activity id unless <paramref name="isIncoming"/>.
    /// </summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.Locale ??= reference.Locale;
        if (isIncoming)
        {
            activity.From = reference.User;
            activity.Recipient = reference.Bot;
            activity.Id = reference.ActivityId ?? activity.Id;
        }
        else
        {
            activity.From = reference.Bot;
            activity.Recipient = reference.User;
            activity.ReplyToId = reference.ActivityId ?? activity.ReplyToId;
        }

        return activity;
    }

    /// <summary>Creates a message that replies to <paramref name="activity"/> (swapped from/recipient, replyToId set).</summary>
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = null,
            From = activity.Recipient is null ? null : new ChannelAccount { Id = activity.Recipient.Id, Name = activity.Recipient.Name },
            Recipient = activity.From is null ? null : new ChannelAccount { Id = activity.From.Id, Name = activity.From.Name },
            Conversation = activity.Conversation is null ? null : new ConversationAccount
            {
                Id = activity.Conversation.Id,
                Name = activity.Conversation.Name,
                IsGroup = activity.Conversation.IsGroup,
                ConversationType = activity.Conversation.ConversationType,
                TenantId = activity.Conversation.TenantId,
            },
            ReplyToId = activity.Id,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
            Text = text,
        };
    }

    /// <summary>
    /// Returns the id of a thread under <paramref name="rootMessageId"/> in a channel conversation:
    /// <c>{channelConversationId};messageid={rootMessageId}</c>. Any existing <c>;…</c> suffix is replaced.
    /// </summary>
    public static string ToThreadedConversationId(string conversationId, string rootMessageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootMessageId);
        if (!ulong.TryParse(rootMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) || numeric == 0)
        {
            throw new ArgumentException("A Teams root message id is a non-zero number.", nameof(rootMessageId));
        }

        var separator = conversationId.IndexOf(';', StringComparison.Ordinal);
        var baseId = separator >= 0 ? conversationId[..separator] : conversationId;
        return $"{baseId};messageid={rootMessageId}";
    }
}
