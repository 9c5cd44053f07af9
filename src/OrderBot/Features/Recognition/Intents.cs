namespace OrderBot.Features.Recognition;

/// <summary>The intent names the recognizer emits (public: printed by <c>orderbot recognize</c>).</summary>
public static class Intents
{
    public const string OrderStatus = "order.status";
    public const string OrderList = "order.list";
    public const string OrderItems = "order.items";
    public const string ShipmentTrack = "shipment.track";
    public const string AlertsSubscribe = "alerts.subscribe";
    public const string AlertsUnsubscribe = "alerts.unsubscribe";
    public const string AlertsList = "alerts.list";
    public const string SettingsSet = "settings.set";
    public const string Help = "help";

    /// <summary>"settings", "what time zone are you using": shows the saved settings.</summary>
    public const string SettingsShow = "settings.show";

    /// <summary>"thanks", "hi there", "merci": a short human answer (entity <see cref="EntityKeys.Say"/>).</summary>
    public const string Smalltalk = "smalltalk";

    /// <summary>"cancel PO X", "change the quantity on order Y": something only the supplier can do.</summary>
    public const string OrderChange = "order.change";

    /// <summary>"what does hold code CH mean": answered from the code tables, no supplier call.</summary>
    public const string HoldCodeExplain = "holdcode.explain";

    /// <summary>"which order has serial SN12345", "tracking 1Z999AA10123456784": the order carrying a serial, tracking
    /// number, part or end customer's PO (entities <see cref="EntityKeys.Serial"/>, <see cref="EntityKeys.Tracking"/>,
    /// <see cref="EntityKeys.Catalog"/>, <see cref="EntityKeys.EndUserPo"/>).</summary>
    public const string OrderFind = "order.find";

    /// <summary>"export open orders to excel": a list (the <see cref="OrderList"/> filters) or an order's lines as a file.</summary>
    public const string OrderExport = "order.export";

    /// <summary>"post a digest here every weekday at 8:00" (entities <see cref="EntityKeys.Time"/>, <see cref="EntityKeys.Days"/>).</summary>
    public const string DigestSubscribe = "digest.subscribe";

    /// <summary>"stop the digest".</summary>
    public const string DigestUnsubscribe = "digest.unsubscribe";

    /// <summary>"digest now", "give me today's summary".</summary>
    public const string DigestNow = "digest.now";
    public const string None = "none";
}

/// <summary>The entity keys, in the stable order they are written.</summary>
public static class EntityKeys
{
    public const string Po = "po";
    public const string Order = "order";
    public const string Ref = "ref";
    public const string Item = "item";
    public const string Supplier = "supplier";
    public const string Account = "account";
    public const string Country = "country";
    public const string Status = "status";
    public const string Hold = "hold";
    public const string From = "from";
    public const string To = "to";

    /// <summary>Which date <see cref="From"/>/<see cref="To"/> are about: <c>shipped</c>, <c>due</c> or <c>changed</c> (absent: ordered).</summary>
    public const string DateOn = "dateOn";

    /// <summary>"late", "overdue": delivery date passed and not shipped.</summary>
    public const string Late = "late";

    /// <summary>A hold code asked about ("what does CH mean").</summary>
    public const string Code = "code";

    /// <summary>A filter the bot understood but cannot apply, in words ("end customer Acme", "hold age").</summary>
    public const string Unsupported = "unsupported";

    /// <summary>Another PO or order in the same message, answered separately.</summary>
    public const string More = "more";

    /// <summary>A product's catalog number ("item LV438570", "part A9N18388"): found within an order's lines, never searched for.</summary>
    public const string Catalog = "catalog";

    /// <summary>"on hold for more than 3 days": the number of days (weeks are counted as 7).</summary>
    public const string HeldDays = "heldDays";

    /// <summary>The one value a question about one order asks for, to lead the answer: <c>why</c>, <c>eta</c>, <c>serials</c>, <c>pro</c>, <c>share</c>.</summary>
    public const string Ask = "ask";

    /// <summary>A time zone to save, as an IANA id ("UK time" is <c>Europe/London</c>).</summary>
    public const string TimeZone = "timezone";

    /// <summary>A language to save, ISO 639-1 lower case.</summary>
    public const string Language = "language";

    /// <summary>A date format to save: <c>mdy</c>, <c>dmy</c> or <c>iso</c>.</summary>
    public const string DateFormat = "dateFormat";

    /// <summary>What kind of small talk: <c>hello</c>, <c>thanks</c>, <c>bye</c>, <c>ok</c>.</summary>
    public const string Say = "say";

    /// <summary>A serial number to find the order of, upper case ("which order has serial SN12345").</summary>
    public const string Serial = "serial";

    /// <summary>A carrier tracking number to find the order of, upper case, spaces dropped.</summary>
    public const string Tracking = "tracking";

    /// <summary>The end customer's own PO, as typed ("end customer PO ACME-77").</summary>
    public const string EndUserPo = "endUserPo";

    /// <summary>An export's file format: <c>csv</c> or <c>xlsx</c>.</summary>
    public const string Format = "format";

    /// <summary>A digest's time of day, <c>HH:mm</c> (24 h).</summary>
    public const string Time = "time";

    /// <summary>A digest's days: <c>weekdays</c> or <c>daily</c>.</summary>
    public const string Days = "days";

    public static IReadOnlyList<string> All { get; } =
        [Po, Order, Ref, Item, Supplier, Account, Country, Status, Hold, From, To, DateOn, Late, Code, Unsupported, More, Catalog, HeldDays, Ask, TimeZone, Language, DateFormat, Say,
         Serial, Tracking, EndUserPo, Format, Time, Days];
}
