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
    /// <summary>Below this confidence the result carries the two likeliest intents in <see cref="RecognizerResult.Alternatives"/>.</summary>
    public const double ConfidenceFloor = 0.5;

    /// <summary>Below the floor, the runner-up must reach this share of the winner's confidence for the result to ask.</summary>
    public const double CloseCall = 0.7;

    private readonly Lazy<IntentModel> _model;

    /// <summary>The recognizer over the process-wide intent model (built once, in the background at start-up).</summary>
    public Recognizer()
        : this(IntentModel.Shared)
    {
    }

    internal Recognizer(Lazy<IntentModel> model) => _model = model;

    /// <summary>Builds the intent model and the date models now (start-up warm-up), so no turn pays for them.</summary>
    public void WarmUp()
    {
        DateRecognition.WarmUp();
        Recognize("where is PO 201120/1 due next week", new RecognizerContext(DateTimeOffset.UnixEpoch));
    }

    public RecognizerResult Recognize(string text, RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        text ??= string.Empty;

        var entities = new EntityBag();
        var clean = TextCleaner.Clean(text);
        var words = Normalize(clean);
        var analysis = Analyze(clean, entities, context);
        ExtractStatusAndHold(Normalize(analysis.Rest), entities);
        ExtractLimits(words, entities);
        analysis = ExtractCapitalCode(clean, words, analysis, entities);
        if (FormatWords().Match(words) is { Success: true } format)
        {
            entities.Set(EntityKeys.Format, format.Groups["csv"].Success ? "csv" : "xlsx");
        }

        var (intent, alternatives) = DecideIntent(clean, words, analysis, entities);
        ApplyIntent(intent, words, entities);
        return new RecognizerResult(text, intent, entities.ToDictionary()) { Alternatives = alternatives };
    }

    /// <summary>
    /// The text the intent model reads: cleaned, identifiers replaced by one placeholder word, so "PO WATCH-1" reads as
    /// "PO X" and the model learns what the words around an identifier mean, never the identifier itself.
    /// </summary>
    internal static string ModelText(string text) =>
        Analyze(TextCleaner.Clean(text ?? string.Empty), new EntityBag(), new RecognizerContext(CorpusScore.DefaultNow)).Masked;

    /// <summary>What the deterministic extractors found: the text with everything used blanked, and the masked text.</summary>
    private readonly record struct Analysis(string Rest, string Masked, int Identifiers);

    private static Analysis Analyze(string clean, EntityBag entities, RecognizerContext context)
    {
        var found = new List<Found>();
        var work = ExtractSettingsValues(BlankTimeZoneIds(clean, entities), entities);
        work = ExtractSchedule(work, entities);
        work = ExtractFindIdentifiers(work, entities, found);
        work = ExtractLabelledIdentifiers(work, entities, found);
        work = ExtractShapedOrders(work, entities, found);
        work = ExtractCatalogInContext(work, entities, found);
        var due = DueDateCue().IsMatch(Normalize(clean)) && !ShippedDateCue().IsMatch(Normalize(clean));
        work = DateRecognition.Extract(work, LocalCalendar.For(context), context.Locale, due, entities);
        work = ExtractReference(work, entities, found, clean);
        AssignIdentifiers(found, entities);
        work = ExtractCountry(work, entities);
        ExtractSupplier(work, entities);
        return new Analysis(work, Mask(clean, found), found.Count(f => f.Key is EntityKeys.Po or EntityKeys.Order or EntityKeys.Ref));
    }

    private static string Mask(string clean, List<Found> found)
    {
        if (found.Count == 0)
        {
            return clean;
        }

        var builder = new StringBuilder(clean.Length);
        var at = 0;
        foreach (var span in found.OrderBy(f => f.Index))
        {
            if (span.Index < at)
            {
                continue;
            }

            builder.Append(clean, at, span.Index - at).Append('X');
            at = span.Index + span.Length;
        }

        return builder.Append(clean, at, clean.Length - at).ToString();
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
