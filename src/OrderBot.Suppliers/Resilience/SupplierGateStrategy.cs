using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OrderBot.Suppliers.Resilience;

/// <summary>Options marker for <see cref="SupplierGateStrategy"/> (the gate itself is shared, not per pipeline).</summary>
public sealed class SupplierGateStrategyOptions : ResilienceStrategyOptions
{
    public SupplierGateStrategyOptions()
    {
        Name = "SupplierGate";
    }
}

/// <summary>
/// A Polly strategy placed inside the retry and outside the attempt timeout: every attempt passes the supplier's
/// <see cref="SupplierGate"/>, and time spent queueing is not mistaken for a slow server. After the call it reads the
/// server's answer: a 429 pauses every caller until <c>Retry-After</c>; with a published budget, remaining 0 pauses
/// them until <c>X-RateLimit-Reset</c> (our volume, not a refusal).
/// </summary>
public sealed class SupplierGateStrategy : ResilienceStrategy<HttpResponseMessage>
{
    /// <summary>Set on a request to make it spend the background share as well.</summary>
    public static readonly HttpRequestOptionsKey<bool> BackgroundKey = new("OrderBot.SupplierGate.Background");

    private readonly SupplierGate _gate;
    private readonly TimeProvider _timeProvider;

    public SupplierGateStrategy(SupplierGate gate, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _gate = gate;
        _timeProvider = timeProvider;
    }

    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetRequestMessage();
        var background = request is not null && request.Options.TryGetValue(BackgroundKey, out var flag) && flag;
        var held = new List<IRatePermit>(2);
        if (!await _gate.AcquireAsync(background, held, context.CancellationToken))
        {
            return Outcome.FromException<HttpResponseMessage>(_gate.Refusal());
        }

        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await callback(context, state);
        }
        finally
        {
            // Shared windows hold the permit one period from now, when the supplier has surely counted the call.
            await SupplierGate.CompleteAsync(held);
        }
        if (outcome.Result is { } response)
        {
            var settings = _gate.Settings;
            var now = _timeProvider.GetUtcNow();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                _gate.PauseUntil(RateLimitHeaders.RetryAt(response.Headers, now) ?? now + (settings.DefaultPause ?? settings.Period));
            }
            else if (settings.HasWindow && RateLimitHeaders.Remaining(response.Headers) is 0 && RateLimitHeaders.Reset(response.Headers) is { } reset)
            {
                // The window is used up, by us: wait for its reset, but it is our volume, not a refusal.
                _gate.PauseUntil(reset, refused: false);
            }
        }

        return outcome;
    }
}

/// <summary>
/// The supplier's gate did not let the call through in time; not called. <see cref="Refused"/>: the supplier asked
/// us to wait (a 429's <c>Retry-After</c>) — "asks us to wait until T"; otherwise our own share of its published
/// budget is used up — "I've used this minute's allowance". <see cref="AvailableAt"/>: when to ask again.
/// </summary>
public sealed class SupplierWaitException : Exception
{
    public SupplierWaitException()
    {
    }

    public SupplierWaitException(string message)
        : base(message)
    {
    }

    public SupplierWaitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SupplierWaitException(DateTimeOffset? availableAt, bool refused)
        : base(refused
            ? $"The supplier asked us to wait until {availableAt:O}."
            : "The supplier's call budget is used up for now.")
    {
        AvailableAt = availableAt;
        Refused = refused;
    }

    /// <summary>When the supplier can be asked again.</summary>
    public DateTimeOffset? AvailableAt { get; init; }

    /// <summary>True: the supplier refused us and asked for a pause; false: our own budget is used up.</summary>
    public bool Refused { get; init; }
}
