using System.Text.RegularExpressions;

namespace OrderBot.Protocol.Schema;

/// <summary>Removes the bot's own @mention from message text (reference §1.6).</summary>
public static partial class MentionText
{
    private static readonly char[] TrimChars = [' ', '\t', '\r', '\n', '\u00A0'];

    /// <summary>
    /// Removes every mention of <c>activity.recipient</c> from <c>activity.text</c> and returns the trimmed result.
    /// Entities are matched by <c>mentioned.id == recipient.id</c>; their <c>text</c> is removed case-insensitively.
    /// Because Teams may put <c>&lt;at&gt;@Name&lt;/at&gt;</c> in the entity but <c>&lt;at&gt;Name&lt;/at&gt;</c> in the text,
    /// <c>&lt;at&gt;</c> spans whose inner text is the mentioned name (with or without <c>@</c>) are removed too.
    /// Mentions of other users stay untouched.
    /// </summary>
    public static string? RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        if (text is null)
        {
            return null;
        }

        var recipientId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(recipientId) || activity.Entities is null)
        {
            return text.Trim(TrimChars);
        }

        foreach (var entity in activity.Entities)
        {
            if (!entity.IsMention || !string.Equals(entity.Mentioned?.Id, recipientId, StringComparison.Ordinal))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, string.Empty, StringComparison.OrdinalIgnoreCase);
            }

            var names = new List<string>(2);
            if (!string.IsNullOrEmpty(entity.Mentioned?.Name))
            {
                names.Add(entity.Mentioned.Name);
            }

            var entityInner = InnerOfAt(entity.Text);
            if (!string.IsNullOrEmpty(entityInner))
            {
                names.Add(entityInner);
            }

            foreach (var name in names)
            {
                text = RemoveAtSpans(text, name.TrimStart('@'));
            }
        }

        return text.Trim(TrimChars);
    }

    private static string RemoveAtSpans(string text, string name) =>
        AtSpan().Replace(text, match =>
        {
            var inner = match.Groups["inner"].Value.Trim(TrimChars).TrimStart('@');
            return string.Equals(inner, name, StringComparison.OrdinalIgnoreCase) ? string.Empty : match.Value;
        });

    private static string? InnerOfAt(string? markup)
    {
        if (markup is null)
        {
            return null;
        }

        var match = AtSpan().Match(markup);
        return match.Success ? match.Groups["inner"].Value : null;
    }

    [GeneratedRegex("<at>(?<inner>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtSpan();
}
