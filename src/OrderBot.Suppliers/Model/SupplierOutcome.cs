namespace OrderBot.Suppliers.Model;

/// <summary>Why a supplier could not answer. Expected outcomes are values, not exceptions.</summary>
public enum SupplierProblemKind
{
    /// <summary>Outside the supplier's published availability window; <see cref="SupplierProblem.AvailableAt"/> says when.</summary>
    OutsideAvailabilityWindow,

    /// <summary>The supplier's rate limit is exhausted until <see cref="SupplierProblem.AvailableAt"/>.</summary>
    RateLimited,

    /// <summary>Credentials were refused even after one renewal.</summary>
    AuthenticationFailed,

    /// <summary>The account has no access to this resource (403).</summary>
    Forbidden,

    /// <summary>The request was refused as malformed (400) or an input was invalid (Schneider <c>Invalid_Input</c>).</summary>
    InvalidRequest,

    /// <summary>The supplier answered 5xx after retries.</summary>
    ServerError,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>The circuit breaker is open after repeated failures; not called.</summary>
    CircuitOpen,

    /// <summary>The supplier answered something we could not read (malformed or truncated body).</summary>
    MalformedResponse,

    /// <summary>The supplier is not configured for this request (e.g. no Schneider country known).</summary>
    NotConfigured,

    /// <summary>The network failed (connection refused, DNS, reset).</summary>
    NetworkError,

    /// <summary>
    /// OUR call budget for the supplier (its published limit, kept by us) has no call left before
    /// <see cref="SupplierProblem.AvailableAt"/>: the supplier was not asked and is not to blame.
    /// </summary>
    BudgetUsed,
}

/// <summary>A supplier's failure to answer, worded for the bot.</summary>
/// <param name="Supplier">Which supplier.</param>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">A short sentence a user can read, e.g. "Ingram Micro GB is unavailable until 06:00 (GB time)".</param>
/// <param name="AvailableAt">When to try again, when known.</param>
/// <param name="Detail">Operator detail (status code, supplier error code); never secrets.</param>
public sealed record SupplierProblem(
    SupplierId Supplier,
    SupplierProblemKind Kind,
    string Message,
    DateTimeOffset? AvailableAt = null,
    string? Detail = null)
{
    /// <summary>
    /// The call is still queued or running and its answer will complete the posted card (the late answer,
    /// <see cref="SupplierResult.Late"/>), so the answer may say "I'll add it" rather than "ask again".
    /// </summary>
    public bool AnswerFollows { get; init; }
}

/// <summary>One supplier's answer: the orders found (possibly none), or the problem that stopped it.</summary>
/// <remarks>Immutable by contract (init-only, read-only lists), so the answer cache keeps the instance itself.</remarks>
[System.ComponentModel.ImmutableObject(true)]
public sealed record SupplierResult
{
    public required SupplierId Supplier { get; init; }
    public IReadOnlyList<Order> Orders { get; init; } = [];
    public SupplierProblem? Problem { get; init; }

    /// <summary>What was searched, in words, for a "nothing found" message, e.g. "Schneider Electric FR, 3 pages".</summary>
    public string? SearchedScope { get; init; }

    /// <summary>
    /// How the asker's saved settings narrowed this search, in words for the card's "where I looked" (e.g. "Schneider
    /// Electric searched in DE only — set to DE on 7 Dec 2026; name a country in the question to search another").
    /// Null when nothing saved narrowed it. Set by the app, which knows where the scope came from.
    /// </summary>
    public string? ScopeNote { get; init; }

    /// <summary>Supplier HTTP calls this answer cost (for benchmarks and the rate budget).</summary>
    public int Calls { get; init; }

    public bool Succeeded => Problem is null;

    /// <summary>
    /// The supplier has more matching orders than <see cref="Orders"/> holds: a search stopped at its limit (the newest
    /// <see cref="OrderSearch.Limit"/>) or at its page cap. A list must then say it is not all of them.
    /// </summary>
    public bool MoreExist { get; init; }

    /// <summary>How many orders match in all, when the supplier says (null: unknown).</summary>
    public int? MatchCount { get; init; }

    /// <summary>
    /// For "did not answer in time" when the question allowed a late answer (<see cref="SupplierScope.LateWindow"/>):
    /// the supplier's call, still running, ending with its own answer (or its own failure) within that window.
    /// </summary>
    public Task<SupplierResult>? Late { get; init; }

    public static SupplierResult Found(SupplierId supplier, IReadOnlyList<Order> orders, int calls = 0, string? scope = null) =>
        new() { Supplier = supplier, Orders = orders, Calls = calls, SearchedScope = scope };

    public static SupplierResult Failed(SupplierProblem problem, int calls = 0) =>
        new() { Supplier = problem.Supplier, Problem = problem, Calls = calls };
}

/// <summary>Both suppliers' answers to one question, merged. Never throws for a supplier failure.</summary>
public sealed record LookupResult(IReadOnlyList<SupplierResult> Results)
{
    public IEnumerable<Order> Orders => Results.SelectMany(r => r.Orders);
    public IEnumerable<SupplierProblem> Problems => Results.Where(r => r.Problem is not null).Select(r => r.Problem!);
    public bool IsPartial => Results.Any(r => r.Problem is not null) && Results.Any(r => r.Problem is null);
    public bool AllFailed => Results.Count > 0 && Results.All(r => r.Problem is not null);
}
