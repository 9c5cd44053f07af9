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
        ArgumentNullException.ThrowIfNull(status);
        if (status.IsUnknownCode)
        {
            // A code in no table is shown as sent, never guessed from its label.
            return status.SupplierLabel is { } sent && !SameWords(status.SupplierCode, sent)
                ? $"Unknown code {E(status.SupplierCode)} (\"{E(sent)}\")"
                : $"Unknown code {E(status.SupplierCode)}";
        }

        var display = OrderStatusKeys.Display(status.Status);
        if (status.Meaning is { Length: > 0 } meaning)
        {
            // The code table's words say it better than the label: "Cancelled (deleted by Ingram Micro)".
            return $"{display} ({E(meaning)})";
        }

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

    /// <summary>The order's status line; on an order with holds the hold blocks carry the code (see <see cref="Held"/>).</summary>
    public static TextBlock Status(Order order) => Status(Held(order.Status, order.Holds.Count > 0));

    /// <summary>
    /// A held status without its code when a hold says why: one code per hold on a card ("On hold (Sales hold)" above
    /// "Hold on 20-RF55A-11: … (code SP)", never "code S" beside "Hold SP").
    /// </summary>
    public static StatusInfo Held(StatusInfo status, bool hasHold) =>
        hasHold && status.Status == OrderStatus.OnHold ? status with { SupplierCode = string.Empty } : status;

    public static string SupplierName(Order order) => E(SupplierNames.Display(order.Supplier, order.Country));

    public static string OrderHeading(Order order) => $"{SupplierName(order)} order {Id(order.OrderNumber)}";

    /// <summary>
    /// An order number or PO for a TextBlock: escaped, its hyphens non-breaking (U+2011) so a narrow card never splits
    /// "20-WX1YZ" as "20-" / "WX1YZ". Pasted back into a message it is read as a plain hyphen (TextCleaner).
    /// </summary>
    public static string Id(string? text) => E(text?.Replace('-', '\u2011'));

    /// <summary>
    /// A hold's short name: "Hold CH" for a coded hold; a code that only repeats the status ("OnHold" / "On Hold") is
    /// not said twice — "On hold", or "Item 000010 on hold" for a hold on one item.
    /// </summary>
    public static string HoldName(Hold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var code = CodeOf(hold);
        if (code is not null)
        {
            return hold.Scope is { Length: > 0 } on ? $"Hold {E(code)} on {E(on)}" : $"Hold {E(code)}";
        }

        return hold.Scope is { Length: > 0 } scope ? $"{E(char.ToUpperInvariant(scope[0]) + scope[1..])} on hold" : "On hold";
    }

    private static string? CodeOf(Hold hold) =>
        string.IsNullOrWhiteSpace(hold.Code) || (hold.SupplierText is { } text && SameWords(hold.Code, text)) || IsHoldWords(hold.Code)
            ? null
            : hold.Code.Trim();

    private static bool IsHoldWords(string words) => StatusSynonyms(OrderStatus.OnHold).Contains(Letters(words));

    /// <summary>A coloured block per hold: code and the supplier's text, what it means, what to do.</summary>
    public static Container HoldBlock(Hold hold) => new()
    {
        Style = ContainerStyle.Attention,
        Spacing = Spacing.Medium,
        Items =
        [
            new TextBlock(HoldTitle(hold)) { Weight = TextWeight.Bolder, Color = TextColor.Attention },
            new TextBlock(E(hold.Explanation)) { Spacing = Spacing.Small },
            new TextBlock($"What to do: {E(hold.CustomerAction)}") { Spacing = Spacing.Small },
        ],
    };

    /// <summary>
    /// "Hold on 20-RD12H-11: HARD-9 CUST NOT FLOOR ORD (code CH)": the sub-order, item or line it is on (when not the
    /// whole order), the supplier's own text, and its code once (not when the code is the text).
    /// </summary>
    public static string HoldTitle(Hold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var where = string.IsNullOrWhiteSpace(hold.Scope) ? "Hold" : $"Hold on {Id(hold.Scope)}";
        // Words that only say "hold" again ("Hold OnHold: On Hold") add nothing to the title.
        var text = string.IsNullOrWhiteSpace(hold.SupplierText) || !Informative(hold.SupplierText, OrderStatus.OnHold) ? null : hold.SupplierText.Trim();
        var code = string.IsNullOrWhiteSpace(hold.Code) || SameWords(hold.Code, text) || !Informative(hold.Code, OrderStatus.OnHold) ? null : hold.Code.Trim();
        return (text, code) switch
        {
            ({ } t, { } c) => $"{where}: {E(t)} (code {E(c)})",
            ({ } t, null) => $"{where}: {E(t)}",
            (null, { } c) => $"{where} (code {E(c)})",
            _ => where,
        };
    }

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
            var titles = TrackTitles(shown);
            yield return Actions(shown.Select((t, i) => (CardAction)TrackButton(t, titles[i])));
        }
    }

    /// <summary>
    /// Characters the titles of a row of three buttons may take together on a phone (320 px) without one being cut:
    /// measured with tools/cards/widths.mjs ("PostNL 2 · FedEx 2 · UPS 2" fits, "Royal Mail · Schenker · Colissimo" not).
    /// </summary>
    public const int MaxRowTitleChars = 22;

    /// <summary>The longest carrier a single button names ("Track Schenker" fits beside Details and Watch, "Track Royal Mail" not).</summary>
    public const int MaxSingleCarrierChars = 8;

    /// <summary>
    /// Button titles for a row of tracking buttons: each parcel's carrier ("Schenker", "TNT"), numbered when a carrier
    /// has several parcels ("UPS 1", "UPS 2"); when a carrier is not known or the row would not fit a phone, every
    /// button falls back to "Track 1", "Track 2" (one rule per row). A single button says "Track UPS" or "Track".
    /// The number is the tooltip.
    /// </summary>
    public static IReadOnlyList<string> TrackTitles(IReadOnlyList<Tracking> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        if (shown.Count == 1)
        {
            return [shown[0].Carrier is { Length: > 0 and <= MaxSingleCarrierChars } only ? $"Track {only}" : "Track"];
        }

        var named = shown.Select((t, i) =>
        {
            if (t.Carrier is not { Length: > 0 } name)
            {
                return null;
            }

            var same = shown.Where(x => string.Equals(x.Carrier, name, StringComparison.Ordinal)).ToList();
            return same.Count == 1 ? name : $"{name} {same.IndexOf(t) + 1}";
        }).ToList();
        var fits = named.All(n => n is not null) && named.Take(MaxPrimaryActions).Sum(n => n!.Length) <= MaxRowTitleChars;
        return fits ? [.. named.Select(n => n!)] : [.. shown.Select((_, i) => $"Track {i + 1}")];
    }

    /// <summary>A tracking page button with a short title (<see cref="TrackTitles"/>); the number shows as its tooltip.</summary>
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

    /// <summary>
    /// The order's ETA in words: "Last item expected 19 Dec 2026; 2 of 3 items by 10 Dec 2026" when its open lines carry
    /// different dates, else the one date. Null when the supplier sent no date.
    /// </summary>
    public static string? EtaText(Order order, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);
        if (order.EtaSummary() is { SoonerBy: { } sooner } summary && summary.ItemCount > 1)
        {
            return $"Last item expected {context.Date(summary.LastExpected)}; {context.Count(summary.SoonerCount)} of {context.Count(summary.ItemCount)} items by {context.Date(sooner)}";
        }

        return order.EstimatedDelivery is { } eta ? context.Date(eta) : null;
    }

    /// <summary>"Where I looked: Schneider Electric searched in DE only — …": a search narrowed by saved settings says so.</summary>
    public static TextBlock WhereILooked(string note) =>
        new($"Where I looked: {E(note)}") { Spacing = Spacing.Medium, IsSubtle = true, Wrap = true, Size = TextSize.Small };

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
