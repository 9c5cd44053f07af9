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

    public static IReadOnlyList<string> All { get; } =
        [Po, Order, Ref, Item, Supplier, Account, Country, Status, Hold, From, To];
}
