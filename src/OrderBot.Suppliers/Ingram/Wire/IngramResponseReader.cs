using System.Text.Json;

namespace OrderBot.Suppliers.Ingram.Wire;

/// <summary>One page of a v5 search, already told apart from "nothing found".</summary>
internal sealed record IngramSearchPage(
    IReadOnlyList<IngramWireOrder> Orders,
    int OrdersFound,
    int PageSize,
    int PageNumber,
    string? ReturnMessage)
{
    public static IngramSearchPage Empty(string? message) => new([], 0, 0, 0, message);
}

/// <summary>What a search body said: a page (possibly empty), or why it could not be read.</summary>
internal sealed record IngramReadResult(IngramSearchPage? Page, string? Failure, bool Malformed);

/// <summary>
/// Reads a v5 search body. Tolerant by design: real servers send the spec's typos, trailing commas, strings for
/// numbers, either nesting of the search container, and "not found" as HTTP 200 with <c>FAILED</c>.
/// </summary>
internal static class IngramResponseReader
{
    public static IngramReadResult Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            // HTTP 200 with no body happens behind gateways; there is nothing to show, which is "nothing found".
            return new IngramReadResult(IngramSearchPage.Empty(null), null, false);
        }

        IngramSearchEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, IngramJsonContext.Default.IngramSearchEnvelope);
        }
        catch (JsonException exception)
        {
            return new IngramReadResult(null, $"Unreadable search body: {exception.Message}", true);
        }

        if (envelope is null || (envelope.Service is null && envelope.Search is null))
        {
            return new IngramReadResult(null, "The search body has neither a service response nor a search response.", true);
        }

        var preamble = envelope.Service?.Responsepreamble;
        var message = preamble?.Message?.Trim();
        if (IsNoData(message))
        {
            return new IngramReadResult(IngramSearchPage.Empty(message), null, false);
        }

        if (string.Equals(preamble?.Status?.Trim(), "FAILED", StringComparison.OrdinalIgnoreCase))
        {
            return new IngramReadResult(null, $"Ingram refused the search: {message}", false);
        }

        var search = envelope.Search;
        // Entries without an order number are fragments, e.g. the spec sample's order-level links split into their
        // own array element; they describe no order, so they are dropped rather than shown as a blank order.
        var orders = (search?.Orders ?? []).Where(o => !string.IsNullOrWhiteSpace(o.Ordernumber)).ToList();
        return new IngramReadResult(
            new IngramSearchPage(
                orders,
                search?.Ordersfound ?? orders.Count,
                search?.Pagesize ?? orders.Count,
                search?.Pagenumber ?? 1,
                message),
            null,
            false);
    }

    private static bool IsNoData(string? message) =>
        message is not null && message.StartsWith("No data found", StringComparison.OrdinalIgnoreCase);
}
