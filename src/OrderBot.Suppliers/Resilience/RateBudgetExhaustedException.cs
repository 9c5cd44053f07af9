namespace OrderBot.Suppliers.Resilience;

/// <summary>No permit came from the shared budget in time; the caller reports "rate limited" with <see cref="AvailableAt"/>.</summary>
public sealed class RateBudgetExhaustedException : Exception
{
    public RateBudgetExhaustedException()
    {
    }

    public RateBudgetExhaustedException(string message)
        : base(message)
    {
    }

    public RateBudgetExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DateTimeOffset? AvailableAt { get; init; }
}
