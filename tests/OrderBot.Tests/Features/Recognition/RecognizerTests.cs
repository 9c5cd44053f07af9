using System.Text.Json;
using OrderBot.Features.Recognition;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Recognition;

public sealed class RecognizerTests
{
    /// <summary>The clock every table row uses unless it says otherwise: a Wednesday, so weeks start on different days per locale.</summary>
    private static readonly DateTimeOffset DefaultNow = new(2020, 11, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly Recognizer _recognizer = new();

    public static TheoryData<int, string> Utterances()
    {
        var data = new TheoryData<int, string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Recognition", "utterances.jsonl")))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                data.Add(lineNumber, line);
            }
        }

        return data;
    }

    [Fact]
    public void Utterances_Table_HasAtLeast200Rows()
    {
        Assert.True(Utterances().Count >= 200, $"only {Utterances().Count} rows");
    }

    [Theory]
    [MemberData(nameof(Utterances))]
    public void Recognize_TableRow_MatchesExpectedIntentAndEntities(int lineNumber, string row)
    {
        using var document = JsonDocument.Parse(row);
        var root = document.RootElement;
        var text = root.GetProperty("text").GetString()!;
        var context = new RecognizerContext(
            root.TryGetProperty("now", out var now) ? DateTimeOffset.Parse(now.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : DefaultNow,
            root.TryGetProperty("locale", out var locale) ? locale.GetString() : "en-US",
            root.TryGetProperty("timezone", out var zone) ? zone.GetString() : "UTC");
        var expectedEntities = root.GetProperty("entities").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}");

        var result = _recognizer.Recognize(text, context);

        var expected = $"{root.GetProperty("intent").GetString()} {string.Join(", ", expectedEntities.Order(StringComparer.Ordinal))}";
        var actual = $"{result.Intent} {string.Join(", ", result.Entities.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal))}";
        Assert.True(expected == actual, $"line {lineNumber}: \"{text}\"\n expected: {expected}\n   actual: {actual}");
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void Recognize_EntitiesInAnyOrder_AreWrittenInCanonicalKeyOrder()
    {
        var result = _recognizer.Recognize(
            "show shipped schneider orders in FR since 3 Oct for PO 201120/1 item 10", new RecognizerContext(DefaultNow));

        var keys = result.Entities.Keys.ToList();
        var canonical = EntityKeys.All.Where(keys.Contains).ToList();
        Assert.Equal(canonical, keys);
        Assert.Contains(EntityKeys.Po, keys);
        Assert.Contains(EntityKeys.From, keys);
    }

    [Fact]
    public void TypedAccessors_OnCreditHoldSearch_ReturnModelEnumsAndDates()
    {
        var result = _recognizer.Recognize("ingram orders in the UK on credit hold this month", new RecognizerContext(DefaultNow, "en-GB", "Europe/London"));

        Assert.Equal(SupplierId.Ingram, result.Supplier);
        Assert.Equal(OrderStatus.OnHold, result.Status);
        Assert.Equal(HoldCategory.Credit, result.Hold);
        Assert.Equal("GB", result.Country);
        Assert.Equal(new DateOnly(2020, 11, 1), result.From);
        Assert.Equal(new DateOnly(2020, 11, 4), result.To);
        Assert.Null(result.Po);
        Assert.Null(result.AnyIdentifier);
    }

    [Fact]
    public void TypedAccessors_OnIdentifiers_ReturnTheTypedValues()
    {
        var context = new RecognizerContext(DefaultNow);

        Assert.Equal("201120/1", _recognizer.Recognize("where is po 201120 / 1", context).AnyIdentifier);
        Assert.Equal("0100111111", _recognizer.Recognize("items on order 0100111111", context).Order);
        Assert.Equal("CUSTPO", _recognizer.Recognize("where is CUSTPO", context).Ref);
        Assert.Equal("20-123456", _recognizer.Recognize("my ingram customer number is 20-123456", context).Account);
        Assert.Equal(SupplierId.Schneider, _recognizer.Recognize("use schneider purchaser id 1100001111", context).Supplier);
        Assert.Null(_recognizer.Recognize("hi", context).Supplier);
        Assert.Null(_recognizer.Recognize("hi", context).From);
    }

    [Fact]
    public void Recognize_NullText_IsNone()
    {
        var result = _recognizer.Recognize(null!, new RecognizerContext(DefaultNow));

        Assert.Equal(Intents.None, result.Intent);
        Assert.Empty(result.Entities);
    }

    [Fact]
    public void Recognize_NullContext_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _recognizer.Recognize("hi", null!));
    }

    [Fact]
    public void Recognize_SameRecognizerOnManyThreads_GivesSameAnswers()
    {
        var context = new RecognizerContext(DefaultNow, "en-GB", "Europe/Paris");
        var expected = _recognizer.Recognize("ingram orders on credit hold since 10/3", context);

        var results = Enumerable.Range(0, 400).AsParallel()
            .Select(_ => _recognizer.Recognize("ingram orders on credit hold since 10/3", context))
            .ToList();

        Assert.All(results, r => Assert.Equal(expected.Entities, r.Entities));
        Assert.Equal("2020-03-10", expected.Entities[EntityKeys.From]);
    }
}
