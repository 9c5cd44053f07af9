using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>
/// One order as the book stores it: the indexed columns derived from the normalized <see cref="Order"/> (pure), the
/// order itself as JSON, and a fingerprint of what a reader or the watcher cares about — status, holds, dates,
/// tracking — so a sync tells a change from a re-read without comparing whole documents.
/// </summary>
internal sealed record BookRow(
    string OrderNumber,
    string OrderKey,
    string? Country,
    string? CustomerPo,
    string Status,
    bool OnHold,
    string HoldCategories,
    DateTimeOffset? OrderDate,
    DateTimeOffset? DueDate,
    bool IsClosed,
    string Fingerprint,
    string Json)
{
    public static BookRow From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var categories = order.Holds.Select(h => Category(h.Category)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new BookRow(
            order.OrderNumber.Trim(),
            NormalizeNumber(order.OrderNumber),
            order.Country?.Trim().ToUpperInvariant(),
            NormalizePo(order.CustomerPo),
            OrderStatusKeys.Key(order.Status.Status),
            order.IsHeld,
            categories.Count == 0 ? string.Empty : "|" + string.Join('|', categories) + "|",
            order.OrderDate,
            order.EstimatedDelivery ?? order.LatestOpenLineDate,
            SupplierDates.IsDone(order.Status.Status),
            FingerprintOf(order),
            JsonSerializer.Serialize(order, BookJsonContext.Default.Order));
    }

    /// <summary>An order as the book stores it (<c>order_json</c>, <c>detail_json</c>).</summary>
    public static string ToJson(Order order) => JsonSerializer.Serialize(order, BookJsonContext.Default.Order);

    public static Order Read(string json) =>
        JsonSerializer.Deserialize(json, BookJsonContext.Default.Order) ?? throw new InvalidDataException("A stored book order is empty.");

    /// <summary>POs compare trimmed and case-insensitively (as both suppliers' PO searches do).</summary>
    public static string? NormalizePo(string? po) => string.IsNullOrWhiteSpace(po) ? null : po.Trim().ToUpperInvariant();

    public static string NormalizeNumber(string orderNumber) => orderNumber.Trim().ToUpperInvariant();

    /// <summary>The hold-category token as stored between bars (<c>|credit|</c>), so one LIKE finds a category.</summary>
    public static string Category(HoldCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>
    /// What counts as a change: the status (normalized and the supplier's code), every sub-order's status and hold,
    /// the holds by key, the order's and each line's dates and statuses, and tracking numbers. Amounts, names and
    /// descriptions do not (they are kept, but do not make an event).
    /// </summary>
    public static string FingerprintOf(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var text = new StringBuilder();
        text.Append(order.Status.Status).Append('/').Append(order.Status.SupplierCode).Append(';');
        foreach (var sub in order.SubOrders.OrderBy(s => s.Number, StringComparer.Ordinal))
        {
            text.Append(sub.Number).Append('=').Append(sub.Status.SupplierCode).Append('/').Append(sub.Hold?.Key).Append(';');
        }

        foreach (var key in order.Holds.Select(h => h.Key + "@" + h.Scope).Order(StringComparer.Ordinal))
        {
            text.Append("h:").Append(key).Append(';');
        }

        text.Append("eta:").Append(Stamp(order.EstimatedDelivery)).Append(';');
        foreach (var item in order.Items.OrderBy(i => i.ItemNumber, StringComparer.Ordinal))
        {
            text.Append(item.ItemNumber).Append('=').Append(item.Status?.SupplierCode).Append('/')
                .Append(Stamp(item.EstimatedDelivery)).Append('/').Append(Stamp(item.LastDelivery)).Append(';');
        }

        foreach (var number in order.AllTracking().Select(t => t.Number).Order(StringComparer.Ordinal))
        {
            text.Append("t:").Append(number).Append(';');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }

    private static string Stamp(DateTimeOffset? value) =>
        value?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "-";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Order))]
internal sealed partial class BookJsonContext : JsonSerializerContext;
