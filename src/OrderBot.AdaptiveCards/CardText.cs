using System.Text;

namespace OrderBot.AdaptiveCards;

/// <summary>
/// Makes untrusted text (supplier text, order numbers, user input) safe for TextBlock and FactSet, which render a
/// markdown subset: no emphasis, links, lists, headings, quotes, code, HTML-ish tags or <c>&lt;at&gt;</c> mentions
/// can be injected. Escapes use CommonMark backslashes, which Teams shows as the literal character.
/// </summary>
/// <remarks>
/// Escaping is kept to what can actually form markup, because a client that ignores an escape shows the backslash
/// (older Teams mobile builds did): <c>\ ` * _ [ ] ( ) &lt; &gt; ~</c> always; <c># &gt; - +</c> and "1." only at
/// the start, the one place a block can begin once line breaks are folded into spaces; the colon of "://" and the
/// dot of "www." so bare URLs do not auto-link; and "{{" so card template functions such as {{DATE(...)}} do not run.
/// </remarks>
public static class CardText
{
    // No parentheses: without a "[" (always escaped) they cannot form a link, and an escaped "\(ACOP\)" showed its
    // backslashes in renderers that do not read markdown.
    private const string Always = "\\`*_[]<>~";
    private const string AtStart = "#>-+";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length + 8);
        for (var i = 0; i < folded.Length; i++)
        {
            if (NeedsEscape(folded, i))
            {
                builder.Append('\\');
            }

            builder.Append(folded[i]);
        }

        return builder.ToString();
    }

    // Line breaks become spaces (a new line could start a list, heading or quote); other control characters go.
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        return c switch
        {
            _ when Always.Contains(c, StringComparison.Ordinal) => true,
            _ when i == 0 && AtStart.Contains(c, StringComparison.Ordinal) => true,

            // "1. text" (digits, dot, space) at the start is a numbered list.
            '.' => (i > 0 && AllDigits(text.AsSpan(0, i)) && (i + 1 == text.Length || text[i + 1] == ' '))
                || EndsWithWww(text.AsSpan(0, i)),
            ':' => text.AsSpan(i + 1).StartsWith("//", StringComparison.Ordinal),
            '{' => i + 1 < text.Length && text[i + 1] == '{',
            _ => false,
        };
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // "www.host" auto-links in GitHub-flavoured markdown, which Teams follows.
    private static bool EndsWithWww(ReadOnlySpan<char> span) =>
        span.EndsWith("www", StringComparison.OrdinalIgnoreCase)
        && (span.Length == 3 || !char.IsLetterOrDigit(span[^4]));
}
