using System.Text.Json;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// Issue #24, Ingram: what the cards say about the sandbox's orders, through the real turn pipeline and real HTTP on
/// loopback — a deleted order, quantities and warehouses only as sent, every carrier, the sub-order of a hold, one
/// supplier name, one code per hold, titles without doubled words.
/// </summary>
public sealed class IngramTruthConversationTests : IAsyncLifetime
{
    private const char Nb = '\u2011';
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The card's words as a reader sees them: every text, fact and button title, one per line.</summary>
    private async Task<(string Text, JsonElement Card)> AskAsync(string question)
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR");
        await adapter.ProcessAsync(adapter.MakeMessage(question));
        adapter.TakeReply();
        var card = ReplyAssert.Card(ReplyAssert.Next(adapter));
        var words = new List<string>();
        Collect(card, words);
        return (string.Join("\n", words), card);
    }

    private static void Collect(JsonElement node, List<string> words)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Name is "text" or "title" or "value" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        words.Add(property.Value.GetString()!);
                    }
                    else if (property.Name != "data")
                    {
                        Collect(property.Value, words);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Collect(item, words);
                }

                break;
            default:
                break;
        }
    }

    [Fact]
    public async Task DeletedOrder_CancelledInItsOwnWordsNoHoldBlock()
    {
        var (text, _) = await AskAsync("order 20-VO001");

        Assert.Contains("Cancelled (deleted by Ingram Micro)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("On hold", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hold", text, StringComparison.Ordinal);
        Assert.DoesNotContain("code VO", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedSubOrder_NamedCancelledBesideTheLiveOne_NotAmongHolds()
    {
        var (po, _) = await AskAsync("where is PO 201201/DEL");
        var (held, _) = await AskAsync("ingram orders on hold");

        Assert.Contains("1 in progress, 1 cancelled", po, StringComparison.Ordinal);
        Assert.Contains("Cancelled (deleted by Ingram Micro)", po, StringComparison.Ordinal);
        Assert.DoesNotContain("20-VO", held, StringComparison.Ordinal);
        Assert.DoesNotContain("20" + Nb + "VO", held, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemsOfHeldOrder_NoShippedQuantityOnTheHeldLine_WarehouseFromTheSpecTable()
    {
        var (text, _) = await AskAsync("items of order 20-RF55A");

        Assert.Contains("Shipment 20-RF55A-11, 4 units, Sales hold, from Crick, UK (warehouse 20)", text, StringComparison.Ordinal);
        Assert.Contains("Shipment 20-RF55A-12, 3 units, Released, from Crick, UK (warehouse 20)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("shipped", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Milton Keynes", text, StringComparison.Ordinal);
        Assert.Contains("Confirmed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemsOfFreightOrder_CentralWarehouseByItsRealId()
    {
        var (text, _) = await AskAsync("items of order 20-LT001");

        Assert.Contains("via DB SCHENKER, from Straubing, DE (warehouse 81)", text, StringComparison.Ordinal);
        Assert.Contains("via TNT EXPRESS, from Crick, UK (warehouse 20)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fort Worth", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderWithTwoCarriers_CardNamesBothAndTitlesEachButtonByCarrier()
    {
        var (text, card) = await AskAsync("order 20-LT001");

        Assert.Contains("Carriers\nDB SCHENKER, TNT EXPRESS", text, StringComparison.Ordinal);
        var raw = card.GetRawText();
        Assert.Contains("\"title\":\"Schenker\",\"tooltip\":\"PRO70011234\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"TNT\",\"tooltip\":\"GE123456789WW\"", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Track 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodedHold_NamesItsSubOrderAndShowsOneCode()
    {
        var (text, _) = await AskAsync("order 20-RD12H");

        Assert.Contains($"Hold on 20{Nb}RD12H{Nb}11: HARD-9 CUST NOT FLOOR ORD (code CH)", text, StringComparison.Ordinal);
        Assert.Contains("On hold (Credit hold)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("code C)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SalesHold_StatusWithoutItsCodeBesideTheHoldCode()
    {
        var (text, _) = await AskAsync("order 20-RF55A");

        Assert.Contains("(code SP)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("code S)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hold SP", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropShipOrderItems_OrderTypeEndUserPoShipToFreight()
    {
        var (text, _) = await AskAsync("items of order 20-PS001");

        Assert.Contains("Order type\nDirect (drop-ship)", text, StringComparison.Ordinal);
        Assert.Contains($"End-user PO\nEU{Nb}4471", text, StringComparison.Ordinal);
        Assert.Contains("Ship to\nNORTHWIND CLINIC, 12 HIGH STREET, NORTHAMPTON NN1 1AA, UK", text, StringComparison.Ordinal);
        Assert.Contains("Freight\n£8.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingFound_WhereILookedNamesIngramAsTheCardsDo()
    {
        var (text, _) = await AskAsync("where is PO NOPE77");

        Assert.Contains("Ingram Micro GB, customer 20-123456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingram Micro UK", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreditHoldList_TitleSaysHoldOnce()
    {
        var (text, _) = await AskAsync("ingram orders on credit hold");

        Assert.StartsWith("Orders on credit hold at Ingram Micro", text, StringComparison.Ordinal);
        Assert.DoesNotContain("On hold orders", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TrackTitles_RowTooWideForAPhone_EveryButtonFallsBackToNumbers()
    {
        Tracking T(string number, string? carrier) => new(number, new Uri("https://example.com/" + number)) { Carrier = carrier };

        Assert.Equal(["UPS 1", "UPS 2", "DHL"], CardParts.TrackTitles([T("1", "UPS"), T("2", "UPS"), T("3", "DHL")]));
        Assert.Equal(["Track 1", "Track 2", "Track 3"], CardParts.TrackTitles([T("1", "Royal Mail"), T("2", "Schenker"), T("3", "Colissimo")]));
        Assert.Equal(["Track 1", "Track 2"], CardParts.TrackTitles([T("1", "UPS"), T("2", null)]));
        Assert.Equal(["Track Schenker"], CardParts.TrackTitles([T("1", "Schenker")]));
        Assert.Equal(["Track"], CardParts.TrackTitles([T("1", "Royal Mail")]));
    }
}
