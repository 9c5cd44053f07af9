using System.Globalization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Recognition;

/// <summary>What the user asked: an intent from <see cref="Intents"/> and the entities found (keys from <see cref="EntityKeys"/>).</summary>
/// <param name="Text">The input, echoed.</param>
/// <param name="Intent">One of <see cref="Intents"/>.</param>
/// <param name="Entities">Only the entities found, in the stable order of <see cref="EntityKeys.All"/>.</param>
public sealed record RecognizerResult(string Text, string Intent, IReadOnlyDictionary<string, string> Entities)
{
    public string? Po => Get(EntityKeys.Po);

    public string? Order => Get(EntityKeys.Order);

    public string? Ref => Get(EntityKeys.Ref);

    public string? Item => Get(EntityKeys.Item);

    public string? Account => Get(EntityKeys.Account);

    /// <summary>ISO 3166 alpha-2, upper case ("UK" is already <c>GB</c>).</summary>
    public string? Country => Get(EntityKeys.Country);

    public SupplierId? Supplier =>
        SupplierNames.TryParseKey(Get(EntityKeys.Supplier), out var supplier) ? supplier : null;

    public OrderStatus? Status =>
        OrderStatusKeys.TryParseKey(Get(EntityKeys.Status), out var status) && status != OrderStatus.Unknown ? status : null;

    public HoldCategory? Hold =>
        Get(EntityKeys.Hold) is { } hold && Enum.TryParse<HoldCategory>(hold, ignoreCase: true, out var category) ? category : null;

    /// <summary>Inclusive first day of the date window, in the user's local calendar.</summary>
    public DateOnly? From => ParseDate(Get(EntityKeys.From));

    /// <summary>Inclusive last day of the date window, in the user's local calendar.</summary>
    public DateOnly? To => ParseDate(Get(EntityKeys.To));

    /// <summary>The identifier the user gave, whatever its kind (PO, order, or unqualified).</summary>
    public string? AnyIdentifier => Po ?? Order ?? Ref;

    /// <summary>Which date the window is about: <c>shipped</c>, <c>due</c>, <c>changed</c>; null means the order date.</summary>
    public string? DateOn => Get(EntityKeys.DateOn);

    /// <summary>"what's late": delivery date passed, not shipped.</summary>
    public bool Late => Get(EntityKeys.Late) is not null;

    /// <summary>What the user asked for that cannot be applied, in words.</summary>
    public string? Unsupported => Get(EntityKeys.Unsupported);

    /// <summary>A hold code asked about ("what does CH mean").</summary>
    public string? Code => Get(EntityKeys.Code);

    /// <summary>A second PO or order in the same message.</summary>
    public string? More => Get(EntityKeys.More);

    /// <summary>A product's catalog number asked about ("when will item LV438570 arrive").</summary>
    public string? Catalog => Get(EntityKeys.Catalog);

    /// <summary>"on hold for more than N days": N.</summary>
    public int? HeldDays => int.TryParse(Get(EntityKeys.HeldDays), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : null;

    /// <summary>The one value the question asks for: <c>why</c>, <c>eta</c>, <c>serials</c>, <c>pro</c>, <c>share</c>.</summary>
    public string? Ask => Get(EntityKeys.Ask);

    /// <summary>A time zone to save (IANA id).</summary>
    public string? TimeZone => Get(EntityKeys.TimeZone);

    /// <summary>A language to save (ISO 639-1).</summary>
    public string? Language => Get(EntityKeys.Language);

    /// <summary>A date format to save: <c>mdy</c>, <c>dmy</c>, <c>iso</c>.</summary>
    public string? DateFormat => Get(EntityKeys.DateFormat);

    /// <summary>Small talk: <c>hello</c>, <c>thanks</c>, <c>bye</c>, <c>ok</c>.</summary>
    public string? Say => Get(EntityKeys.Say);

    /// <summary>A serial number to find the order of (<see cref="Intents.OrderFind"/>), upper case.</summary>
    public string? Serial => Get(EntityKeys.Serial);

    /// <summary>A carrier tracking number to find the order of (<see cref="Intents.OrderFind"/>), upper case, no spaces.</summary>
    public string? Tracking => Get(EntityKeys.Tracking);

    /// <summary>The end customer's own PO to find the order of (<see cref="Intents.OrderFind"/>), as typed.</summary>
    public string? EndUserPo => Get(EntityKeys.EndUserPo);

    /// <summary>An export's file format (<see cref="Intents.OrderExport"/>): <c>csv</c> or <c>xlsx</c>; null when not said.</summary>
    public string? Format => Get(EntityKeys.Format);

    /// <summary>A digest's time of day (<see cref="Intents.DigestSubscribe"/>); null when not said.</summary>
    public TimeOnly? Time =>
        TimeOnly.TryParseExact(Get(EntityKeys.Time), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A digest's days (<see cref="Intents.DigestSubscribe"/>): <c>weekdays</c> or <c>daily</c>; null when not said.</summary>
    public string? Days => Get(EntityKeys.Days);

    /// <summary>
    /// Empty when the recognizer is sure of <see cref="Intent"/>; otherwise the two likeliest intents, best first
    /// (the first is <see cref="Intent"/>), so the bot can ask "Did you mean …?" instead of guessing.
    /// </summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>Every identifier of the message after the first (<see cref="More"/>, space-separated).</summary>
    public IReadOnlyList<string> MoreIdentifiers =>
        More is { } more ? more.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    private string? Get(string key) => Entities.TryGetValue(key, out var value) ? value : null;

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
