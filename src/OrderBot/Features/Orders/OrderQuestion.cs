using OrderBot.Features.Recognition;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>What kind of answer the user wants about an identified order.</summary>
public enum OrderAnswerKind
{
    Status,
    Items,
    Tracking,
}

/// <summary>A question about one identifier: a PO, a supplier order number, or a reference that could be either.</summary>
public sealed record OrderQuestion(string Text, OrderAnswerKind Kind, string? Po, string? OrderNumber, string? Ref, SupplierId? Supplier, string? Country)
{
    public static OrderQuestion? From(RecognizerResult recognized)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        if (recognized.AnyIdentifier is null)
        {
            return null;
        }

        var kind = recognized.Intent switch
        {
            Intents.OrderItems => OrderAnswerKind.Items,
            Intents.ShipmentTrack => OrderAnswerKind.Tracking,
            _ => OrderAnswerKind.Status,
        };
        return new OrderQuestion(recognized.Text, kind, recognized.Po, recognized.Order, recognized.Ref, recognized.Supplier, recognized.Country);
    }

    /// <summary>
    /// A yes/no over a reference ("has CUSTPO shipped?"): when every order found carries that reference as its PO,
    /// answer with the PO's summary rather than ask which one was meant.
    /// </summary>
    public bool RefAsSharedPo { get; init; }

    /// <summary>The intent this question answers (telemetry names answers by it).</summary>
    public string Intent => IntentOf(Kind);

    public static string IntentOf(OrderAnswerKind kind) => kind switch
    {
        OrderAnswerKind.Items => Intents.OrderItems,
        OrderAnswerKind.Tracking => Intents.ShipmentTrack,
        _ => Intents.OrderStatus,
    };

    /// <summary>The identifier as shown back to the user, e.g. "PO 201120/1".</summary>
    public string SearchedFor => Po is not null ? $"PO {Po}" : OrderNumber is not null ? $"order {OrderNumber}" : Ref!;

    /// <summary>The opaque paging key of this question's pick list or PO summary.</summary>
    public string PagingQuery => Po is not null ? "po:" + Po : OrderNumber is not null ? "order:" + OrderNumber : "ref:" + Ref;

    /// <summary>Reads back a <see cref="PagingQuery"/>; null when it is not one of ours.</summary>
    public static OrderQuestion? FromPagingQuery(string query, string? supplierKey = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        SupplierId? supplier = SupplierNames.TryParseKey(supplierKey, out var parsed) ? parsed : null;
        var colon = query.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == query.Length - 1)
        {
            return null;
        }

        var value = query[(colon + 1)..];
        return query[..colon] switch
        {
            "po" => new OrderQuestion(value, OrderAnswerKind.Status, value, null, null, supplier, null),
            "order" => new OrderQuestion(value, OrderAnswerKind.Status, null, value, null, supplier, null),
            "ref" => new OrderQuestion(value, OrderAnswerKind.Status, null, null, value, supplier, null),
            _ => null,
        };
    }
}
