using System.Globalization;
using System.Text.Json;

namespace OrderBot.Features.Alerts.Webhooks;

/// <summary>
/// One Ingram order-status notification as we use it: which event, when, and which orders, lines and statuses it
/// names. Only <see cref="EventId"/> is signed; the rest only says which orders to read again.
/// </summary>
internal sealed record IngramOrderEvent(string EventId, DateTimeOffset? Stamp, IReadOnlyList<IngramEventOrder> Orders)
{
    /// <summary>The (order, line, status) triples the event reports, for the cross-instance de-duplication.</summary>
    public IReadOnlyList<string> ChangeKeys =>
    [
        .. Orders.SelectMany(o => o.Lines.Count == 0
            ? [Key(o.OrderNumber ?? "po:" + o.CustomerOrderNumber, "*", o.EventType)]
            : o.Lines.Select(l => Key(o.OrderNumber ?? "po:" + o.CustomerOrderNumber, l.LineNumber ?? l.SubOrderNumber ?? "*", l.LineStatus ?? o.EventType))),
    ];

    private static string Key(string? order, string line, string? status) =>
        string.Join('|', (order ?? "?").Trim().ToUpperInvariant(), Line(line.Trim().ToUpperInvariant()), (status ?? "?").Trim().ToUpperInvariant());

    /// <summary>Line 1 sent as a number and "001" sent as text are one line.</summary>
    private static string Line(string line) =>
        line.Length > 0 && line.All(char.IsAsciiDigit) ? line.TrimStart('0').PadLeft(1, '0').PadLeft(3, '0') : line;
}

/// <summary>One <c>resource</c> entry: an order (or only its customer PO, the one field the schema requires).</summary>
internal sealed record IngramEventOrder(string? EventType, string? OrderNumber, string? CustomerOrderNumber, IReadOnlyList<IngramEventLine> Lines);

internal sealed record IngramEventLine(string? LineNumber, string? SubOrderNumber, string? LineStatus);

/// <summary>
/// Reads the notification body (<c>OrderStatusAsyncNotificationRequest</c>). The documented copies disagree on field
/// names — <c>eventTimeStamp</c> / <c>evenTtimeStamp</c> / <c>eventtimestamp</c>, camelCase or all lower case,
/// <c>ingramLineNumber</c> or <c>LineNumber</c> — so every name is matched case-insensitively and the variants are
/// tried in turn; <c>resource</c> and <c>lines</c> may be one object or an array; numbers may be strings. Pure.
/// </summary>
internal static class IngramEventReader
{
    public static bool TryRead(ReadOnlySpan<byte> body, out IngramOrderEvent? notification)
    {
        notification = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "eventId") is not { Length: > 0 } eventId)
            {
                return false;
            }

            var orders = Items(root, "resource").Select(r => new IngramEventOrder(
                Text(r, "eventType"),
                Text(r, "orderNumber"),
                Text(r, "customerOrderNumber"),
                [.. Items(r, "lines").Select(l => new IngramEventLine(Text(l, "ingramLineNumber", "lineNumber"), Text(l, "subOrderNumber"), Text(l, "lineStatus")))]))
                .Where(o => o.OrderNumber is not null || o.CustomerOrderNumber is not null)
                .ToList();
            notification = new IngramOrderEvent(eventId, Stamp(Text(root, "eventTimeStamp", "evenTtimeStamp")), orders);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DateTimeOffset? Stamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stamp)
            ? stamp
            : null;

    /// <summary>The first of <paramref name="names"/> present (any case), as text; numbers are read as their text.</summary>
    private static string? Text(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (Property(element, name) is { } value)
            {
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text.Trim();
                }
            }
        }

        return null;
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Property(element, name) switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object),
            { ValueKind: JsonValueKind.Object } single => [single],
            _ => [],
        };

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
