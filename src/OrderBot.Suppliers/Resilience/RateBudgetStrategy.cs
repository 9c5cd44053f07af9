using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OrderBot.Suppliers.Resilience;

/// <summary>Options marker for <see cref="RateBudgetStrategy"/> (the budget itself is shared, not per pipeline).</summary>
public sealed class RateBudgetStrategyOptions : ResilienceStrategyOptions
{
    public RateBudgetStrategyOptions()
    {
        Name = "RateBudget";
    }
}

/// <summary>
/// A Polly strategy placed inside the retry and outside the attempt timeout: every attempt spends budget, and time
/// spent queueing for budget is not mistaken for a slow server. After the call it reads the server's rate headers:
/// remaining 0 or a 429 pauses every caller until the server's reset.
/// </summary>
public sealed class RateBudgetStrategy : ResilienceStrategy<HttpResponseMessage>
{
    /// <summary>Set on a request to make it spend the background share as well.</summary>
    public static readonly HttpRequestOptionsKey<bool> BackgroundKey = new("OrderBot.RateBudget.Background");

    private readonly RateBudget _budget;
    private readonly TimeProvider _timeProvider;

    public RateBudgetStrategy(RateBudget budget, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _budget = budget;
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
        if (!await _budget.AcquireAsync(background, context.CancellationToken))
        {
            if (_budget.PauseIsRefusal)
            {
                // The server refused a call (429) and asked for a pause, not our budget: worded "asks us to wait until T".
                return Outcome.FromException<HttpResponseMessage>(new SupplierPausedException(_budget.PausedUntil));
            }

            return Outcome.FromException<HttpResponseMessage>(new RateBudgetExhaustedException("The supplier's call budget is used up for now.")
            {
                AvailableAt = _budget.NextAvailableEstimate(),
            });
        }

        var outcome = await callback(context, state);
        if (outcome.Result is { } response)
        {
            var now = _timeProvider.GetUtcNow();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                _budget.PauseUntil(RateLimitHeaders.RetryAt(response.Headers, now) ?? now + _budget.Settings.Period);
            }
            else if (RateLimitHeaders.Remaining(response.Headers) is 0 && RateLimitHeaders.Reset(response.Headers) is { } reset)
            {
                // The window is used up, by us: wait for its reset, but it is our volume, not a refusal.
                _budget.PauseUntil(reset, refused: false);
            }
        }

        return outcome;
    }
}
