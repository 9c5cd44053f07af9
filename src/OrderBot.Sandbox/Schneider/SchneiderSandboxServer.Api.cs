using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrderBot.Sandbox.Schneider;

public sealed partial class SchneiderSandboxServer
{
    private void MapEndpoints()
    {
        var api = _app.MapGroup(SchneiderSandboxOptions.BasePath);
        api.MapGet("/orders/{country}", (HttpContext http, string country) =>
            ServeAsync(http, Stats.CountSearch, () => Search(http, country)));
        api.MapGet("/orders/{country}/{orderNumber}", async (HttpContext http, string country, string orderNumber) =>
        {
            using var inFlight = Stats.TrackDetails();
            await ServeAsync(http, Stats.CountOrderDetails, () => Details(country, orderNumber));
        });
        api.MapGet("/orders/{country}/{orderNumber}/{itemNumber}", (HttpContext http, string country, string orderNumber, string itemNumber) =>
            ServeAsync(http, Stats.CountItemDetails, () => Item(country, orderNumber, itemNumber, schedules: false)));
        api.MapGet("/orders/{country}/{orderNumber}/{itemNumber}/shipment-schedules", (HttpContext http, string country, string orderNumber, string itemNumber) =>
            ServeAsync(http, Stats.CountShipmentSchedules, () => Item(country, orderNumber, itemNumber, schedules: true)));
        _app.MapPost("/token", (Delegate)Token);
        MapTracking();
        MapControl();
    }

    /// <summary>Common to the four API endpoints: count, latency, auth, injected faults, then the answer.</summary>
    private async Task ServeAsync(HttpContext http, Action count, Func<Answer> answer)
    {
        // The delay's timer exists before the arrival is signalled, so a test that moves a fake clock on arrival
        // always releases this request.
        var latency = Faults.Latency;
        var delay = latency > TimeSpan.Zero ? Task.Delay(latency, _timeProvider, http.RequestAborted) : Task.CompletedTask;
        count();
        await delay;

        Answer result;
        if (!IsAuthorized(http.Request))
        {
            Stats.CountUnauthorized();
            result = new Answer(401, SchneiderWireWriter.Error("401", "Invalid or expired token"));
        }
        else if (Faults.TakeServerError())
        {
            result = new Answer(500, SchneiderWireWriter.Error("500", "Fault from server"));
        }
        else
        {
            result = answer();
        }

        if (result.Status == 200 && Faults.TakeMalformed())
        {
            result = result with { Body = Encoding.UTF8.GetBytes("{\"orderList\": [ {\"orderNumber\": \"01001\", <html>Gateway") };
        }

        http.Response.StatusCode = result.Status;
        http.Response.ContentType = result.PlainText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
        if (result.Status == 200 && Faults.TakeTruncated())
        {
            // The body cut mid-JSON with consistent framing, as a proxy that lost the tail would deliver it. (An
            // aborted connection would surface as a transport error, which the retry policy handles instead.)
            result = result with { Body = result.Body[..(result.Body.Length / 2)] };
        }

        http.Response.ContentLength = result.Body.Length;
        await http.Response.Body.WriteAsync(result.Body);
    }

    private bool IsAuthorized(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Options.ApiKeyHeader, out var key) && string.Equals(key.ToString(), Options.ApiKey, StringComparison.Ordinal))
        {
            return true;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && IsValidToken(authorization["Bearer ".Length..].Trim());
    }

    private Answer Search(HttpContext http, string country)
    {
        if (!IsCountry(country))
        {
            return NotFound(" Invalid_Input", "The country must be a 2-letter code.");
        }

        var query = http.Request.Query;
        if (!TryReadInt(query["page-size"], Options.DefaultPageSize, out var pageSize) || pageSize < 1 || pageSize > Options.MaxPageSize)
        {
            return new Answer(400, SchneiderWireWriter.Error("INVALID_PARAMETER", $"page-size must be between 1 and {Options.MaxPageSize}."));
        }

        if (!TryReadInt(query["page"], 1, out var page) || page < 1)
        {
            return new Answer(400, SchneiderWireWriter.Error("INVALID_PARAMETER", "page must be a positive number."));
        }

        var status = query["order-status"].ToString().Trim();
        if (status.Length > 0)
        {
            Stats.RecordStatusFilter(status);

            // Codes are country-specific: one the account's list does not have is refused, as a real account would.
            var known = Options.LocalStatusCodes ? SandboxStatuses.OrderCodes : ["Open", "InProgress"];
            if (!known.Contains(status, StringComparer.OrdinalIgnoreCase))
            {
                return NotFound(" Invalid_Input", $"Unknown order-status '{status}' for {country}.");
            }
        }

        var purchaser = (query["purchaserid"].ToString() is { Length: > 0 } p ? p : query["purchaser-id"].ToString()).Trim();
        return _store.Read(view =>
        {
            IEnumerable<SandboxOrder> orders = view.ByCountry.TryGetValue(country, out var list) ? list : [];
            if (status.Length > 0)
            {
                orders = orders.Where(o => string.Equals(SandboxStatuses.OrderCode(o.StatusCode, Options.LocalStatusCodes), status, StringComparison.OrdinalIgnoreCase));
            }

            if (purchaser.Length > 0)
            {
                orders = orders.Where(o => o.PurchaserId.ToString(CultureInfo.InvariantCulture) == purchaser);
            }

            var matching = orders.ToList();
            var totalPages = (matching.Count + pageSize - 1) / pageSize;

            // As the public docs say: a page past the end returns the last page, not an empty one.
            var served = Math.Max(1, Math.Min(page, totalPages));
            var slice = matching.Skip((served - 1) * pageSize).Take(pageSize).ToList();
            return new Answer(200, SchneiderWireWriter.Search(slice, matching.Count, served, totalPages, Options.LocalStatusCodes));
        });
    }

    private Answer Details(string country, string orderNumber) =>
        WithOrder(country, orderNumber, order => new Answer(200, SchneiderWireWriter.Details(order, Options.LocalStatusCodes)));

    private Answer Item(string country, string orderNumber, string itemNumber, bool schedules) =>
        WithOrder(country, orderNumber, order =>
        {
            if (string.IsNullOrWhiteSpace(itemNumber))
            {
                return NotFound(" Empty_ItemNumber", "Please provide the item number.");
            }

            var item = order.Items.FirstOrDefault(i => i.ItemNumber == itemNumber.Trim());
            if (item is null)
            {
                return NotFound(" Invalid_Input", "No such item in this order.");
            }

            return new Answer(200, schedules
                ? SchneiderWireWriter.ShipmentSchedules(order, item, RootUrl.ToString().TrimEnd('/'))
                : SchneiderWireWriter.ItemDetails(order, item, Options.LocalStatusCodes));
        });

    private Answer WithOrder(string country, string orderNumber, Func<SandboxOrder, Answer> answer)
    {
        if (!IsCountry(country))
        {
            return NotFound(" Invalid_Input", "The country must be a 2-letter code.");
        }

        if (string.IsNullOrWhiteSpace(orderNumber))
        {
            return NotFound(" Empty_OrderNumber", "Please provide the order number.");
        }

        return _store.Read(view =>
            view.ByNumber.TryGetValue(orderNumber.Trim(), out var order) && string.Equals(order.Country, country, StringComparison.OrdinalIgnoreCase)
                ? answer(order)
                : NotFound(" Invalid_OrderNumber", "We cannot find anything related to this order number."));
    }

    private Answer NotFound(string code, string message) =>
        Faults.PlainTextErrors
            ? new Answer(404, Encoding.UTF8.GetBytes(code), PlainText: true)
            : new Answer(404, SchneiderWireWriter.Error(code, message));

    private static bool IsCountry(string country) => country.Length == 2 && country.All(char.IsAsciiLetter);

    private static bool TryReadInt(string? text, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private sealed record Answer(int Status, byte[] Body, bool PlainText = false);
}
