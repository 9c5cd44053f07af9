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

    /// <summary>"On hold (HOLD – Credit hold)": the normalized status with the supplier's own words beside it.</summary>
    public static string StatusText(StatusInfo status)
    {
        var display = OrderStatusKeys.Display(status.Status);
        // The supplier's words beside ours, unless they say the same thing ("Shipped (S)", not "Shipped (S – Shipped)").
        var supplier = string.Join(" – ", new[] { status.SupplierCode, status.SupplierLabel }
            .Where(s => !string.IsNullOrWhiteSpace(s) && !string.Equals(s.Trim(), display, StringComparison.OrdinalIgnoreCase))
            .Select(s => s!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase));
        return supplier.Length == 0 ? display : $"{display} ({E(supplier)})";
    }

    public static TextBlock Status(StatusInfo status) =>
        new(StatusText(status)) { Color = StatusColor(status.Status), Weight = TextWeight.Bolder, Spacing = Spacing.Small };

    public static string SupplierName(Order order) =>
        order.Country is { Length: > 0 } country
            ? $"{SupplierNames.Display(order.Supplier)} {E(country)}"
            : SupplierNames.Display(order.Supplier);

    public static string OrderHeading(Order order) => $"{SupplierName(order)} order {E(order.OrderNumber)}";

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
    /// The tracking numbers as text (a clerk reads them out to the carrier), then short "Track parcel" buttons — a
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
            yield return Actions(shown.Select((t, i) => (CardAction)TrackButton(t, shown.Count == 1 ? "Track parcel" : $"Track parcel {i + 1}")));
        }
    }

    /// <summary>A tracking page button with a short title; the number shows as its tooltip.</summary>
    public static OpenUrlAction TrackButton(Tracking tracking, string title = "Track parcel")
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
            _ => at is null ? E(problem.Message) : $"{E(problem.Message)} Try again after {at} your time.",
        };
    }

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
