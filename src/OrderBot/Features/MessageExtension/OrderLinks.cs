using OrderBot.Suppliers.Model;

namespace OrderBot.Features.MessageExtension;

/// <summary>
/// The stable link of one order, <c>https://{host}/orders/{supplier}/{orderNumber}</c> (supplier key as in card data:
/// <c>schneider</c>, <c>ingram</c>). Pasted into a Teams message it unfurls into the order card (queryLink).
/// </summary>
public static class OrderLinks
{
    private const string Segment = "orders";

    /// <summary>The link of an order on <paramref name="host"/> (a host name, optionally with a port).</summary>
    public static Uri Build(string host, SupplierId supplier, string orderNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        return new Uri($"https://{host.Trim().TrimEnd('/')}/{Segment}/{SupplierNames.Key(supplier)}/{Uri.EscapeDataString(orderNumber.Trim())}");
    }

    /// <summary>
    /// Reads an order link back; false for anything else (another path, an unknown supplier, another host when
    /// <paramref name="host"/> is configured). Any host is accepted when none is configured.
    /// </summary>
    public static bool TryParse(string? url, string? host, out SupplierId supplier, out string orderNumber)
    {
        supplier = default;
        orderNumber = string.Empty;
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(host) && !string.Equals(uri.Authority, host.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            && !string.Equals(uri.Host, host.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var first, var key, var number] || !string.Equals(first, Segment, StringComparison.OrdinalIgnoreCase)
            || !SupplierNames.TryParseKey(key, out supplier))
        {
            return false;
        }

        orderNumber = Uri.UnescapeDataString(number).Trim();
        return orderNumber.Length is > 0 and <= 64;
    }
}
