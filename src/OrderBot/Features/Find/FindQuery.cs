using OrderBot.Features.Recognition;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Find;

/// <summary>
/// What "which order has serial SN12345" asks for: the value, the kinds of identifier it may be, and whether it may
/// also be the reseller's own PO (a tracking number or end customer PO often is; "1Z…" could be either).
/// </summary>
/// <param name="Text">The user's words.</param>
/// <param name="Value">The identifier as typed.</param>
/// <param name="Kinds">The kinds searched in the orders read: one when the user said which, every one when not.</param>
/// <param name="AlsoAsPo">Also asked at the suppliers as a PO (their searches take a PO, not these identifiers).</param>
public sealed record FindQuery(string Text, string Value, IReadOnlyList<IdentifierKind> Kinds, bool AlsoAsPo)
{
    public SupplierId? Supplier { get; init; }

    public string? Country { get; init; }

    /// <summary>The first day of the period asked ("… in the last 365 days"), in the user's calendar; null: the configured window.</summary>
    public DateOnly? FromDate { get; init; }

    /// <summary>The one kind the user named, or null when the value could be any.</summary>
    public IdentifierKind? Named => Kinds.Count == 1 ? Kinds[0] : null;

    /// <summary>"serial number SN12345", or the bare value when its kind is not known.</summary>
    public string SearchedFor => Named is { } kind ? $"{IdentifierKinds.Noun(kind)} {Value}" : Value;

    /// <summary>The query a message asks, or null when it names nothing to look for.</summary>
    public static FindQuery? From(RecognizerResult recognized)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        FindQuery? query = null;
        if (Clean(recognized.Serial) is { } serial)
        {
            query = new FindQuery(recognized.Text, serial, [IdentifierKind.Serial], AlsoAsPo: false);
        }
        else if (Clean(recognized.Tracking) is { } tracking)
        {
            query = new FindQuery(recognized.Text, IdentifierKinds.Normalize(tracking), [IdentifierKind.Tracking], AlsoAsPo: true);
        }
        else if (recognized.Catalog is { } catalog)
        {
            query = new FindQuery(recognized.Text, catalog, [IdentifierKind.Catalog], AlsoAsPo: false);
        }
        else if (Clean(recognized.EndUserPo) is { } endUserPo)
        {
            query = new FindQuery(recognized.Text, endUserPo, [IdentifierKind.EndUserPo], AlsoAsPo: true);
        }
        else if (recognized.AnyIdentifier is { } any)
        {
            // "which order has ABC-123": any kind, and perhaps the PO itself.
            query = new FindQuery(recognized.Text, any, IdentifierKinds.All, AlsoAsPo: true);
        }

        return query is null ? null : query with { Supplier = recognized.Supplier, Country = recognized.Country, FromDate = recognized.From };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
