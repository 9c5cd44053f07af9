using System.Text;

namespace OrderBot.AdaptiveCards;

/// <summary>
/// Makes untrusted text (supplier text, order numbers, user input) safe for TextBlock and FactSet, which render a
/// markdown subset: no emphasis, links, lists, headings, quotes, code, HTML-ish tags or <c>&lt;at&gt;</c> mentions
/// can be injected. Every markdown punctuation character is backslash-escaped (CommonMark shows it literally),
/// bare URLs are broken so they do not auto-link, and line breaks become spaces so no line can start a block.
/// </summary>
public static class CardText
{
    private const string Special = "\\`*_[](){}#>-+!<>~|";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        text = text.Trim();
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                // A line break would let the next line start a list, heading or quote.
                builder.Append(' ');
            }
            else if (char.IsControl(c))
            {
                continue;
            }
            else if (NeedsEscape(text, i))
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        return c switch
        {
            // "1. text" (digits, dot, space) at the start of a block is a numbered list.
            '.' => (i > 0 && AllDigits(text.AsSpan(0, i)) && (i + 1 == text.Length || text[i + 1] == ' '))
                || EndsWithWww(text.AsSpan(0, i)),

            // "https://host" auto-links; an escaped colon does not.
            ':' => text.AsSpan(i + 1).StartsWith("//", StringComparison.Ordinal),
            _ => Special.Contains(c, StringComparison.Ordinal),
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
