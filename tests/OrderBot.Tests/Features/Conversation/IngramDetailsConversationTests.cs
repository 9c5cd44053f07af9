using System.Text.RegularExpressions;
using OrderBot.Features.Alerts;
using OrderBot.Features.Orders;
using OrderBot.Suppliers.Model;
using OrderBot.TestKit.Protocol;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>Items and Track on Ingram orders, and the PO summary's details budget, through the bot against the sandboxes.</summary>
public sealed partial class IngramDetailsConversationTests : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> AskAsync(string text)
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR");
        await adapter.ProcessAsync(adapter.MakeMessage(text));
        adapter.TakeReply();
        return ReplyAssert.Card(ReplyAssert.Next(adapter)).GetRawText();
    }

    [Fact]
    public async Task Message_TrackInvoicedIngramOrder_OneWorkingButtonPerLinkedParcelAndTheBareNumber()
    {
        var card = await AskAsync("track order 20-RF56B");

        var urls = TrackingUrl().Matches(card).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, urls.Count);
        Assert.Contains("\"tooltip\":\"1Z999AA10123456784\"", card, StringComparison.Ordinal);
        Assert.Contains("\"tooltip\":\"ZT4AC2G7\"", card, StringComparison.Ordinal);
        // Ingram's own courier is unknown to the carrier table: its number is shown, copyable, without a button.
        Assert.Contains("IMC-778812", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tooltip\":\"IMC-778812\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("did not send the items", card, StringComparison.Ordinal);
        using var http = new HttpClient();
        foreach (var url in urls)
        {
            using var page = await http.GetAsync(new Uri(url));
            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Message_ItemsOfIngramOrder_PartNumbersAndSerials()
    {
        var card = await AskAsync("items of order 20-RF56B");

        Assert.Contains("20XW0045UK", card, StringComparison.Ordinal);
        Assert.Contains("6KT901", card, StringComparison.Ordinal);
        Assert.Contains("PF3K9LX1, PF3K9LX2", card, StringComparison.Ordinal);
        Assert.Contains("invoice 7RF56B11", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_ItemsOfLtlOrder_ProNumberButtonAndSerials()
    {
        var card = await AskAsync("items of order 20-LT001");

        Assert.Contains("\"tooltip\":\"PRO70011234\"", card, StringComparison.Ordinal);
        Assert.Contains("TV75Q801, TV75Q802, TV75Q803, TV75Q804, TV75Q805, TV75Q806", card, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemsCard_ManySerials_FirstFewShownRestFolded()
    {
        var order = Order("20-X1", OrderStatus.Shipped, 1) with
        {
            HasDetails = true,
            Items = [new OrderItem { ItemNumber = "001", Serials = [.. Enumerable.Range(1, 10).Select(i => $"SN{i:D2}")] }],
        };

        var card = OrderBot.AdaptiveCards.AdaptiveCardSerializer.Serialize(OrderBot.Cards.ItemsCard.Build(order, OrderBot.Tests.Cards.TestOrders.London));

        Assert.Contains("SN01, SN02, SN03, SN04, SN05, SN06 and 4 more", card, StringComparison.Ordinal);
        Assert.Contains("Action.ToggleVisibility", card, StringComparison.Ordinal);
        Assert.Contains("Show all 10 serial numbers", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_Po_DetailsOnlyForTheOrderThatLeftTheWarehouse()
    {
        var before = _host.Ingram.State.ApiCalls;

        var card = await AskAsync("where is PO 201120/1");

        // One search, one details call for the invoiced 20-RF56B; the held 20-RF55A is not worth a call.
        Assert.Equal(2, _host.Ingram.State.ApiCalls - before);
        Assert.Contains("\"tooltip\":\"1Z999AA10123456784\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public void PickForDetails_ManyShippedIngramOrders_AtMostThreeNewest()
    {
        var orders = Enumerable.Range(1, 6).Select(i => Order($"20-S{i}", OrderStatus.Shipped, i))
            .Append(Order("20-H1", OrderStatus.OnHold, 10))
            .Append(Order("20-O1", OrderStatus.Open, 11))
            .ToList();

        var picked = OrderStatusService.PickForDetails(SupplierResult.Found(SupplierId.Ingram, orders)).Select(o => o.OrderNumber);

        Assert.Equal(["20-S6", "20-S5", "20-S4"], picked);
    }

    [Fact]
    public void PickForDetails_NothingLeftTheWarehouse_NoCall()
    {
        var orders = new[] { Order("20-H1", OrderStatus.OnHold, 1), Order("20-O1", OrderStatus.InProgress, 2) };

        Assert.Empty(OrderStatusService.PickForDetails(SupplierResult.Found(SupplierId.Ingram, orders)));
    }

    [Fact]
    public void AlertCard_ShippedWithoutTrackingLinks_NeverClaimsTrackingIsAvailable()
    {
        var shipped = Order("20-X1", OrderStatus.Shipped, 1);

        var bare = OrderBot.AdaptiveCards.AdaptiveCardSerializer.Serialize(AlertCard.Build(new OrderAlert(AlertKind.Shipped, shipped), OrderBot.Tests.Cards.TestOrders.London));

        Assert.DoesNotContain("Tracking is now available", bare, StringComparison.Ordinal);
        Assert.Contains("No tracking yet: Ingram Micro has not sent a tracking number.", bare, StringComparison.Ordinal);
    }

    private static Order Order(string number, OrderStatus status, int day) => new()
    {
        Supplier = SupplierId.Ingram,
        OrderNumber = number,
        Status = new StatusInfo(status, "", null),
        OrderDate = new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero),
    };

    [GeneratedRegex("\"url\":\"(http[^\"]+/tracking/[^\"]+)\"")]
    private static partial Regex TrackingUrl();
}
