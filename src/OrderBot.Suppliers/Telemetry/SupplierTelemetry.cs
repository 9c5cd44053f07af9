using System.Diagnostics;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Telemetry;

/// <summary>
/// Names of the suppliers' ActivitySource and Meter, and the tag keys they use. Tags stay low-cardinality: no PO
/// numbers, order numbers or customer numbers ever go on a metric.
/// </summary>
public static class SupplierTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "OrderBot.Suppliers";

    public const string SupplierTag = "orderbot.supplier";
    public const string OperationTag = "orderbot.operation";
    public const string OutcomeTag = "orderbot.outcome";
    public const string BackgroundTag = "orderbot.background";
    public const string OrdersTag = "orderbot.orders";
    public const string CallsTag = "orderbot.calls";
    public const string ReasonTag = "orderbot.reason";
    public const string StateTag = "orderbot.state";
    public const string BudgetTag = "orderbot.budget";

    /// <summary>One span per supplier question ("supplier find_by_po"); the HTTP attempts nest below it.</summary>
    internal static readonly ActivitySource Source = new(Name);

    /// <summary>The outcome tag of a supplier answer: <c>ok</c>, or the problem kind in snake case.</summary>
    public static string Outcome(SupplierResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Problem is { } problem ? Kind(problem.Kind) : "ok";
    }

    /// <summary>A problem kind in snake case, e.g. <c>rate_limited</c>, <c>circuit_open</c>.</summary>
    public static string Kind(SupplierProblemKind kind) => kind switch
    {
        SupplierProblemKind.OutsideAvailabilityWindow => "outside_availability_window",
        SupplierProblemKind.RateLimited => "rate_limited",
        SupplierProblemKind.AuthenticationFailed => "authentication_failed",
        SupplierProblemKind.Forbidden => "forbidden",
        SupplierProblemKind.InvalidRequest => "invalid_request",
        SupplierProblemKind.ServerError => "server_error",
        SupplierProblemKind.Timeout => "timeout",
        SupplierProblemKind.CircuitOpen => "circuit_open",
        SupplierProblemKind.MalformedResponse => "malformed_response",
        SupplierProblemKind.NotConfigured => "not_configured",
        SupplierProblemKind.NetworkError => "network_error",
        SupplierProblemKind.BudgetUsed => "budget_used",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
