using OrderBot.Cli;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// Issue #12's "answers a different question with confidence" examples, through the real turn pipeline (the CLI
/// composes the app over both sandboxes on loopback and a SQLite file, at a pinned time): each answers the question
/// asked, or says plainly what it could not do.
/// </summary>
public sealed class HonestAnswersTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orderbot-honest-" + Guid.NewGuid().ToString("N"));

    public HonestAnswersTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless.
        }
    }

    [Fact]
    public async Task ShippedToday_SaysTheSearchCannotTellShipDates_AndListsOnlyShippedOrders()
    {
        var text = await AskAsync("which orders shipped today");

        Assert.Contains("A supplier search does not say when an order shipped", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Shipped orders from", text, StringComparison.Ordinal);
        Assert.DoesNotContain("In progress", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DueThisWeek_FiltersOnDeliveryDate_NeverListsClosedOrdersPlacedThisWeek()
    {
        var text = await AskAsync("which orders are due for delivery this week");

        Assert.Contains("Orders due from", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoiced", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled", text, StringComparison.Ordinal);
        Assert.Contains("carry no delivery date", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders for customer Acme", "I can't filter by end customer \"acme\"")]
    [InlineData("orders for end user Contoso", "I can't filter by end customer \"contoso\"")]
    [InlineData("anything on hold for more than 3 days", "The suppliers don't say when a hold began, so I can tell only for orders I watch")]
    [InlineData("what changed since yesterday", "I can't see what changed at the suppliers over a period")]
    public async Task FilterItCannotApplyFully_IsNamedNotDropped(string question, string note)
    {
        var text = await AskAsync(question);

        Assert.Contains(note, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what's on hold at ingram")]
    [InlineData("what's on hold?")]
    [InlineData("what is on hold at ingram")]
    public async Task WhatsOnHold_ListsHeldOrders_InsteadOfAskingWhichOrder(string question)
    {
        var text = await AskAsync(question);

        Assert.StartsWith("On hold orders", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Which order?", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Late_FiltersOnPassedDeliveryDate_AndSaysWhatItCouldNotCheck()
    {
        var text = await AskAsync("what's late");

        Assert.StartsWith("Late orders (delivery date passed, not shipped)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry, I didn't get that", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoldCodeMeaning_FromTheCodeTable()
    {
        var text = await AskAsync("what does hold code CH mean");

        Assert.StartsWith("Ingram Micro hold code CH", text, StringComparison.Ordinal);
        Assert.Contains("What to do:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelPo_SaysItCannotAndWhere_ThenShowsTheOrders()
    {
        var text = await AskAsync("cancel PO CUSTPO");

        Assert.StartsWith("I can't cancel or change orders: only the supplier can.", text, StringComparison.Ordinal);
        Assert.Contains("PO CUSTPO", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPosInOneMessage_EachAnsweredInTurn()
    {
        var text = await AskAsync("where is PO 201120/1 and PO CUSTPO");

        var first = text.IndexOf("PO 201120/1\n", StringComparison.Ordinal);
        var second = text.IndexOf("PO CUSTPO\n", StringComparison.Ordinal);
        Assert.True(first == 0 && second > first, text);
        Assert.Contains("order 20-RF55A", text[..second], StringComparison.Ordinal);
        Assert.Contains("order 20-RD12H", text[second..], StringComparison.Ordinal);
        Assert.DoesNotContain("ask me separately", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOrdersInOneMessage_EachAnsweredInTurn()
    {
        var text = await AskAsync("status of order 0100111111 and order 20-RF56B");

        var second = text.IndexOf("order 20-RF56B", StringComparison.Ordinal);
        Assert.True(text.IndexOf("order 0100111111", StringComparison.Ordinal) is >= 0 and var first && second > first, text);
    }

    [Fact]
    public async Task WatchPoBr_IsNotASubscriptionToEveryOrderInBrazil()
    {
        var text = await AskAsync("watch PO BR");

        Assert.StartsWith("I can't watch \"BR\" as a PO or order number.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertOnAnyIngramCreditHold_AsksWhichAccountOrCountry()
    {
        var text = await AskAsync("alert this channel when any ingram order goes on credit hold");

        Assert.StartsWith("Which Ingram Micro orders?", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetMyLanguage_DoesNotSaveACountry()
    {
        var text = await AskAsync("set my language to German");

        Assert.StartsWith("Saved for you: language German (de). Dates and numbers now follow it; my answers and cards stay in English for now.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("country DE", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkupMentioningAnAlert_IsAQuestionNotASubscription()
    {
        var text = await AskAsync("<p>the <b>alert</b> was wrong, where is PO 201120/1</p>");

        Assert.DoesNotContain("I'll post here", text, StringComparison.Ordinal);
        Assert.StartsWith("PO 201120/1", text, StringComparison.Ordinal);
        Assert.Contains("order 0100111111", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemWithoutAnOrder_SaysOrdersAreFoundByPoOrOrderNumber_NotNotFound()
    {
        var text = await AskAsync("when will item LV438570 arrive");

        Assert.StartsWith("I can't find orders by product", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No order found", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemOnAnOrder_AnswersThatLine_ThenTheItems()
    {
        var text = await AskAsync("when will item LV438570 on order 0100111111 arrive");

        Assert.StartsWith("LV438570 (item 000010) on Schneider Electric order 0100111111: open, 0 of 3 shipped, 3 backordered, estimated delivery ", text, StringComparison.Ordinal);
        Assert.Contains("Items of Schneider Electric FR order 0100111111", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenOrdersAtASupplierInACountry_AreTheNotClosedOnes_AndTheTitleSaysSo()
    {
        var text = await AskAsync("open orders at ingram in GB");

        Assert.StartsWith("Open orders (not yet shipped, invoiced or cancelled) at Ingram Micro in GB", text, StringComparison.Ordinal);
        var counts = text.Split('\n')[1];
        Assert.Matches(@"^\d+ orders\. \d+ on hold, .*\d+ in progress\.$", counts);
        Assert.DoesNotContain("invoiced", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("cancelled", counts, StringComparison.Ordinal);
        Assert.DoesNotContain(" shipped,", counts.Replace("partially shipped", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\nInvoiced", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Schneider Electric FR order", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryOfOpenOrders_CountsByStatusHoldsFirst_AndBySupplier()
    {
        var text = await AskAsync("summary of my open orders");

        var counts = text.Split('\n')[1];
        Assert.Matches(@"^\d+ orders\. \d+ on hold, .* Schneider Electric \d+ · Ingram Micro \d+\.$", counts);
        Assert.Contains("\nOn hold", text.Split("Ingram Micro GB order", 2)[1][..40], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasedOrdersThisMonth_AreThoseWithTheWarehouse_NeverInvoicedOnes()
    {
        var text = await AskAsync("released ingram orders this month");

        Assert.StartsWith("Released orders (with the warehouse: in progress, not yet shipped) placed from", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nInvoiced", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nOpen\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetMyCountry_SaysBothSuppliersChanged_AndHowToSetOne()
    {
        var text = await AskAsync("set my country to DE");

        Assert.StartsWith("Saved for you: Schneider Electric country DE, Ingram Micro country DE. To set one supplier only, say e.g. \"set my Ingram country to DE\".", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAboveTheSearchLimit_SaysNotAll_AndHowManyMatch()
    {
        var text = await AskAsync("all orders");

        var lines = text.Split('\n');
        Assert.Matches(@"^\d+ orders shown, not all of them\.", lines[1]);
        Assert.Matches(@"^Schneider Electric has \d+ matching orders; this list has its 50 newest\.", lines[2]);
    }

    [Theory]
    [InlineData("schneider orders in 2026", "Orders placed from 1 Jan 2026 to 31 Dec 2026 at Schneider Electric\n")]
    [InlineData("which orders am I following", "Orders I'm watching\n")]
    [InlineData("what are my subscriptions", "Orders I'm watching\n")]
    [InlineData("our schneider purchaser id is 1100001111", "Saved for you: Schneider purchaser id 1100001111.")]
    [InlineData("where is customer order number CUSTPO", "PO CUSTPO\n")]
    [InlineData("set my time zone to Europe/Paris", "Saved for you: time zone Europe/Paris.")]
    [InlineData("set my time zone to CET", "Saved for you: time zone Europe/Paris (CET).")]
    [InlineData("what's overdue", "Late orders (delivery date passed, not shipped)\n")]
    public async Task CommonPhrasing_IsTheQuestionAsked(string question, string answerStart)
    {
        var text = await AskAsync(question);

        Assert.StartsWith(answerStart, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoWithAZeroWidthSpaceInside_IsTheWholePo()
    {
        var text = await AskAsync("where is PO 2011\u200B20/1");

        Assert.Contains("PO 201120/1", text, StringComparison.Ordinal);
        Assert.Contains("order 0100111111", text, StringComparison.Ordinal);
    }

    private async Task<string> AskAsync(string question)
    {
        using var output = new StringWriter();
        var storage = "--Storage:Sqlite:Path=" + Path.Combine(_root, Guid.NewGuid().ToString("N") + ".db");
        var exit = await AskCommand.RunAsync([question, storage], output, TextWriter.Null, NightClock.AtThreeAmUk());
        Assert.Equal(0, exit);
        return output.ToString();
    }
}
