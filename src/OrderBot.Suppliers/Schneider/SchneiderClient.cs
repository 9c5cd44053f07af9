using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;
using OrderBot.Suppliers.Schneider.Wire;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OrderBot.Suppliers.Schneider;

/// <summary>One Schneider API answer: the value, "not found" (a normal outcome), or the problem that stopped it.</summary>
internal readonly record struct SchneiderResponse<T>(T? Value, SupplierProblem? Problem, bool NotFound)
    where T : class
{
    public static SchneiderResponse<T> Ok(T value) => new(value, null, false);

    public static SchneiderResponse<T> Missing() => new(null, null, true);

    public static SchneiderResponse<T> Failed(SupplierProblem problem) => new(null, problem, false);
}

/// <summary>
/// Typed client for the four Schneider Order Status endpoints. Auth, retries, timeouts and the circuit breaker
/// live in the handler pipeline declared at registration; this class turns HTTP answers into values.
/// </summary>
internal sealed class SchneiderClient
{
    private static readonly string[] KnownCodes = ["Invalid_OrderNumber", "Empty_OrderNumber", "Empty_ItemNumber", "Invalid_Input"];

    private readonly HttpClient _http;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SchneiderClient> _logger;

    public SchneiderClient(HttpClient http, TimeProvider timeProvider, ILogger<SchneiderClient> logger)
    {
        _http = http;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary><c>GET orders/{country}</c> with optional <c>order-status</c> and <c>purchaserid</c>.</summary>
    public Task<SchneiderResponse<SchneiderSearchResponse>> SearchAsync(
        string country, string? orderStatus, string? purchaserId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        SearchAsync(country, orderStatus, purchaserId, page, pageSize, background: false, cancellationToken);

    /// <summary>The same; <paramref name="background"/> (the order book's sync) spends only the background share of the gate.</summary>
    public Task<SchneiderResponse<SchneiderSearchResponse>> SearchAsync(
        string country, string? orderStatus, string? purchaserId, int page, int pageSize, bool background, CancellationToken cancellationToken)
    {
        var query = new StringBuilder($"orders/{Segment(country)}?page-size={pageSize.ToString(CultureInfo.InvariantCulture)}&page={page.ToString(CultureInfo.InvariantCulture)}");
        if (!string.IsNullOrWhiteSpace(orderStatus))
        {
            query.Append("&order-status=").Append(Uri.EscapeDataString(orderStatus.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(purchaserId))
        {
            query.Append("&purchaserid=").Append(Uri.EscapeDataString(purchaserId.Trim()));
        }

        return GetAsync("search", query.ToString(), SchneiderJsonContext.Default.SchneiderSearchResponse, background, cancellationToken);
    }

    /// <summary><c>GET orders/{country}/{order-number}</c>.</summary>
    public Task<SchneiderResponse<SchneiderOrderDetails>> GetOrderAsync(string country, string orderNumber, CancellationToken cancellationToken = default) =>
        GetAsync("order details", $"orders/{Segment(country)}/{Segment(orderNumber)}", SchneiderJsonContext.Default.SchneiderOrderDetails, cancellationToken);

    /// <summary>The same; <paramref name="background"/> (the order book's detail reads) spends only the background share of the gate.</summary>
    public Task<SchneiderResponse<SchneiderOrderDetails>> GetOrderAsync(string country, string orderNumber, bool background, CancellationToken cancellationToken) =>
        GetAsync("order details", $"orders/{Segment(country)}/{Segment(orderNumber)}", SchneiderJsonContext.Default.SchneiderOrderDetails, background, cancellationToken);

    /// <summary><c>GET orders/{country}/{order-number}/{item-number}/shipment-schedules</c>.</summary>
    public Task<SchneiderResponse<SchneiderShipmentSchedules>> GetShipmentSchedulesAsync(string country, string orderNumber, string itemNumber, CancellationToken cancellationToken = default) =>
        GetAsync(
            "shipment schedules",
            $"orders/{Segment(country)}/{Segment(orderNumber)}/{Segment(itemNumber)}/shipment-schedules",
            SchneiderJsonContext.Default.SchneiderShipmentSchedules,
            cancellationToken);

    // Every segment is escaped: an order number is user input ("../x", "a/b", "?"). A blank value is sent as is
    // (escaped) so the server answers with its own code (Empty_OrderNumber / Empty_ItemNumber) rather than a 404 route.
    private static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Uri.EscapeDataString(value.Trim().Length == 0 ? value : value.Trim());
    }

    private Task<SchneiderResponse<T>> GetAsync<T>(string endpoint, string relativeUrl, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class => GetAsync(endpoint, relativeUrl, typeInfo, background: false, cancellationToken);

    private async Task<SchneiderResponse<T>> GetAsync<T>(string endpoint, string relativeUrl, JsonTypeInfo<T> typeInfo, bool background, CancellationToken cancellationToken)
        where T : class
    {
        HttpResponseMessage response;
        try
        {
            // A background call (the order book's sync) spends only the background share of the gate.
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(relativeUrl, UriKind.Relative));
            request.Options.Set(SupplierGateStrategy.BackgroundKey, background);
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (BrokenCircuitException exception)
        {
            return Fail<T>(endpoint, SupplierProblemKind.CircuitOpen, "Schneider Electric is failing repeatedly; I'll try again shortly.", exception.GetType().Name, exception.RetryAfter);
        }
        catch (SupplierResponseUnreadableException exception)
        {
            // Above the size cap, or cut short: read no further, say so.
            Log.MalformedBody(_logger, exception, endpoint);
            return Fail<T>(endpoint, SupplierProblemKind.MalformedResponse, "Schneider Electric sent an unreadable answer.", exception.Message);
        }
        catch (SupplierWaitException exception)
        {
            return Fail<T>(endpoint, SupplierProblemKind.RateLimited, "Schneider Electric asks us to wait before asking again.", "paused by Retry-After", availableAt: exception.AvailableAt);
        }
        catch (TimeoutRejectedException exception)
        {
            return Fail<T>(endpoint, SupplierProblemKind.Timeout, "Schneider Electric did not answer in time.", exception.GetType().Name);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail<T>(endpoint, SupplierProblemKind.Timeout, "Schneider Electric did not answer in time.", exception.GetType().Name);
        }
        catch (SchneiderAuthenticationException exception)
        {
            return Fail<T>(endpoint, SupplierProblemKind.AuthenticationFailed, "Schneider Electric refused OrderBot's credentials.", exception.Message);
        }
        catch (HttpRequestException exception)
        {
            return Fail<T>(endpoint, SupplierProblemKind.NetworkError, "Schneider Electric could not be reached.", exception.HttpRequestError.ToString());
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await ReadAsync(endpoint, response, typeInfo, cancellationToken);
            }

            var body = await ReadErrorBodyAsync(response, cancellationToken);
            var code = ErrorCode(body);
            var detail = $"HTTP {(int)response.StatusCode}{(code is null ? string.Empty : " " + code)}";
            return response.StatusCode switch
            {
                HttpStatusCode.NotFound when string.Equals(code, "Invalid_OrderNumber", StringComparison.OrdinalIgnoreCase) => SchneiderResponse<T>.Missing(),
                HttpStatusCode.NotFound or HttpStatusCode.BadRequest =>
                    Fail<T>(endpoint, SupplierProblemKind.InvalidRequest, "Schneider Electric did not accept that request; please check the order or item number.", detail),
                HttpStatusCode.Unauthorized => Fail<T>(endpoint, SupplierProblemKind.AuthenticationFailed, "Schneider Electric refused OrderBot's credentials.", detail),
                HttpStatusCode.Forbidden => Fail<T>(endpoint, SupplierProblemKind.Forbidden, "OrderBot's Schneider Electric account has no access to that.", detail),
                HttpStatusCode.TooManyRequests => Fail<T>(
                    endpoint,
                    SupplierProblemKind.RateLimited,
                    "Schneider Electric is limiting requests just now.",
                    detail,
                    availableAt: RateLimitHeaders.RetryAt(response.Headers, _timeProvider.GetUtcNow())),
                HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => Fail<T>(endpoint, SupplierProblemKind.Timeout, "Schneider Electric did not answer in time.", detail),
                _ => Fail<T>(endpoint, SupplierProblemKind.ServerError, "Schneider Electric is having trouble answering just now.", detail),
            };
        }
    }

    private async Task<SchneiderResponse<T>> ReadAsync<T>(string endpoint, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken);
            return value is null
                ? Fail<T>(endpoint, SupplierProblemKind.MalformedResponse, "Schneider Electric sent an unreadable answer.", "null body")
                : SchneiderResponse<T>.Ok(value);
        }
        catch (JsonException exception)
        {
            Log.MalformedBody(_logger, exception, endpoint);
            return Fail<T>(endpoint, SupplierProblemKind.MalformedResponse, "Schneider Electric sent an unreadable answer.", exception.GetType().Name);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // A body cut short (Content-Length not reached, connection closed mid-body) is a truncated answer.
            Log.MalformedBody(_logger, exception, endpoint);
            return Fail<T>(endpoint, SupplierProblemKind.MalformedResponse, "Schneider Electric sent an incomplete answer.", exception.GetType().Name);
        }
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// The error code from a body: the public v1.0 JSON shape (<c>code</c>), a JSON string, or plain text. The spec
    /// writes the codes with a leading space (" Invalid_OrderNumber"), so the code is trimmed.
    /// </summary>
    internal static string? ErrorCode(string body)
    {
        var text = body.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                var error = JsonSerializer.Deserialize(text, SchneiderJsonContext.Default.SchneiderError);
                text = error?.Code?.Trim() ?? string.Empty;
            }
            catch (JsonException)
            {
                // Not the documented shape: fall back to looking for a known code in the raw text.
            }
        }

        text = text.Trim().Trim('"').Trim();
        var known = KnownCodes.FirstOrDefault(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
        return known ?? (text.Length is > 0 and <= 64 && !text.Contains('<', StringComparison.Ordinal) ? text : null);
    }

    private SchneiderResponse<T> Fail<T>(string endpoint, SupplierProblemKind kind, string message, string? detail, TimeSpan? retryAfter = null, DateTimeOffset? availableAt = null)
        where T : class
    {
        Log.CallFailed(_logger, endpoint, kind, detail);
        availableAt ??= retryAfter is { } after ? _timeProvider.GetUtcNow() + after : null;
        return SchneiderResponse<T>.Failed(new SupplierProblem(SupplierId.Schneider, kind, message, availableAt, detail));
    }
}
