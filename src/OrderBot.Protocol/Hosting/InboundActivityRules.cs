using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Hosting;

/// <summary>
/// What an inbound activity must carry before a turn runs, as a pure function: an id-bearing conversation and an
/// absolute http(s) serviceUrl to answer on, and no id longer than <see cref="MaxIdLength"/> (ids become store keys
/// and de-duplication entries, so a flood of huge ids would otherwise grow memory and the database). Names are
/// display text only: they are truncated to <see cref="MaxNameLength"/> rather than rejected. Null members of
/// <c>membersAdded</c>/<c>membersRemoved</c>/<c>entities</c>/<c>attachments</c> are dropped.
/// </summary>
public static class InboundActivityRules
{
    /// <summary>Longest accepted id or serviceUrl. Teams ids are well under 200 characters, thread ids included.</summary>
    public const int MaxIdLength = 1024;

    /// <summary>Names (user, bot, conversation) are cut to this length.</summary>
    public const int MaxNameLength = 256;

    /// <summary>
    /// Normalizes <paramref name="activity"/> in place (nulls dropped, names truncated) and returns why it cannot be
    /// processed, naming the field, or null when it can.
    /// </summary>
    public static string? Check(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Normalize(activity);

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "activity has no conversation.id, so there is nowhere to answer";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "activity has no serviceUrl, so there is nowhere to answer";
        }

        if (activity.ServiceUrl.Length > MaxIdLength)
        {
            return $"serviceUrl is longer than {MaxIdLength} characters";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri)
            || (serviceUri.Scheme != Uri.UriSchemeHttps && serviceUri.Scheme != Uri.UriSchemeHttp))
        {
            return "serviceUrl must be an absolute http or https URL";
        }

        return TooLong("id", activity.Id)
            ?? TooLong("replyToId", activity.ReplyToId)
            ?? TooLong("channelId", activity.ChannelId)
            ?? TooLong("conversation.id", activity.Conversation.Id)
            ?? TooLong("conversation.tenantId", activity.Conversation.TenantId)
            ?? TooLong("from", activity.From)
            ?? TooLong("recipient", activity.Recipient)
            ?? TooLong("channelData.tenant.id", activity.ChannelData?.Tenant?.Id)
            ?? TooLong("channelData.team.id", activity.ChannelData?.Team?.Id)
            ?? TooLong("channelData.channel.id", activity.ChannelData?.Channel?.Id)
            ?? TooLong("channelData.settings.selectedChannel.id", activity.ChannelData?.Settings?.SelectedChannel?.Id)
            ?? TooLong("membersAdded", activity.MembersAdded)
            ?? TooLong("membersRemoved", activity.MembersRemoved);
    }

    private static void Normalize(Activity activity)
    {
        activity.MembersAdded = WithoutNulls(activity.MembersAdded);
        activity.MembersRemoved = WithoutNulls(activity.MembersRemoved);
        activity.Entities = WithoutNulls(activity.Entities);
        activity.Attachments = WithoutNulls(activity.Attachments);
        activity.ReactionsAdded = WithoutNulls(activity.ReactionsAdded);
        activity.ReactionsRemoved = WithoutNulls(activity.ReactionsRemoved);
        Truncate(activity.From);
        Truncate(activity.Recipient);
        if (activity.Conversation is { } conversation)
        {
            conversation.Name = Truncate(conversation.Name);
        }

        foreach (var member in (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []))
        {
            Truncate(member);
        }
    }

    private static IList<T>? WithoutNulls<T>(IList<T>? items)
        where T : class =>
        items is null || !items.Contains(null!) ? items : items.Where(i => i is not null).ToList();

    private static void Truncate(ChannelAccount? account)
    {
        if (account is not null)
        {
            account.Name = Truncate(account.Name);
        }
    }

    private static string? Truncate(string? name) =>
        name is { Length: > MaxNameLength } ? name[..MaxNameLength] : name;

    private static string? TooLong(string field, string? value) =>
        value is { Length: > MaxIdLength } ? $"{field} is longer than {MaxIdLength} characters" : null;

    private static string? TooLong(string field, ChannelAccount? account) =>
        account is null ? null : TooLong(field + ".id", account.Id) ?? TooLong(field + ".aadObjectId", account.AadObjectId);

    private static string? TooLong(string field, IList<ChannelAccount>? members)
    {
        foreach (var member in members ?? [])
        {
            if (TooLong(field, member) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
