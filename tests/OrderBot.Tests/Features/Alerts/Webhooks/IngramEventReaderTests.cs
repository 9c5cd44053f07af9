using System.Text;
using OrderBot.Features.Alerts.Webhooks;

namespace OrderBot.Tests.Features.Alerts.Webhooks;

public sealed class IngramEventReaderTests
{
    /// <summary>The documented copies of the payload disagree on names and case; every one reads the same.</summary>
    [Theory]
    [InlineData("""{"topic":"resellers/orders","event":"im::updated","eventTimeStamp":"2026-12-02T03:00:00Z","eventId":"E1","resource":[{"eventType":"im::order_hold","orderNumber":"20-IM088","customerOrderNumber":"IM-ONLY-88","lines":[{"ingramLineNumber":"001","subOrderNumber":"20-IM088-11","lineStatus":"IM::hold","backOrderedQuantity":0}]}]}""")]
    [InlineData("""{"topic":"resellers/orders","event":"im::updated","evenTtimeStamp":"2026-12-02T03:00:00Z","eventId":"E1","resource":[{"eventType":"im::order_hold","orderNumber":"20-IM088","customerOrderNumber":"IM-ONLY-88","lines":[{"LineNumber":"001","subOrderNumber":"20-IM088-11","lineStatus":"IM::hold","backorderedQuantity":0}]}]}""")]
    [InlineData("""{"topic":"resellers/orders","event":"im::updated","eventtimestamp":"2026-12-02T03:00:00Z","eventid":"E1","resource":{"eventtype":"im::order_hold","ordernumber":"20-IM088","customerordernumber":"IM-ONLY-88","lines":{"ingramlinenumber":1,"subordernumber":"20-IM088-11","linestatus":"IM::hold","backorderquantity":"0"}}}""")]
    [InlineData("""{"EVENTID":"E1","EventTimeStamp":"2026-12-02 03:00:00","Resource":[{"EventType":"im::order_hold","OrderNumber":"20-IM088","Lines":[{"IngramLineNumber":"001","LineStatus":"IM::hold"}]}]}""")]
    public void TryRead_FieldNameVariants_ReadTheSameEvent(string body)
    {
        Assert.True(IngramEventReader.TryRead(Encoding.UTF8.GetBytes(body), out var read));

        Assert.Equal("E1", read!.EventId);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero), read.Stamp);
        var order = Assert.Single(read.Orders);
        Assert.Equal("20-IM088", order.OrderNumber);
        Assert.Equal("im::order_hold", order.EventType);
        Assert.Equal(["20-IM088|001|IM::HOLD"], read.ChangeKeys);
    }

    [Fact]
    public void TryRead_OnlyTheRequiredCustomerOrderNumber_KeysTheChangeOnThePo()
    {
        Assert.True(IngramEventReader.TryRead("""{"eventId":"E2","resource":[{"customerOrderNumber":"PO-1"}]}"""u8, out var read));

        Assert.Null(read!.Stamp);
        Assert.Equal("PO-1", Assert.Single(read.Orders).CustomerOrderNumber);
        Assert.Equal(["PO:PO-1|*|?"], read.ChangeKeys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"eventid":""}""")]
    [InlineData("""{"resource":[]}""")]
    [InlineData("""{"eventId":{"nested":1}}""")]
    public void TryRead_NoEventId_IsRefused(string body) =>
        Assert.False(IngramEventReader.TryRead(Encoding.UTF8.GetBytes(body), out _));
}
