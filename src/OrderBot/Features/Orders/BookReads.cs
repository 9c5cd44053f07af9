using OrderBot.Cards;
using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>Where one supplier's part of an answer came from, when an order book exists.</summary>
public enum BookSource
{
    /// <summary>The whole book: every account in the asker's scope has completed a sync.</summary>
    Book,

    /// <summary>Asked live (today's path): an account in scope is not synced yet, or its last sync failed.</summary>
    Live,

    /// <summary>Asked live, the supplier could not answer, and the book's copy answered instead (worded with its age).</summary>
    BookAfterLive,

    /// <summary>
    /// Asked live, the supplier could not answer, and the book — every account in scope synced — holds no such order:
    /// said with the book's age (never "not found": the supplier was not asked).
    /// </summary>
    NotInBook,
}

/// <summary>How one supplier's part of an answer used the order book.</summary>
/// <param name="Supplier">The supplier.</param>
/// <param name="Source">Book, live, or the book after the live ask failed.</param>
/// <param name="AsOf">How fresh the book's part is (its oldest completed sync, or the copy's own time); null when live.</param>
/// <param name="Unsynced">Accounts in scope whose book could not be used (not yet synced, or the last sync failed): named.</param>
/// <param name="LiveProblem">Why the live ask did not answer, for <see cref="BookSource.BookAfterLive"/>.</param>
public sealed record BookRead(SupplierId Supplier, BookSource Source, DateTimeOffset? AsOf, IReadOnlyList<BookAccountState> Unsynced, SupplierProblem? LiveProblem = null)
{
    /// <summary>A late or due list asked live because this many open orders in the book have no delivery date read yet.</summary>
    public int AwaitingDetails { get; init; }

    /// <summary>A late or due list from the book: the oldest order details (delivery dates) it used were read then.</summary>
    public DateTimeOffset? DetailsAsOf { get; init; }
}

/// <summary>A list's orders and, when an order book exists, where each supplier's part came from.</summary>
public sealed record OrderList(LookupResult Found, IReadOnlyList<BookRead> Book)
{
    /// <summary>When the order book first saw each held order's hold (<see cref="OrderListLimits.HoldAgeKey"/>), for the parts it answered.</summary>
    public IReadOnlyDictionary<string, HoldAge> HoldAges { get; init; } = new Dictionary<string, HoldAge>();

    /// <summary>Every supplier's part came from the whole book (no live search, so no "newest" caveat).</summary>
    public bool WholeBook => Book.Count > 0 && Book.Count == Found.Results.Count && Book.All(b => b.Source == BookSource.Book);

    /// <summary>Some supplier's part came from the book.</summary>
    public bool AnyBook => Book.Any(b => b.Source != BookSource.Live);
}

/// <summary>How an answer says what the order book gave: its age, and the accounts it could not cover. Pure.</summary>
public static class BookWording
{
    /// <summary>" as of 10:42" for a count line when the whole answer came from the book; empty otherwise.</summary>
    public static string AsOf(OrderList list, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(context);
        return list.WholeBook && list.Book.Select(b => b.AsOf).Min() is { } oldest ? $" as of {context.Time(oldest)}" : string.Empty;
    }

    /// <summary>What the book gave to a list, supplier by supplier: searched, its age, and who was asked live instead.</summary>
    public static IReadOnlyList<string> ListNotes(OrderList list, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(context);
        var notes = new List<string>();
        var whole = list.Book.Where(b => b.Source == BookSource.Book).ToList();
        if (whole.Count > 0)
        {
            var asOf = whole.Select(b => b.AsOf).OfType<DateTimeOffset>().DefaultIfEmpty(context.Now).Min();
            notes.Add($"Searched every order in OrderBot's order book for {CardParts.Names(whole.Select(b => b.Supplier))} (synced as of {context.Time(asOf)}), not only the newest.");
            if (whole.Select(b => b.DetailsAsOf).OfType<DateTimeOffset>().DefaultIfEmpty().Min() is var details && details != default)
            {
                notes.Add($"Delivery dates are those of each open order's details, read by OrderBot's order book since {context.Time(details)}.");
            }
        }

        foreach (var read in list.Book.Where(b => b.Source != BookSource.Book))
        {
            var name = SupplierNames.Display(read.Supplier);
            var reasons = read.Unsynced.Select(Unsynced).ToList();
            if (read.AwaitingDetails > 0)
            {
                reasons.Add($"OrderBot's order book has not read the delivery dates of {(read.AwaitingDetails == 1 ? "1 open order" : $"{read.AwaitingDetails} open orders")} yet");
            }

            var why = reasons.Count == 0 ? null : string.Join("; ", reasons);
            notes.Add(read.Source == BookSource.Live
                ? $"{why}, so I asked {name} directly."
                : $"{Failed(read.LiveProblem, read.Supplier, context)}; this is {name} as of {context.Time(read.AsOf ?? context.Now)}, from OrderBot's order book{(why is null ? "." : $" ({why}).")}");
        }

        return notes;
    }

    /// <summary>
    /// "Ingram Micro did not answer in time; this is as of 10:42, from OrderBot's order book." for an order answered from
    /// the book; "…; OrderBot's order book of Ingram Micro (synced as of 10:42) has no such order …" when it holds none.
    /// </summary>
    public static string Fallback(IReadOnlyList<BookRead> reads, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(context);
        return string.Join(" ", reads.Where(r => r.Source is BookSource.BookAfterLive or BookSource.NotInBook).Select(r => r.Source == BookSource.NotInBook
            ? $"{Failed(r.LiveProblem, r.Supplier, context)}; OrderBot's order book of {SupplierNames.Display(r.Supplier)} (synced as of {context.Time(r.AsOf ?? context.Now)}) has no such order — one entered since then would not be in it yet."
            : $"{Failed(r.LiveProblem, r.Supplier, context)}; this is {SupplierNames.Display(r.Supplier)}'s order as of {context.Time(r.AsOf ?? context.Now)}, from OrderBot's order book."));
    }

    /// <summary>Why the live ask did not answer, never blaming the supplier for our own budget.</summary>
    private static string Failed(SupplierProblem? problem, SupplierId supplier, CardContext context)
    {
        var name = SupplierNames.Display(supplier);
        return problem?.Kind switch
        {
            null => $"{name} could not answer",
            SupplierProblemKind.Timeout => $"{name} did not answer in time",
            SupplierProblemKind.BudgetUsed => $"I've used this minute's {name} allowance (its limit, kept by OrderBot)",
            _ => $"{name} {CardParts.MissingPhrase(problem, context)}",
        };
    }

    /// <summary>Why an account's book could not answer: its last sync failed, or its first has not finished.</summary>
    private static string Unsynced(BookAccountState state) => state.LastProblem is { Length: > 0 } problem
        ? $"{Account(state.Account)}'s last sync failed ({problem.TrimEnd('.')})"
        : $"{Account(state.Account)} is not in the order book yet ({(state.Syncing ? "its first sync is under way" : "its first sync has not finished")})";

    /// <summary>"Ingram Micro 20-123456 (GB)", or "Schneider Electric FR" for a book of every purchaser.</summary>
    private static string Account(BookAccount account) => account.Account == OrderBookAccounts.AllPurchasers
        ? $"{SupplierNames.Display(account.Supplier)} {account.Country.ToUpperInvariant()}"
        : $"{SupplierNames.Display(account.Supplier)} {account.Account} ({account.Country.ToUpperInvariant()})";
}
