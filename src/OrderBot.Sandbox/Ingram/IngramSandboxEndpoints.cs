using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderBot.Sandbox.Tracking;

namespace OrderBot.Sandbox.Ingram;

/// <summary>The simulated Ingram routes. Routing is case-insensitive, so <c>/resellers/v5/Orders/search</c> works too.</summary>
public static class IngramSandboxEndpoints
{
    private const string Json = "application/json";

    public static IEndpointRouteBuilder MapIngramSandbox(this IEndpointRouteBuilder endpoints, IngramSandboxState state)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(state);
        foreach (var version in new[] { "oauth20", "oauth30" })
        {
            endpoints.MapMethods($"/oauth/{version}/token", ["GET", "POST"], (HttpContext context) => TokenAsync(context, state));
        }

        endpoints.MapGet("/resellers/v5/orders/search", (HttpContext context) => ServeAsync(context, state, Search));
        endpoints.MapGet("/sandbox/resellers/v5/orders/search", (HttpContext context) => ServeAsync(context, state, Search));
        // The literal "search" route wins over this one; routing ignores case, so /resellers/v5/Orders/{n} matches.
        endpoints.MapGet("/resellers/v5/orders/{ordernumber}", (HttpContext context, string ordernumber) =>
            ServeAsync(context, state, (IQueryCollection query, IngramSandboxState s, out int status) => Details(ordernumber, query, s, out status)));
        IngramSandboxControl.Map(endpoints, state);
        endpoints.MapTrackingPages(string.Empty, number => FindParcel(state, number));
        return endpoints;
    }

    /// <summary>The carrier page of a parcel that has left the warehouse (what OrderBot links to when run on the sandbox).</summary>
    private static ParcelInfo? FindParcel(IngramSandboxState state, string number)
    {
        foreach (var order in state.Data.Snapshot())
        {
            foreach (var line in order.Lines)
            {
                var sub = order.SubOrders.FirstOrDefault(s => string.Equals(s.Number, line.SubOrderNumber, StringComparison.OrdinalIgnoreCase));
                var parcel = line.Parcels.FirstOrDefault(p => string.Equals(p.TrackingNumber, number, StringComparison.OrdinalIgnoreCase) && p.FromStep <= order.Step);
                if (parcel is not null && sub is not null && sub.StatusCode is "4" or "I" or "F")
                {
                    return new ParcelInfo(
                        parcel.TrackingNumber,
                        sub.StatusCode == "4" ? "in transit" : "delivered",
                        $"{parcel.CarrierName}, Ingram Micro order {order.OrderNumber}, line {line.LineNumber}, {parcel.Quantity} × {line.ManufacturerPartNumber}",
                        order.EntryTimestamp.AddDays(2));
                }
            }
        }

        return null;
    }

    private static async Task TokenAsync(HttpContext context, IngramSandboxState state)
    {
        var fields = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.OrdinalIgnoreCase)
            : context.Request.Query.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (!string.Equals(fields.GetValueOrDefault("grant_type"), "client_credentials", StringComparison.Ordinal))
        {
            await WriteAsync(context, 400, IngramSandboxJson.Errors("grant_type must be client_credentials"));
            return;
        }

        var options = state.Options;
        if ((options.ClientId is not null && fields.GetValueOrDefault("client_id") != options.ClientId)
            || (options.ClientSecret is not null && fields.GetValueOrDefault("client_secret") != options.ClientSecret))
        {
            await WriteAsync(context, 401, IngramSandboxJson.Errors("invalid client credentials"));
            return;
        }

        await WriteAsync(context, 200, IngramSandboxJson.Token(state.Tokens.Issue(), state.Tokens.Lifetime));
    }

    private delegate byte[] Answer(IQueryCollection query, IngramSandboxState state, out int statusCode);

    /// <summary>What every API call goes through, search or details: count, latency, token, rate window, faults.</summary>
    private static async Task ServeAsync(HttpContext context, IngramSandboxState state, Answer answer)
    {
        state.CountCall();
        var faults = state.Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, state.TimeProvider, context.RequestAborted);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
        if (!state.Tokens.IsValid(token))
        {
            await WriteAsync(context, 401, IngramSandboxJson.Fault("Invalid Access Token", "keymanagement.service.invalid_access_token"));
            return;
        }

        var correlation = context.Request.Headers["IM-CorrelationID"].ToString();
        if (correlation.Length > 0)
        {
            context.Response.Headers["IM-CorrelationID"] = correlation;
        }

        var window = state.RateWindow;
        var allowed = window.TryTake(out var remaining, out var reset);
        SetRateHeaders(context, window.Calls, remaining, reset);
        if (!allowed)
        {
            await TooManyAsync(context, state, reset);
            return;
        }

        var (fault, status) = faults.Take();
        switch (fault)
        {
            case IngramFault.Status:
                await WriteAsync(context, status, IngramSandboxJson.Errors("injected failure"));
                return;
            case IngramFault.TooManyRequests:
                var until = state.TimeProvider.GetUtcNow() + window.Period;
                SetRateHeaders(context, window.Calls, 0, until);
                await TooManyAsync(context, state, until);
                return;
            case IngramFault.Malformed:
                context.Response.StatusCode = 200;
                context.Response.ContentType = Json;
                await context.Response.WriteAsync("<html><body>502 Proxy Error</body></html>", context.RequestAborted);
                return;
        }

        if (correlation.Length > 32)
        {
            await WriteAsync(context, 400, IngramSandboxJson.Errors("IM-CorrelationID must be at most 32 characters"));
            return;
        }

        var body = answer(context.Request.Query, state, out var statusCode);
        if (fault == IngramFault.Truncated)
        {
            body = body[..(body.Length / 2)];
        }

        await WriteAsync(context, statusCode, body);
    }

    private static byte[] Search(IQueryCollection query, IngramSandboxState state, out int statusCode)
    {
        statusCode = 400;
        var customer = query["customerNumber"].ToString().Trim();
        var country = query["isocountrycode"].ToString().Trim().ToUpperInvariant();
        if (customer.Length == 0 || country.Length != 2)
        {
            return IngramSandboxJson.Errors("customerNumber and isocountrycode are required");
        }

        if (!TryInt(query["pagesize"], 25, out var pageSize) || pageSize is < 1 or > 100
            || !TryInt(query["pagenumber"], 1, out var pageNumber) || pageNumber < 1)
        {
            return IngramSandboxJson.Errors("pagesize must be 1-100 and pagenumber at least 1");
        }

        if (!TryStamp(query["startcreatetimestamp"], out var start) || !TryStamp(query["endcreatetimestamp"], out var end))
        {
            return IngramSandboxJson.Errors("startcreatetimestamp and endcreatetimestamp must be UTC date-times");
        }

        if (state.Faults.ForceOutsideWindow || (state.Options.EnforceAvailability && !IngramSandboxAvailability.IsOpen(country, state.TimeProvider.GetUtcNow())))
        {
            statusCode = 500;
            return IngramSandboxJson.Fault("The service is unavailable outside its availability window", "service.unavailable");
        }

        var orderNumber = query["ordernumber"].ToString().Trim();
        var po = query["customerordernumber"].ToString().Trim();
        var orderStatus = query["orderstatus"].ToString().Trim();
        var matches = state.Data.Snapshot()
            .Where(o => string.Equals(o.CustomerNumber, customer, StringComparison.OrdinalIgnoreCase))
            .Where(o => string.Equals(o.Country, country, StringComparison.OrdinalIgnoreCase))
            .Where(o => orderNumber.Length == 0 || string.Equals(o.OrderNumber, orderNumber, StringComparison.OrdinalIgnoreCase))
            .Where(o => po.Length == 0 || string.Equals(o.CustomerPo, po, StringComparison.OrdinalIgnoreCase))
            .Where(o => orderStatus.Length == 0 || orderStatus.Equals("any", StringComparison.OrdinalIgnoreCase)
                || o.SubOrders.Any(s => string.Equals(s.StatusCode, orderStatus, StringComparison.OrdinalIgnoreCase)))
            .Where(o => start is null || o.EntryTimestamp >= start)
            .Where(o => end is null || o.EntryTimestamp <= end)
            .OrderByDescending(o => o.EntryTimestamp)
            .ThenBy(o => o.OrderNumber, StringComparer.Ordinal)
            .ToList();
        statusCode = 200;
        if (matches.Count == 0)
        {
            return IngramSandboxJson.NotFound(state.Options.CodeTablePreamble);
        }

        var page = matches.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToList();
        return IngramSandboxJson.SearchFound(page, matches.Count, pageSize, pageNumber, customer, country, state.Options.CodeTablePreamble);
    }

    /// <summary>
    /// <c>GET /resellers/v5/Orders/{ordernumber}?customernumber=&amp;isocountrycode=</c>: an order number gives every
    /// line, a sub-order number that sub-order's lines. Unknown (or someone else's) orders are HTTP 200 FAILED.
    /// </summary>
    private static byte[] Details(string orderNumber, IQueryCollection query, IngramSandboxState state, out int statusCode)
    {
        statusCode = 400;
        var customer = query["customernumber"].ToString().Trim();
        var country = query["isocountrycode"].ToString().Trim().ToUpperInvariant();
        if (customer.Length == 0 || country.Length != 2)
        {
            return IngramSandboxJson.Errors("customernumber and isocountrycode are required");
        }

        if (state.Faults.ForceOutsideWindow || (state.Options.EnforceAvailability && !IngramSandboxAvailability.IsOpen(country, state.TimeProvider.GetUtcNow())))
        {
            statusCode = 500;
            return IngramSandboxJson.Fault("The service is unavailable outside its availability window", "service.unavailable");
        }

        statusCode = 200;
        var number = orderNumber.Trim();
        var order = state.Data.Snapshot().FirstOrDefault(o =>
            string.Equals(o.CustomerNumber, customer, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.Country, country, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(o.OrderNumber, number, StringComparison.OrdinalIgnoreCase)
                || o.SubOrders.Any(s => string.Equals(s.Number, number, StringComparison.OrdinalIgnoreCase))));
        if (order is null)
        {
            return IngramSandboxDetailsJson.NotFound();
        }

        var subOrder = string.Equals(order.OrderNumber, number, StringComparison.OrdinalIgnoreCase) ? null : number;
        return IngramSandboxDetailsJson.Found(order, subOrder);
    }

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
    }

    private static bool TryStamp(Microsoft.Extensions.Primitives.StringValues value, out DateTimeOffset? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            result = parsed;
            return true;
        }

        return false;
    }

    private static void SetRateHeaders(HttpContext context, int limit, int remaining, DateTimeOffset reset)
    {
        context.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        // Our spec: milliseconds since the epoch.
        context.Response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }

    private static Task TooManyAsync(HttpContext context, IngramSandboxState state, DateTimeOffset reset)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((reset - state.TimeProvider.GetUtcNow()).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return WriteAsync(context, 429, IngramSandboxJson.Errors("too many requests"));
    }

    internal static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Json;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
