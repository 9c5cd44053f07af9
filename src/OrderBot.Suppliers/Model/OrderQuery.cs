namespace OrderBot.Suppliers.Model;

/// <summary>
/// Who is asking, for which account: the per-user or per-channel settings that scope a supplier search.
/// Everything is optional; a supplier client falls back to its configured defaults.
/// </summary>
public sealed record SupplierScope
{
    /// <summary>ISO 3166 alpha-2 country (Schneider search country; Ingram <c>isocountrycode</c>). "GB" and "UK" are both accepted.</summary>
    public string? Country { get; init; }

    /// <summary>Ingram customer number, e.g. <c>20-123456</c>.</summary>
    public string? IngramCustomerNumber { get; init; }

    /// <summary>Schneider purchaser id (mySE).</summary>
    public string? SchneiderPurchaserId { get; init; }

    /// <summary>
    /// True for the watcher's polling: such calls only use the share of a supplier's rate budget left for
    /// background work, so interactive questions keep priority.
    /// </summary>
    public bool Background { get; init; }

    /// <summary>
    /// When the question must be answered (a Teams turn). A supplier still working then is reported as
    /// "did not answer in time" and its call stopped; a rate-limit pause ending later is not waited out. Null: only
    /// the supplier's own timeouts bound the call (the watcher).
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>
    /// With <see cref="Deadline"/>: a supplier still working at the deadline is not stopped but given this much longer;
    /// its answer arrives in <see cref="SupplierResult.Late"/> (a posted card can then be updated). Null: stopped.
    /// </summary>
    public TimeSpan? LateWindow { get; init; }

    /// <summary>
    /// With <see cref="Deadline"/>: longest a call waits for OrderBot's own budget of the supplier when it has no room
    /// (null: the supplier's setting, e.g. <c>Suppliers:Ingram:RateLimitTurnWait</c>; zero: only a permit free now).
    /// Set when an answer is already at hand (the order book's copy), so the question is answered at once rather
    /// than kept waiting for a call that would only refresh it.
    /// </summary>
    public TimeSpan? BudgetWait { get; init; }

    /// <summary>True to ask the supplier afresh rather than use a recent answer ("Refresh").</summary>
    public bool Fresh { get; init; }

    public static SupplierScope Default { get; } = new();
}

/// <summary>A search for orders by attributes (not by PO or number), e.g. "orders on hold this week".</summary>
public sealed record OrderSearch
{
    public OrderStatus? Status { get; init; }
    public HoldCategory? Hold { get; init; }

    /// <summary>Inclusive start of the order-date window (UTC).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive end of the order-date window (UTC).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// The answer is narrowed on delivery dates ("what's late", "due this week"): a supplier whose search hits carry
    /// no dates (Schneider) reads the details of its open hits, within its own cap, so the dates are there to judge.
    /// </summary>
    public bool WithDeliveryDates { get; init; }

    /// <summary>Most orders to return (the card pages them).</summary>
    public int Limit { get; init; } = 50;
}
