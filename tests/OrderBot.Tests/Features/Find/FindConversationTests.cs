using System.Text.Json;
using OrderBot.Cli;
using OrderBot.Tests.Features.Conversation;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.Find;

/// <summary>
/// "Which order has …" through the real turn pipeline (recognizer, handlers, both sandboxes over loopback HTTP, a
/// SQLite file): the bot reads an order as a clerk would, then finds it by what was on it; nothing found says what
/// was searched.
/// </summary>
public sealed class FindConversationTests : IDisposable
{
    private readonly CliTurns _turns = new();

    public void Dispose() => _turns.Dispose();

    [Fact]
    public async Task Serial_OnAnOrderReadBefore_NamesTheOrderFirstThenItsCard()
    {
        var answers = await _turns.ChatAsync("items of order 20-RF56B", "which order has serial PF3K9LX1");

        var text = answers[1];
        Assert.StartsWith("PF3K9LX1 is on Ingram Micro order 20-RF56B (PO 201120/1), shipped ", text, StringComparison.Ordinal);
        Assert.Contains("Searched: serials on the 1 order I have read with its items in the last 90 days.", text, StringComparison.Ordinal);
        Assert.Contains("\nItems of Ingram Micro GB order 20-RF56B\n", text, StringComparison.Ordinal); // its items card follows, serials on it
        Assert.Contains("PF3K9LX1", text[text.IndexOf("\nItems of", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_OnAnOrderReadBefore_FoundAndAlsoTriedAsPo()
    {
        var answers = await _turns.ChatAsync("tracking for 20-RF56B", "tracking 1Z999AA10123456784");

        Assert.StartsWith("1Z999AA10123456784 is on Ingram Micro order 20-RF56B (PO 201120/1), ", answers[1], StringComparison.Ordinal);
        Assert.Contains("1Z999AA10123456784 as a PO at ", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_OnASchneiderOrderReadBefore_NamesTheSchneiderOrder()
    {
        var answers = await _turns.ChatAsync("items on order 0100111111", "orders with part LV438570");

        Assert.StartsWith("LV438570 is on Schneider Electric order 0100111111 (PO 201120/1), ", answers[1], StringComparison.Ordinal);
        Assert.Contains("Neither supplier's order search takes a part number.", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndCustomerPo_OnADropShipReadBefore_NamesTheOrder()
    {
        var answers = await _turns.ChatAsync("items of order 20-PS001", "end customer PO EU-4471");

        Assert.StartsWith("EU-4471 is on Ingram Micro order 20-PS001 (PO 201130/PART), ", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndCustomerPo_ThatIsTheResellersPo_FoundAtTheSuppliersAsAPo()
    {
        // The recognizer reads "CUSTPO" here as a PO, not an end customer PO: searched as any kind, and as a PO.
        var text = await _turns.AskAsync("which order has end customer PO CUSTPO");

        Assert.StartsWith("No order I have read has CUSTPO, but CUSTPO is a PO of 3 orders: Ingram Micro order 20-RD12", text, StringComparison.Ordinal);
        Assert.Contains("CUSTPO as a PO at Schneider Electric and Ingram Micro.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serial_NothingRead_SaysWhatWasSearchedAndHowToWiden()
    {
        var text = await _turns.AskAsync("which order has serial PF3K9LX1");

        Assert.StartsWith("I found no order with serial number PF3K9LX1.", text, StringComparison.Ordinal);
        Assert.Contains("Searched: serials on the orders I have read with their items in the last 90 days (none yet).", text, StringComparison.Ordinal);
        Assert.Contains("Neither supplier's order search takes a serial number", text, StringComparison.Ordinal);
        Assert.Contains("To widen it:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serial_NotOnTheOrdersRead_NotFoundCountsWhatWasRead()
    {
        var answers = await _turns.ChatAsync("items of order 20-RF56B", "which order has serial NOPE0001");

        Assert.StartsWith("I found no order with serial number NOPE0001.", answers[1], StringComparison.Ordinal);
        Assert.Contains("serials on the 1 order I have read with its items", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareTracking_ShippedOrder_CustomerReadyTextWithoutInternalNumbers()
    {
        var text = await _turns.AskAsync("share tracking for 20-RF56B");

        var message = text[..text.IndexOf("Tracking to send to your customer", StringComparison.Ordinal)];
        Assert.StartsWith("Your order (our reference 201120/1) has shipped", message, StringComparison.Ordinal);
        Assert.Contains("1Z999AA10123456784", message, StringComparison.Ordinal);
        Assert.Contains("DPD: 15501234567890", message, StringComparison.Ordinal);
        Assert.DoesNotContain("20-RF56B", message, StringComparison.Ordinal);
        Assert.DoesNotContain("20-123456", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareTracking_NothingShipped_SaysThereIsNothingToShare()
    {
        var text = await _turns.AskAsync("share tracking for 20-RD12J");

        Assert.StartsWith("There is no tracking to share for order 20-RD12J: nothing has shipped yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareButton_OnAnOrderCard_PostsTheTextBesideIt()
    {
        var root = Path.Combine(Path.GetTempPath(), "orderbot-share-" + Guid.NewGuid().ToString("N"));
        await using (var session = await CliSession.StartAsync(["--Storage:Sqlite:Path=" + Path.Combine(root, "s.db")], NightClock.AtThreeAmUk(), CancellationToken.None))
        {
            var data = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["supplier"] = "ingram", ["order"] = "20-RF56B" });

            var (_, sent) = await session.ExecuteAsync("order.share", data, CancellationToken.None);

            var message = Assert.Single(sent, a => a.Text is not null && a.Text.StartsWith("Your order", StringComparison.Ordinal));
            Assert.Contains("UPS: 1Z999AA10123456784", message.Text, StringComparison.Ordinal);
            Assert.Single(message.Attachments!);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}
