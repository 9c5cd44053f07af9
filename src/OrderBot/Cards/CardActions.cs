using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Cards;

/// <summary>
/// The one action-data contract between OrderBot's cards and its dialog handlers. Every button that reaches the bot
/// is an <c>Action.Execute</c> with a <see cref="Verbs">verb</see> and string <see cref="Keys">data</see>; its
/// <c>Action.Submit</c> fallback carries the same data plus <c>"verb"</c>, so an old client's submit arrives as
/// <c>message.value</c> = <c>{"verb": …, …}</c> and both paths read the same keys.
/// </summary>
public static class CardActions
{
    /// <summary>Verbs (the Execute <c>verb</c>; <c>data.verb</c> of the Submit fallback).</summary>
    public static class Verbs
    {
        public const string OrderRefresh = "order.refresh";
        public const string OrderItems = "order.items";
        public const string OrderTrack = "order.track";
        public const string OrderWatch = "order.watch";
        public const string OrderView = "order.view";
        public const string AlertsMute = "alerts.mute";
        public const string AlertsUnsubscribe = "alerts.unsubscribe";
        public const string ListPage = "list.page";
        public const string PickOrder = "pick.order";
        public const string SettingsCountry = "settings.country";
        public const string HelpExample = "help.example";

        /// <summary>"Retry" on an answer that lacked a supplier: the question asked again, answered in place.</summary>
        public const string QuestionRetry = "question.retry";

        /// <summary>"Share tracking": the order's parcels as customer-ready text, posted beside the card.</summary>
        public const string OrderShare = "order.share";

        /// <summary>"Export": a list (data <c>query</c>) or an order's lines as a file (data <c>format</c>: <c>xlsx</c> or <c>csv</c>).</summary>
        public const string OrderExport = "order.export";

        public static IReadOnlyList<string> All { get; } =
        [
            OrderRefresh, OrderItems, OrderTrack, OrderWatch, OrderView, AlertsMute, AlertsUnsubscribe,
            ListPage, PickOrder, SettingsCountry, HelpExample, QuestionRetry, OrderShare, OrderExport,
        ];
    }

    /// <summary>Data keys. All values are strings (pages too), so Execute and Submit payloads read alike.</summary>
    public static class Keys
    {
        /// <summary>Set inside the Submit fallback's data only.</summary>
        public const string Verb = "verb";

        /// <summary><c>schneider</c> or <c>ingram</c> (<see cref="SupplierNames.Key"/>).</summary>
        public const string Supplier = "supplier";
        public const string Order = "order";
        public const string Po = "po";

        /// <summary>ISO 3166 alpha-2; also the id of the country input on the country prompt.</summary>
        public const string Country = "country";

        /// <summary>1-based page number, as a string.</summary>
        public const string Page = "page";

        /// <summary>Opaque string the list handler wrote when it built the first page; echoed back for paging.</summary>
        public const string Query = "query";
        public const string SubscriptionId = "subscriptionId";

        /// <summary>The example sentence a help button sends as if the user had typed it.</summary>
        public const string Text = "text";

        /// <summary>
        /// Which card the button sits on, when the answer may rebuild it in place (<see cref="OrderCard"/>: the order
        /// card, re-read after Watch / Stop watching so its button shows the new state).
        /// </summary>
        public const string Card = "card";

        /// <summary>Id of the "remember this" toggle on the country prompt; arrives as "true" or "false".</summary>
        public const string Remember = "remember";

        /// <summary>An export's file kind: <c>xlsx</c> or <c>csv</c>.</summary>
        public const string Format = "format";
    }

    /// <summary>"Export to Excel" and "Export CSV" for a list (<paramref name="query"/>) or an order's lines (<paramref name="order"/>).</summary>
    public static IEnumerable<CardAction> Export(string? query = null, Order? order = null)
    {
        foreach (var (title, format) in new[] { ("Export to Excel", "xlsx"), ("Export CSV", "csv") })
        {
            var data = order is not null ? OrderData(order) : new Dictionary<string, string>(StringComparer.Ordinal);
            if (query is not null)
            {
                data[Keys.Query] = query;
            }

            data[Keys.Format] = format;
            yield return Execute(title, Verbs.OrderExport, data, format == "csv" ? "A .csv file (UTF-8)" : "An .xlsx workbook");
        }
    }

    /// <summary>An <c>Action.Execute</c> with its <c>Action.Submit</c> fallback carrying the same data plus the verb.</summary>
    public static ExecuteAction Execute(string title, string verb, IReadOnlyDictionary<string, string>? data = null, string? tooltip = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        var executeData = new Dictionary<string, string>(data ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var submitData = new Dictionary<string, string>(StringComparer.Ordinal) { [Keys.Verb] = verb };
        foreach (var (key, value) in executeData)
        {
            submitData[key] = value;
        }

        return new ExecuteAction
        {
            Title = title,
            Tooltip = tooltip,
            Verb = verb,
            Data = executeData,
            Fallback = new SubmitAction { Title = title, Data = submitData },
        };
    }

    /// <summary>The data naming one order: supplier, order number and (when known) PO.</summary>
    public static Dictionary<string, string> OrderData(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return OrderData(order.Supplier, order.OrderNumber, order.CustomerPo);
    }

    public static Dictionary<string, string> OrderData(SupplierId supplier, string orderNumber, string? po = null)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Keys.Supplier] = SupplierNames.Key(supplier),
            [Keys.Order] = orderNumber,
        };
        if (!string.IsNullOrEmpty(po))
        {
            data[Keys.Po] = po;
        }

        return data;
    }

    /// <summary>"Retry": asks the same question again (a supplier that did not answer is asked afresh).</summary>
    public static ExecuteAction Retry(string question) =>
        Execute("Retry", Verbs.QuestionRetry, new Dictionary<string, string> { [Keys.Text] = question });

    public static ExecuteAction Refresh(Order order) => Execute("Refresh", Verbs.OrderRefresh, OrderData(order), "Ask the supplier again");

    public static ExecuteAction Items(Order order) => Execute("Items", Verbs.OrderItems, OrderData(order), "Lines, quantities and serial numbers");

    public static ExecuteAction Track(Order order, string? tooltip = "The parcels and their tracking pages") => Execute("Track", Verbs.OrderTrack, OrderData(order), tooltip);

    public static ExecuteAction Share(Order order) => Execute("Share", Verbs.OrderShare, OrderData(order), "Tracking as text to send to your customer");

    // Button titles are one short word so three of them and the "…" overflow fit a 320 px phone without an ellipsis
    // (tools/cards/widths.mjs); the tooltip says the rest.
    public const string WatchTitle = "Watch";
    public const string WatchTooltip = "Alert this chat when the order goes on hold or changes";
    public const string UnwatchTitle = "Unwatch";
    public const string UnwatchTooltip = "Stop watching this order here";

    public static ExecuteAction Watch(Order order) => Execute(WatchTitle, Verbs.OrderWatch, OrderData(order), WatchTooltip);

    /// <summary>"Watch", or "Unwatch" when this conversation already watches it.</summary>
    public static ExecuteAction WatchOrStop(Order order, CardContext context, bool onOrderCard = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = OrderData(order);
        if (onOrderCard)
        {
            data[Keys.Card] = OrderCard;
        }

        if (context.WatchedBy(order) is not { } subscriptionId)
        {
            return Execute(WatchTitle, Verbs.OrderWatch, data, WatchTooltip);
        }

        data[Keys.SubscriptionId] = subscriptionId;
        return Execute(UnwatchTitle, Verbs.AlertsUnsubscribe, data, UnwatchTooltip);
    }

    /// <summary>The value of <see cref="Keys.Card"/> on an order card's buttons: the card can be rebuilt from the order.</summary>
    public const string OrderCard = "order";

    public static ExecuteAction View(Order order, string title = "Details", string? tooltip = "The order's status, holds and dates") => Execute(title, Verbs.OrderView, OrderData(order), tooltip);

    public static ExecuteAction Page(string title, string query, int page) =>
        Execute(title, Verbs.ListPage, new Dictionary<string, string>
        {
            [Keys.Query] = query,
            [Keys.Page] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static ExecuteAction Example(string text) =>
        Execute(text, Verbs.HelpExample, new Dictionary<string, string> { [Keys.Text] = text });
}
