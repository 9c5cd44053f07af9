using System.Text.Json;

namespace OrderBot.Suppliers.Ingram.Wire;

/// <summary>What a details body said: the order, "not found", or why it could not be read.</summary>
internal sealed record IngramDetailsReadResult(IngramWireOrderDetail? Detail, bool NotFound, string? Failure, bool Malformed)
{
    public static IngramDetailsReadResult Missing { get; } = new(null, true, null, false);
}

/// <summary>
/// Reads a v5 details body. "Not found" is HTTP 200 with <c>responsestatus: FAILED</c> and the placeholder
/// <c>ordernumber: "Not Found"</c> (public spec sample), never a 404; an empty body means the same.
/// </summary>
internal static class IngramDetailsReader
{
    private static readonly string[] NotFoundMarkers = ["Not Found", "Not-Found", "NotFound"];

    public static IngramDetailsReadResult Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return IngramDetailsReadResult.Missing;
        }

        IngramDetailsEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, IngramDetailsJsonContext.Default.IngramDetailsEnvelope);
        }
        catch (JsonException exception)
        {
            return new IngramDetailsReadResult(null, false, $"Unreadable details body: {exception.Message}", true);
        }

        var service = envelope?.Service;
        if (service is null)
        {
            return new IngramDetailsReadResult(null, false, "The details body has no service response.", true);
        }

        var detail = service.Orderdetailresponse;
        var status = service.Responsepreamble?.Status?.Trim();
        var failed = string.Equals(status, "FAILED", StringComparison.OrdinalIgnoreCase);
        if (detail is null || IsPlaceholder(detail.Ordernumber))
        {
            return failed || detail is not null
                ? IngramDetailsReadResult.Missing
                : new IngramDetailsReadResult(null, false, "The details body has no order.", true);
        }

        if (failed)
        {
            var message = service.Responsepreamble?.Message?.Trim();
            return message is not null && message.Contains("not found", StringComparison.OrdinalIgnoreCase)
                ? IngramDetailsReadResult.Missing
                : new IngramDetailsReadResult(null, false, $"Ingram refused the details: {message}", false);
        }

        return new IngramDetailsReadResult(detail, false, null, false);
    }

    private static bool IsPlaceholder(string? orderNumber) =>
        string.IsNullOrWhiteSpace(orderNumber)
        || NotFoundMarkers.Any(m => string.Equals(orderNumber.Trim(), m, StringComparison.OrdinalIgnoreCase));
}
