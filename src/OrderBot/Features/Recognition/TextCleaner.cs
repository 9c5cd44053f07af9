using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>Turns what Teams delivered into plain text: mention leftovers, markup, entities and odd spaces removed.</summary>
internal static partial class TextCleaner
{
    /// <summary>Nobody types an order question this long; the rest is echoed but not analysed, which bounds the cost of junk.</summary>
    public const int MaxAnalyzedLength = 1000;

    public static string Clean(string text)
    {
        var span = text.Length > MaxAnalyzedLength ? text[..MaxAnalyzedLength] : text;
        if (span.Contains('<', StringComparison.Ordinal))
        {
            span = MentionPattern().Replace(span, " ");
            span = TagPattern().Replace(span, " ");
        }

        if (span.Contains('&', StringComparison.Ordinal))
        {
            span = WebUtility.HtmlDecode(span);
        }

        var builder = new StringBuilder(span.Length);
        foreach (var c in span)
        {
            // Zero-width spaces, joiners, BOMs and direction marks (Unicode "format" characters) are invisible: a
            // PO pasted from a web page or mail often carries one inside it ("2011\u200B20/1"). Drop them entirely.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(c switch
            {
                '\u2019' or '\u2018' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' or '\u2011' or '\u2212' => '-',
                '\uFF03' => '#',
                _ when char.IsWhiteSpace(c) || char.IsControl(c) => ' ',
                _ => c,
            });
        }

        var clean = FixSlips(builder.ToString());
        return ShortWord().IsMatch(clean) ? ShortWord().Replace(clean, static m => m.Value.All(char.IsAsciiLetterUpper) ? m.Value : Spelled(m.Value)) : clean;
    }

    /// <summary>
    /// Chat shorthand for the words a date or a period is read from ("due next wk", "since yday"); in capitals
    /// ("PO TMR") it may be an identifier and stays.
    /// </summary>
    private static string Spelled(string shorthand) => shorthand.ToLowerInvariant() switch
    {
        "wk" => "week",
        "wks" => "weeks",
        "mth" or "mnth" => "month",
        "mths" or "mnths" => "months",
        "yday" or "yest" or "ystd" => "yesterday",
        "tdy" => "today",
        _ => "tomorrow",
    };

    [GeneratedRegex(@"(?<![\w'/-])(?:wks?|mn?ths?|yday|yest|ystd|tdy|tmrw|tmrow|tmw|tmr|2moro|2morrow|tomoz)(?![\w'/-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortWord();

    [GeneratedRegex(@"<at\b[^>]{0,200}>.{0,200}?</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"</?[a-z][^<>]{0,200}>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
