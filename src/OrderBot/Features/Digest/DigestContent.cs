using System.Text.Json;
using System.Text.Json.Serialization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Digest;

/// <summary>The orders' state at a digest, what the next one compares with.</summary>
public sealed record DigestBaseline(IReadOnlyList<DigestBaselineEntry> Orders)
{
    public static DigestBaseline? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, DigestJsonContext.Default.DigestBaseline);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, DigestJsonContext.Default.DigestBaseline);
}

/// <summary>One order at the last digest: its hold keys (<see cref="Hold.Key"/>) and whether it had shipped.</summary>
public sealed record DigestBaselineEntry(SupplierId Supplier, string OrderNumber, bool Held, IReadOnlyList<string> HoldKeys, bool Shipped);

/// <summary>The sections of one digest, each in the order it is shown.</summary>
public sealed record DigestContent
{
    public required DateOnly Day { get; init; }

    public IReadOnlyList<Order> NewHolds { get; init; } = [];

    public IReadOnlyList<Order> Released { get; init; } = [];

    public IReadOnlyList<Order> Shipped { get; init; } = [];

    public IReadOnlyList<Order> Late { get; init; } = [];

    public IReadOnlyList<Order> DueToday { get; init; } = [];

    /// <summary>Digest days that got no digest (the bot was not running then).</summary>
    public IReadOnlyList<DateOnly> Skipped { get; init; } = [];

    /// <summary>No earlier digest here: the holds are those open now, and nothing is "since" anything.</summary>
    public bool First { get; init; }

    public IReadOnlyList<SupplierProblem> Problems { get; init; } = [];

    /// <summary>Nothing in any section (a skipped day or a supplier problem still makes it worth saying).</summary>
    public bool NothingNew => NewHolds.Count + Released.Count + Shipped.Count + Late.Count + DueToday.Count == 0;

    public bool NothingToSay => NothingNew && Skipped.Count == 0 && Problems.Count == 0;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DigestBaseline))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;
