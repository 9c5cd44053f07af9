using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Ingram.Wire;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OrderBot.Suppliers.Ingram;

/// <summary>Every documented v5 search parameter. Country is Ingram's code (UK, not GB).</summary>
internal sealed record IngramSearchQuery
{
    public required string CustomerNumber { get; init; }
    public required string Country { get; init; }
    public string? OrderNumber { get; init; }
    public string? CustomerOrderNumber { get; init; }
    public string? OrderStatus { get; init; }
    public DateTimeOffset? StartCreate { get; init; }
    public DateTimeOffset? EndCreate { get; init; }
    public int? PageSize { get; init; }
    public int? PageNumber { get; init; }
}

/// <summary>One search call's outcome: a page, or the problem, as values.</summary>
internal sealed record IngramCallResult(IngramSearchPage? Page, SupplierProblem? Problem);

/// <summary>One details call's outcome: the order's details, "not found", or the problem, as values.</summary>
internal sealed record IngramDetailsCallResult(IngramWireOrderDetail? Detail, SupplierProblem? Problem)
{
    public bool NotFound => Detail is null && Problem is null;
}

/// <summary>
/// The typed HttpClient for v5 order search and order details. Auth, rate budget, retries and timeouts live in the handler chain
/// declared at registration; this class builds the query and turns every answer or failure into a value.
/// </summary>
internal sealed class IngramClient
{
    public const string CorrelationHeader = "IM-CorrelationID";

    private readonly HttpClient _http;
    private readonly IOptionsMonitor<IngramOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IngramClient> _logger;

    public IngramClient(HttpClient http, IOptionsMonitor<IngramOptions> options, TimeProvider timeProvider, ILogger<IngramClient> logger)
    {
        _http = http;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<IngramCallResult> SearchAsync(IngramSearchQuery query, bool background, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var url = new Uri(options.BaseUrl!.ToString().TrimEnd('/') + options.SearchPath + BuildQueryString(query));
        var (page, problem) = await SendAsync(
            url,
            background,
            correlationId => Log.Searching(_logger, correlationId, url.Query),
            IngramSearchPage.Empty(null),
            body =>
            {
                var read = IngramResponseReader.Read(body);
                return read.Page is { } page ? Answer<IngramSearchPage>.Read(page) : Answer<IngramSearchPage>.Unusable(read.Malformed, read.Failure);
            },
            "Ingram Micro refused the search.",
            cancellationToken);
        return new IngramCallResult(page, problem);
    }

    /// <summary>
    /// <c>GET /resellers/v5/Orders/{ordernumber}?customernumber=&amp;isocountrycode=</c>, through the same handler chain
    /// (token, gate, retries, circuit) as search: every attempt is counted in the 60/min budget.
    /// </summary>
    public async Task<IngramDetailsCallResult> DetailsAsync(string orderNumber, string customerNumber, string country, bool background, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var url = DetailsUrl(_options.CurrentValue, orderNumber, customerNumber, country);
        var (detail, problem) = await SendAsync<IngramWireOrderDetail?>(
            url,
            background,
            correlationId => Log.Details(_logger, correlationId, url.AbsolutePath),
            null,
            body =>
            {
                var read = IngramDetailsReader.Read(body);
                return read.Detail is not null || read.NotFound
                    ? Answer<IngramWireOrderDetail?>.Read(read.Detail)
                    : Answer<IngramWireOrderDetail?>.Unusable(read.Malformed, read.Failure);
            },
            "Ingram Micro refused the order details.",
            cancellationToken);
        return new IngramDetailsCallResult(detail, problem);
    }

    /// <summary>
    /// The one request/response path: a GET with a correlation id (Ingram allows 32 characters: a GUID without
    /// dashes) through the handler chain; 204 is <paramref name="noContent"/>; an error status, an unusable body or a
    /// failure of the chain becomes a <see cref="SupplierProblem"/> naming the correlation id.
    /// </summary>
    private async Task<(T? Value, SupplierProblem? Problem)> SendAsync<T>(
        Uri url,
        bool background,
        Action<string> logStart,
        T noContent,
        Func<byte[], Answer<T>> read,
        string refused,
        CancellationToken cancellationToken)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CorrelationHeader, correlationId);
        request.Headers.Accept.ParseAdd("application/json");
        request.Options.Set(SupplierGateStrategy.BackgroundKey, background);
        logStart(correlationId);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return (noContent, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                Log.SearchFailed(_logger, correlationId, response.StatusCode);
                return (default, ProblemFor(response, correlationId));
            }

            var answer = read(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            if (answer.Usable)
            {
                return (answer.Value, null);
            }

            Log.Malformed(_logger, correlationId, answer.Failure ?? "unknown");
            var kind = answer.Malformed ? SupplierProblemKind.MalformedResponse : SupplierProblemKind.InvalidRequest;
            return (default, Problem(kind, answer.Malformed ? "Ingram Micro sent an unreadable answer." : refused, detail: $"{answer.Failure} (correlation {correlationId})"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (Classify(exception) is { } problem)
        {
            Log.SearchProblem(_logger, exception, correlationId, problem.Kind);
            return (default, problem with { Detail = $"{problem.Detail} (correlation {correlationId})" });
        }
    }

    /// <summary>A body read: usable (with its value, which may be "not found"), or unusable and why.</summary>
    private readonly record struct Answer<T>(bool Usable, T? Value, bool Malformed, string? Failure)
    {
        public static Answer<T> Read(T value) => new(true, value, false, null);

        public static Answer<T> Unusable(bool malformed, string? failure) => new(false, default, malformed, failure);
    }

    /// <summary>The details URL; the order number is user input, so it is escaped as a path segment.</summary>
    internal static Uri DetailsUrl(IngramOptions options, string orderNumber, string customerNumber, string country)
    {
        var path = options.DetailsPath.Replace("{ordernumber}", Uri.EscapeDataString(orderNumber.Trim()), StringComparison.OrdinalIgnoreCase);
        var query = new StringBuilder();
        Append(query, "customernumber", customerNumber);
        Append(query, "isocountrycode", country);
        return new Uri(options.BaseUrl!.ToString().TrimEnd('/') + path + query);
    }

    internal static string BuildQueryString(IngramSearchQuery query)
    {
        var builder = new StringBuilder();
        Append(builder, "customerNumber", query.CustomerNumber);
        Append(builder, "isocountrycode", query.Country);
        Append(builder, "ordernumber", query.OrderNumber);
        Append(builder, "customerordernumber", query.CustomerOrderNumber);
        Append(builder, "orderstatus", query.OrderStatus);
        Append(builder, "startcreatetimestamp", Stamp(query.StartCreate));
        Append(builder, "endcreatetimestamp", Stamp(query.EndCreate));
        Append(builder, "pagesize", query.PageSize?.ToString(CultureInfo.InvariantCulture));
        Append(builder, "pagenumber", query.PageNumber?.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // Every value is user input (a PO, an order number): escape it.
        builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string? Stamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private SupplierProblem ProblemFor(HttpResponseMessage response, string correlationId)
    {
        var status = (int)response.StatusCode;
        var detail = $"HTTP {status} (correlation {correlationId})";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Problem(SupplierProblemKind.AuthenticationFailed, "Ingram Micro refused OrderBot's credentials.", detail: detail),
            HttpStatusCode.Forbidden => Problem(SupplierProblemKind.Forbidden, "OrderBot has no access to these Ingram Micro orders.", detail: detail),
            HttpStatusCode.TooManyRequests => Problem(
                SupplierProblemKind.RateLimited,
                "Ingram Micro is busy (rate limit reached); try again shortly.",
                RateLimitHeaders.RetryAt(response.Headers, _timeProvider.GetUtcNow()),
                detail),
            HttpStatusCode.BadRequest or HttpStatusCode.NotFound => Problem(SupplierProblemKind.InvalidRequest, "Ingram Micro did not accept the search.", detail: detail),
            _ when status >= 500 => Problem(SupplierProblemKind.ServerError, "Ingram Micro is having trouble right now.", detail: detail),
            _ => Problem(SupplierProblemKind.InvalidRequest, "Ingram Micro did not accept the search.", detail: detail),
        };
    }

    private SupplierProblem? Classify(Exception exception) => exception switch
    {
        SupplierResponseUnreadableException unreadable => Problem(SupplierProblemKind.MalformedResponse, "Ingram Micro sent an unreadable answer.", detail: unreadable.Message),
        SupplierWaitException { Refused: true } paused => Problem(SupplierProblemKind.RateLimited, "Ingram Micro asks us to wait before asking again.", paused.AvailableAt, "paused by Retry-After"),
        SupplierWaitException budget => Problem(SupplierProblemKind.BudgetUsed, "I've used this minute's Ingram Micro allowance.", budget.AvailableAt, "local rate budget"),
        BrokenCircuitException broken => Problem(
            SupplierProblemKind.CircuitOpen,
            "Ingram Micro has been failing; OrderBot is giving it a short break.",
            broken.RetryAfter is { } after ? _timeProvider.GetUtcNow() + after : null,
            "circuit open"),
        TimeoutRejectedException => Problem(SupplierProblemKind.Timeout, "Ingram Micro did not answer in time.", detail: "timeout"),
        OperationCanceledException => Problem(SupplierProblemKind.Timeout, "Ingram Micro did not answer in time.", detail: "cancelled by timeout"),
        IngramAuthenticationException auth => Problem(SupplierProblemKind.AuthenticationFailed, "OrderBot could not sign in to Ingram Micro.", detail: auth.Message),
        HttpRequestException http => Problem(SupplierProblemKind.NetworkError, "Ingram Micro could not be reached.", detail: http.Message),
        _ => null,
    };

    private static SupplierProblem Problem(SupplierProblemKind kind, string message, DateTimeOffset? availableAt = null, string? detail = null) =>
        new(SupplierId.Ingram, kind, message, availableAt, detail);
}
