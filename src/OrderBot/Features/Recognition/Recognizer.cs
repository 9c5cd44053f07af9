using System.Text;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Turns what a user typed in Teams (after @mention removal) into an intent and entities. Pure and table-driven:
/// no I/O, no clock of its own (the time comes in <see cref="RecognizerContext"/>), safe to share between threads.
/// Never throws for any text.
/// </summary>
/// <remarks>
/// Order of work: labelled identifiers ("PO 201120/1", "order 0100111111", "account 20-123456"), then date phrases,
/// then identifiers recognised by their shape, then country, supplier, status and hold, then the intent. Each
/// identifier or date is blanked once used, so "2020-10-03" never becomes an order number.
/// </remarks>
public sealed partial class Recognizer
{
    public RecognizerResult Recognize(string text, RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        text ??= string.Empty;

        var entities = new EntityBag();
        var clean = TextCleaner.Clean(text);
        var work = ExtractLabelledIdentifiers(BlankTimeZoneIds(clean), entities);
        work = DatePhrases.Extract(work, LocalCalendar.For(context), entities);
        work = ExtractShapedIdentifiers(work, entities);
        work = ExtractCountry(work, entities);
        ExtractSupplier(work, entities);
        var words = Normalize(work);
        ExtractStatusAndHold(words, entities);
        InferSupplierFromAccount(entities);
        ExtractLimits(Normalize(clean), entities);

        // A lone "?" is the shortest way to ask for help; other punctuation-only input is nothing.
        var intent = clean.Trim() is { Length: > 0 } trimmed && trimmed.All(c => c == '?')
            ? Intents.Help
            : DecideIntent(Normalize(clean), entities);
        return new RecognizerResult(text, intent, entities.ToDictionary());
    }

    /// <summary>Replaces a span with spaces, keeping every other index where it was.</summary>
    internal static string Blank(string text, int index, int length) =>
        string.Create(text.Length, (text, index, length), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            span.Slice(state.index, state.length).Fill(' ');
        });

    /// <summary>
    /// Lower case, letters and digits only (apostrophes kept for "what's"), words separated by one space and padded
    /// with a space at both ends so phrase tests can match whole words.
    /// </summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append(' ');
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || (c == '\'' && builder[^1] != ' '))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }
}
