using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Cards;

/// <summary>Pieces several builders share: headings, status colours, hold blocks, tracking buttons, paging.</summary>
internal static class CardParts
{
    /// <summary>Tracking buttons shown on a card; the rest are counted, never dropped silently.</summary>
    public const int MaxTrackingButtons = 10;

    public static string E(string? text) => CardText.Escape(text);

    public static TextBlock Title(string text) => new(text) { Weight = TextWeight.Bolder, Size = TextSize.Medium };

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None };

    public static TextColor StatusColor(OrderStatus status) => status switch
    {
        OrderStatus.Shipped or OrderStatus.Invoiced => TextColor.Good,
        OrderStatus.OnHold or OrderStatus.Cancelled => TextColor.Attention,
        OrderStatus.Backordered or OrderStatus.PartiallyShipped => TextColor.Warning,
        OrderStatus.Open or OrderStatus.InProgress => TextColor.Accent,
        _ => TextColor.Default,
    };

    /// <summary>
    /// "On hold (Sales hold, code S)": the normalized status in words first, the supplier's own words and code beside
    /// it only where they add something — never the same word twice ("In progress", not "In progress (InProgress –
    /// InProcess)"), and a shouted label in sentence case.
    /// </summary>
    public static string StatusText(StatusInfo status)
    {
        var display = OrderStatusKeys.Display(status.Status);
        var label = Informative(status.SupplierLabel, status.Status) ? SentenceCase(status.SupplierLabel!.Trim()) : null;
        var code = Informative(status.SupplierCode, status.Status) && !SameWords(status.SupplierCode!, status.SupplierLabel)
            ? status.SupplierCode!.Trim()
            : null;
        var extra = (label, code) switch
        {
            ({ } l, { } c) => $"{l}, code {c}",
            ({ } l, null) => l,
            (null, { } c) => $"code {c}",
            _ => null,
        };
        return extra is null ? display : $"{display} ({E(extra)})";
    }

    /// <summary>Words of a supplier that say more than the status itself (not empty, not a synonym of it).</summary>
    private static bool Informative(string? words, OrderStatus status) =>
        !string.IsNullOrWhiteSpace(words) && !StatusSynonyms(status).Contains(Letters(words));

    private static bool SameWords(string a, string? b) => b is not null && Letters(a) == Letters(b);

    private static string Letters(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string[] StatusSynonyms(OrderStatus status) => status switch
    {
        OrderStatus.Open => ["open", "pending", "new"],
        OrderStatus.InProgress => ["inprogress", "inprocess", "processing", "released", "beingprocessed"],
        OrderStatus.OnHold => ["onhold", "hold", "held", "blocked"],
        OrderStatus.Backordered => ["backordered", "backorder", "onbackorder"],
        OrderStatus.PartiallyShipped => ["partiallyshipped", "partialshipment", "partlyshipped"],
        OrderStatus.Shipped => ["shipped", "ship", "shipment", "dispatched", "delivered"],
        OrderStatus.Invoiced => ["invoiced", "billed"],
        OrderStatus.Cancelled => ["cancelled", "canceled", "deleted"],
        _ => ["unknown"],
    };

    /// <summary>"SALES HOLD" → "Sales hold"; mixed-case text is kept as the supplier wrote it.</summary>
    private static string SentenceCase(string text) =>
        text.Any(char.IsLower) || text.Length < 2 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();

    public static TextBlock Status(StatusInfo status) =>
        new(StatusText(status)) { Color = StatusColor(status.Status), Weight = TextWeight.Bolder, Spacing = Spacing.Small };

    public static string SupplierName(Order order) =>
        order.Country is { Length: > 0 } country
            ? $"{SupplierNames.Display(order.Supplier)} {E(country)}"
            : SupplierNames.Display(order.Supplier);

    public static string OrderHeading(Order order) => $"{SupplierName(order)} order {Id(order.OrderNumber)}";

    /// <summary>
    /// An order number or PO for a TextBlock: escaped, its hyphens non-breaking (U+2011) so a narrow card never splits
    /// "20-WX1YZ" as "20-" / "WX1YZ". Pasted back into a message it is read as a plain hyphen (TextCleaner).
    /// </summary>
    public static string Id(string? text) => E(text?.Replace('-', '\u2011'));

    /// <summary>A coloured block per hold: code and the supplier's text, what it means, what to do.</summary>
    public static Container HoldBlock(Hold hold) => new()
    {
        Style = ContainerStyle.Attention,
        Spacing = Spacing.Medium,
        Items =
        [
            new TextBlock(string.IsNullOrWhiteSpace(hold.SupplierText)
                ? $"Hold {E(hold.Code)}"
                : $"Hold {E(hold.Code)}: {E(hold.SupplierText)}") { Weight = TextWeight.Bolder, Color = TextColor.Attention },
            new TextBlock(E(hold.Explanation)) { Spacing = Spacing.Small },
            new TextBlock($"What to do: {E(hold.CustomerAction)}") { Spacing = Spacing.Small },
        ],
    };

    /// <summary>
    /// The tracking numbers as text (a clerk reads them out to the carrier), then short "Track" buttons — a
    /// 20-digit number in a title wraps even on a desktop — with the number as tooltip: three in the row, the rest in
    /// the overflow, beyond the cap none (they are still in the text).
    /// </summary>
    public static IEnumerable<CardElement> TrackingElements(IEnumerable<Tracking> tracking)
    {
        var all = tracking.ToList();
        if (all.Count == 0)
        {
            yield break;
        }

        var shown = all.Where(t => t.Url is not null && IsHttp(t.Url)).Take(MaxTrackingButtons).ToList();
        var noun = all.Count == 1 ? "Tracking number" : "Tracking numbers";
        yield return new TextBlock($"{noun}: {string.Join(", ", all.Select(t => E(t.Number)))}") { Spacing = Spacing.Small };
        if (shown.Count > 0)
        {
            yield return Actions(shown.Select((t, i) => (CardAction)TrackButton(t, shown.Count == 1 ? "Track" : $"Track {i + 1}")));
        }
    }

    /// <summary>A tracking page button with a short title; the number shows as its tooltip.</summary>
    public static OpenUrlAction TrackButton(Tracking tracking, string title = "Track")
    {
        ArgumentNullException.ThrowIfNull(tracking);
        return new OpenUrlAction { Title = title, Tooltip = tracking.Number, Url = tracking.Url! };
    }

    /// <summary>A row of buttons: the first <see cref="MaxPrimaryActions"/> in the row, the rest in the "…" overflow.</summary>
    public static ActionSet Actions(params IEnumerable<CardAction> actions) =>
        new() { Spacing = Spacing.Medium, Actions = Overflow(actions) };

    /// <summary>The buttons with every one after the first <see cref="MaxPrimaryActions"/> marked secondary.</summary>
    public static List<CardAction> Overflow(IEnumerable<CardAction> actions)
    {
        var list = actions.ToList();
        for (var i = MaxPrimaryActions; i < list.Count; i++)
        {
            list[i].Mode = ActionMode.Secondary;
        }

        return list;
    }

    /// <summary>Where attention goes first: holds, then orders that are late to ship, then open ones, then done.</summary>
    public static int Urgency(OrderStatus status) => status switch
    {
        OrderStatus.OnHold => 0,
        OrderStatus.Backordered => 1,
        OrderStatus.PartiallyShipped => 2,
        OrderStatus.Open or OrderStatus.InProgress or OrderStatus.Unknown => 3,
        OrderStatus.Shipped => 4,
        OrderStatus.Invoiced => 5,
        _ => 6,
    };

    /// <summary>" 1 on hold, 1 in progress, 1 invoiced." — the answer in one line, before the details (several orders only).</summary>
    public static string Breakdown(IReadOnlyCollection<Order> orders) =>
        orders.Count < 2
            ? string.Empty
            : " " + string.Join(", ", orders.GroupBy(o => o.Status.Status).OrderBy(g => Urgency(g.Key))
                .Select(g => $"{g.Count()} {OrderStatusKeys.Display(g.Key).ToLowerInvariant()}")) + ".";

    /// <summary>Buttons a phone (320 px) shows in one row without shrinking their titles.</summary>
    public const int MaxPrimaryActions = OrderBot.AdaptiveCards.Validation.AdaptiveCardValidator.MaxPrimaryActions;

    /// <summary>"Page 2 of 5 · 47 orders" with Previous/Next buttons built by <paramref name="pageAction"/>.</summary>
    public static IEnumerable<CardElement> Pager(Page page, string noun, CardContext context, Func<string, int, CardAction> pageAction)
    {
        if (page.PageCount <= 1)
        {
            yield break;
        }

        yield return new TextBlock($"Page {page.Number} of {page.PageCount} · {context.Count(page.Total)} {noun}")
        {
            IsSubtle = true,
            Spacing = Spacing.Medium,
        };
        var buttons = new List<CardAction>();
        if (page.Number > 1)
        {
            buttons.Add(pageAction("Previous", page.Number - 1));
        }

        if (page.Number < page.PageCount)
        {
            buttons.Add(pageAction("Next", page.Number + 1));
        }

        yield return new ActionSet { Spacing = Spacing.Small, Actions = buttons };
    }

    public static TextBlock ProblemLine(SupplierProblem problem, CardContext context) =>
        new(ProblemSentence(problem, context)) { Color = TextColor.Warning, Spacing = Spacing.Small };

    /// <summary>
    /// One sentence per kind of failure, so the reader knows what happened and what to do: no answer in time,
    /// "asks us to wait until 10:42", unavailable until T, credentials rejected (an admin must act), unreadable.
    /// </summary>
    public static string ProblemSentence(SupplierProblem problem, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var name = SupplierNames.Display(problem.Supplier);
        var at = problem.AvailableAt is { } when && when > context.Now ? context.Time(when) : null;
        return problem.Kind switch
        {
            SupplierProblemKind.Timeout => $"{name} did not answer in time.",
            SupplierProblemKind.RateLimited => at is null
                ? $"{name} is limiting requests just now; ask again in a minute."
                : $"{name} asks us to wait until {at} your time.",
            SupplierProblemKind.AuthenticationFailed =>
                $"{name} rejected OrderBot's credentials. An administrator must fix OrderBot's {name} settings; asking again will not help.",
            SupplierProblemKind.MalformedResponse => $"{name} sent an unreadable answer.",
            SupplierProblemKind.BudgetUsed => at is null
                ? $"I've used this minute's {name} allowance (its limit, kept by OrderBot); ask again in a minute."
                : problem.AnswerFollows
                    ? $"I've used this minute's {name} allowance (its limit, kept by OrderBot); I'll add {name} here at {at} your time."
                    : $"I've used this minute's {name} allowance (its limit, kept by OrderBot); ask again after {at} your time.",
            _ => at is null ? E(problem.Message) : $"{E(problem.Message)} Try again after {at} your time.",
        };
    }

    /// <summary>
    /// What happened to a supplier missing from an answer, said after its name in a headline ("Ingram Micro did not
    /// answer in time"): each outcome its own words, so a supplier that was asked is never said to be "not asked", and
    /// our own budget is never put on the supplier.
    /// </summary>
    public static string MissingPhrase(SupplierProblem problem, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var at = problem.AvailableAt is { } when && when > context.Now ? context.Time(when) : null;
        return problem.Kind switch
        {
            SupplierProblemKind.Timeout => "did not answer in time",
            SupplierProblemKind.MalformedResponse => "sent an answer I could not read",
            SupplierProblemKind.AuthenticationFailed => "refused our credentials",
            SupplierProblemKind.Forbidden => "refused us access",
            SupplierProblemKind.OutsideAvailabilityWindow => at is null ? "could not be asked (outside its hours)" : $"could not be asked (outside its hours, until {at})",
            SupplierProblemKind.CircuitOpen => at is null ? "could not be asked (paused after repeated failures)" : $"could not be asked (paused after repeated failures, until {at})",
            SupplierProblemKind.NotConfigured => "could not be asked (not set up for this)",
            SupplierProblemKind.RateLimited => at is null ? "is rate-limiting us just now" : $"is rate-limiting us until {at}",
            SupplierProblemKind.BudgetUsed => at is null ? "was not asked: this minute's allowance is used" : $"was not asked: this minute's allowance is used until {at}",
            SupplierProblemKind.ServerError => "had an error on its side",
            SupplierProblemKind.NetworkError => "could not be reached",
            SupplierProblemKind.InvalidRequest => "refused the request",
            _ => "could not answer",
        };
    }

    /// <summary>
    /// The missing suppliers with what happened to each, for a headline: "Ingram Micro did not answer in time" or
    /// "Schneider Electric sent an answer I could not read and Ingram Micro did not answer in time".
    /// </summary>
    public static string Missing(IEnumerable<SupplierProblem> problems, CardContext context) =>
        string.Join(" and ", problems
            .GroupBy(p => MissingPhrase(p, context))
            .Select(g => $"{Names(g.Select(p => p.Supplier))} {g.Key}"));

    /// <summary>The suppliers named in the problems, e.g. "Ingram Micro" or "Schneider Electric and Ingram Micro".</summary>
    public static string Names(IEnumerable<SupplierId> suppliers) =>
        string.Join(" and ", suppliers.Distinct().Select(SupplierNames.Display));

    /// <summary>True when asking again cannot help until someone changes a setting (credentials, access, config).</summary>
    public static bool NeedsAdmin(SupplierProblem problem) =>
        problem.Kind is SupplierProblemKind.AuthenticationFailed or SupplierProblemKind.Forbidden or SupplierProblemKind.NotConfigured;

    internal static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}

/// <summary>One page of a longer list: the items on it, its 1-based number, how many pages and items in all.</summary>
internal sealed record Page(int Number, int PageCount, int Total, int Skip)
{
    public static Page Of(int total, int requested, int pageSize)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(requested, 1, pageCount);
        return new Page(number, pageCount, total, (number - 1) * pageSize);
    }

    public IEnumerable<T> Slice<T>(IEnumerable<T> items, int pageSize) => items.Skip(Skip).Take(pageSize);
}
