using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider.Wire;

namespace OrderBot.Suppliers.Schneider;

internal sealed partial class SchneiderSupplier
{
    /// <summary>
    /// Reads page 1, then every remaining page (up to MaxScanPages) with at most MaxConcurrentPages in flight. A match
    /// never stops the scan: a PO's orders can sit on page 1 and on the last page. It ends early only when the
    /// account's pages are exhausted — paging follows <c>totalNumberOfPages</c> from page 1, and a page answered with
    /// another number means the list shrank (a page past the end returns the last page again, so an empty page is
    /// never the stop signal). <see cref="ScanResult.Complete"/> says whether every page was read.
    /// </summary>
    private async Task<ScanResult> ScanAsync(
        string country,
        string? orderStatus,
        string? purchaser,
        Func<SchneiderSearchOrder, bool> match,
        CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var first = await _client.SearchAsync(country, orderStatus, purchaser, 1, options.PageSize, cancellationToken);
        if (first.Problem is { } problem)
        {
            return new ScanResult([], 1, 0, 0, problem, Complete: false);
        }

        if (first.NotFound || first.Value is null)
        {
            return new ScanResult([], 1, 1, 0, null, Complete: true);
        }

        var state = new ScanState();
        state.Collect(first.Value, match);
        var totalPages = Math.Max(1, first.Value.Pagination?.TotalNumberOfPages ?? 1);
        var lastPage = Math.Min(totalPages, options.MaxScanPages);
        state.NextPage = 1;
        if (lastPage > 1 && !state.Stop)
        {
            var workers = Math.Min(options.MaxConcurrentPages, lastPage - 1);
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync()));
        }

        var complete = state.Problem is null && (state.Exhausted || lastPage >= totalPages);
        return new ScanResult(state.Matches(), state.Calls + 1, state.PagesRead + 1, totalPages, state.Problem, complete);

        async Task WorkAsync()
        {
            while (!state.Stop)
            {
                var page = Interlocked.Increment(ref state.NextPage);
                if (page > lastPage)
                {
                    return;
                }

                var response = await _client.SearchAsync(country, orderStatus, purchaser, page, options.PageSize, cancellationToken);
                Interlocked.Increment(ref state.Calls);
                if (response.Problem is { } pageProblem)
                {
                    state.Fail(pageProblem);
                    return;
                }

                if (response.Value is null)
                {
                    continue;
                }

                Interlocked.Increment(ref state.PagesRead);
                state.Collect(response.Value, match);
                if (response.Value.Pagination is { } pagination && pagination.PageNumber != page)
                {
                    // The list shrank since page 1: the server answered its last page instead. Nothing lies beyond.
                    state.Exhausted = true;
                    state.Stop = true;
                }
            }
        }
    }

    /// <summary>
    /// Details for each order number, at most <see cref="SchneiderOptions.MaxConcurrentDetails"/> at once (Schneider's
    /// public FAQ: about 10 concurrent calls); a failed details call falls back to the search hit.
    /// </summary>
    private async Task<SupplierResult> FetchDetailsAsync(
        SchneiderCountry country,
        IReadOnlyList<string> orderNumbers,
        Dictionary<string, Order>? fallbacks,
        CancellationToken cancellationToken)
    {
        var responses = new SchneiderResponse<SchneiderOrderDetails>[orderNumbers.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.CurrentValue.MaxConcurrentDetails, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, orderNumbers.Count), parallel, async (i, ct) =>
            responses[i] = await _client.GetOrderAsync(country.Code, orderNumbers[i], ct));
        var orders = new List<Order>();
        SupplierProblem? problem = null;
        for (var i = 0; i < responses.Length; i++)
        {
            var response = responses[i];
            if (response.Value is { } details)
            {
                orders.Add(SchneiderMapper.FromDetails(details, country));
            }
            else if (fallbacks is not null && fallbacks.TryGetValue(orderNumbers[i], out var hit))
            {
                orders.Add(hit);
            }
            else if (response.Problem is not null)
            {
                problem ??= response.Problem;
            }
        }

        return orders.Count == 0 && problem is not null
            ? SupplierResult.Failed(problem, responses.Length)
            : SupplierResult.Found(SupplierId.Schneider, orders, responses.Length);
    }

    /// <summary>A scan's matches and cost; <c>Complete</c>: every page of the account's list was read (none failed, none left past the page cap).</summary>
    private sealed record ScanResult(IReadOnlyList<SchneiderSearchOrder> Matches, int Calls, int PagesRead, int TotalPages, SupplierProblem? Problem, bool Complete);

    private sealed class ScanState
    {
        private readonly Dictionary<string, SchneiderSearchOrder> _matches = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        public int NextPage;
        public int Calls;
        public int PagesRead;
        public volatile bool Stop;
        public volatile bool Exhausted;

        public SupplierProblem? Problem { get; private set; }

        public void Collect(SchneiderSearchResponse page, Func<SchneiderSearchOrder, bool> match)
        {
            lock (_matches)
            {
                foreach (var order in page.OrderList ?? [])
                {
                    var number = order.OrderNumber?.Trim();
                    if (!string.IsNullOrEmpty(number) && match(order) && _matches.TryAdd(number, order))
                    {
                        _order.Add(number);
                    }
                }

            }
        }

        public void Fail(SupplierProblem problem)
        {
            lock (_matches)
            {
                Problem ??= problem;
                Stop = true;
            }
        }

        public IReadOnlyList<SchneiderSearchOrder> Matches()
        {
            lock (_matches)
            {
                return [.. _order.Select(n => _matches[n])];
            }
        }
    }
}
