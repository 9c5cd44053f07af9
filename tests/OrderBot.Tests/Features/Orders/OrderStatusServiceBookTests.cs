using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Orders;

/// <summary>
/// Questions answered from the order book (#26), through the real turn pipeline over both sandboxes and a real SQLite
/// book: lists, counts, late and hold age over the whole book with its age stated; an account not yet synced named
/// and asked live; a single order whose supplier is over our budget answered from the book with its age; the book
/// disabled answers as without one.
/// </summary>
public sealed class OrderStatusServiceBookTests : IAsyncLifetime
{
    private const int Orders = 2_100; // 525 of each status; 263 open orders overdue

    private BookTurns _turns = null!;

    public async Task InitializeAsync() => _turns = await BookTurns.StartAsync();

    public async Task DisposeAsync() => await _turns.DisposeAsync();

    internal static void Has(string text, string part) => Assert.True(text.Contains(part, StringComparison.Ordinal), $"Missing \"{part}\" in:\n{text}");

    internal static void HasNot(string text, string part) => Assert.False(text.Contains(part, StringComparison.Ordinal), $"Unexpected \"{part}\" in:\n{text}");

    [Fact]
    public async Task HowManyOpen_WholeBookSynced_CountsEveryOrderAsOfTheSync_NoNewestCaveat()
    {
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(Orders));
        _turns.Clock.Advance(TimeSpan.FromMinutes(12));

        var text = await _turns.AskAsync("how many open orders at ingram");

        Assert.StartsWith("1,575 open orders (not yet shipped, invoiced or cancelled) at Ingram Micro as of 10:30.", text, StringComparison.Ordinal);
        Has(text, "1,575 orders as of 10:30.");
        Has(text, "Searched every order in OrderBot's order book for Ingram Micro (synced as of 10:30), not only the newest.");
        HasNot(text, "newest I checked");
        HasNot(text, "not all of them");
    }

    [Fact]
    public async Task OnHoldList_WholeBook_AllHeldOrdersCounted()
    {
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(Orders));

        var text = await _turns.AskAsync("orders on credit hold at ingram");

        Has(text, "525 orders as of 10:30.");
        Has(text, "20-Q0002"); // newest held first
        HasNot(text, "newest here");
    }

    [Fact]
    public async Task Late_BookRowsWithoutDates_AskedLiveNotAnsweredCantTell()
    {
        // 1,050 of the book's open rows carry no delivery date: the book could only say "can't tell" for them, so the
        // live search (the supplier's own dates) answers, and nothing claims the whole book was searched.
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(Orders));

        var text = await _turns.AskAsync("what's late at ingram");

        Assert.StartsWith("Late orders (delivery date passed, not shipped) at Ingram Micro", text, StringComparison.Ordinal);
        HasNot(text, "Searched every order in OrderBot's order book");
        Has(text, "OrderBot's order book has not read the delivery dates of 1050 open orders yet, so I asked Ingram Micro directly.");
        HasNot(text, "263 orders as of 10:30.");
    }

    [Fact]
    public async Task Late_RealSyncOfSchneider_BookHasNoDates_AnsweredLiveWithTheLateOrder()
    {
        // A real pass over the Schneider sandbox stores search hits, which carry no delivery dates: the book can't tell
        // what is late, so the live search (reading the details that carry dates) answers — not "can't tell" for all.
        var france = new BookAccount(SupplierId.Schneider, OrderBookAccounts.AllPurchasers, "FR");
        Assert.Equal(BookSyncOutcome.Completed, await _turns.Sync.SyncAccountAsync(france));

        var text = await _turns.AskAsync("what's late at schneider");

        Assert.StartsWith("Late orders (delivery date passed, not shipped) at Schneider Electric", text, StringComparison.Ordinal);
        Has(text, "0101000082");
        HasNot(text, "Searched every order in OrderBot's order book");
        Has(text, "OrderBot's order book has not read the delivery dates of 48 open orders yet, so I asked Schneider Electric directly.");
    }

    [Fact]
    public async Task HeldForDays_WholeBook_EveryHeldOrderConsidered()
    {
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(Orders));

        var text = await _turns.AskAsync("anything on hold for more than 3 days at ingram");

        Has(text, "525 held orders I can't date may also qualify");
        Has(text, "as of 10:30");
        HasNot(text, "newest I checked");
    }

    [Fact]
    public async Task List_AccountNotYetSynced_NamedAndAskedLive()
    {
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(Orders));

        var text = await _turns.AskAsync("what's on hold?");

        Has(text, "Schneider Electric FR is not in the order book yet (its first sync has not finished), so I asked Schneider Electric directly.");
        Has(text, "Searched every order in OrderBot's order book for Ingram Micro (synced as of 10:30)");
        HasNot(text, "orders as of 10:30."); // part of it is live: no single age for the count
    }

    [Fact]
    public async Task List_NothingSynced_EverySupplierAskedLive_AccountsNamed()
    {
        var text = await _turns.AskAsync("what's on hold at ingram");

        Has(text, "Ingram Micro 20-123456 (GB) is not in the order book yet (its first sync has not finished), so I asked Ingram Micro directly.");
        HasNot(text, " as of ");
    }

    [Fact]
    public async Task SingleOrder_IngramOverOurBudget_AnsweredFromTheBookWithItsAge()
    {
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(Orders));
        _turns.Clock.Advance(TimeSpan.FromMinutes(12));
        await _turns.UseIngramBudgetAsync();

        var text = await _turns.AskAsync("where is order 20-Q0006");

        Assert.StartsWith("I've used this minute's Ingram Micro allowance (its limit, kept by OrderBot); this is Ingram Micro's order as of 10:30, from OrderBot's order book.", text, StringComparison.Ordinal);
        Has(text, "20-Q0006");
        HasNot(text, "did not answer in time");
        HasNot(text, "I found no");
    }

    [Fact]
    public async Task SingleOrder_AnsweredLive_RecordedInTheBook()
    {
        var text = await _turns.AskAsync("where is order 20-RF55A");

        var book = await _turns.Book.QueryAsync(new BookQuery { OrderNumber = "20-RF55A" });
        Has(text, "20-RF55A");
        Assert.Equal(["20-RF55A"], book.Orders.Select(o => o.OrderNumber));
        HasNot(text, "order book");
    }

    [Fact]
    public async Task SingleOrder_IngramOverBudget_NoCopyInTheBook_SaysSoNeverNotFound()
    {
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(10));
        await _turns.UseIngramBudgetAsync();

        var text = await _turns.AskAsync("where is order 20-RF55A");

        Has(text, "I've used this minute's Ingram Micro allowance");
        Has(text, "OrderBot's order book of Ingram Micro (synced as of 10:30) has no such order — one entered since then would not be in it yet.");
        HasNot(text, "from OrderBot's order book");
        HasNot(text, "I found no");
    }

    [Fact]
    public async Task PoQuestion_BudgetBackWithinTurnWait_CopyInTheBook_AnsweredFromTheBookWithoutWaiting()
    {
        // Our budget has a call again in 1 s — within Ingram's turn wait (2 s), so without the book the question waits
        // for it. The book holds the order: the question is answered at once from the book, without the clock moving.
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(Orders));
        await _turns.UseIngramBudgetAsync();
        _turns.Clock.Advance(TimeSpan.FromSeconds(60)); // permits leave the window 61 s after use

        var text = await _turns.AskAsync("where is PO BOOK-6").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.StartsWith("I've used this minute's Ingram Micro allowance (its limit, kept by OrderBot); this is Ingram Micro's order as of 10:30, from OrderBot's order book.", text, StringComparison.Ordinal);
        Has(text, "20-Q0006");
    }

    [Fact]
    public async Task PoQuestion_IngramOverBudget_NotInTheSyncedBook_SaysSoWithItsAgeNeverNotFound()
    {
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(10));
        _turns.Clock.Advance(TimeSpan.FromMinutes(3));
        await _turns.UseIngramBudgetAsync();

        var text = await _turns.AskAsync("where is PO NOPE-77").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.StartsWith("I've used this minute's Ingram Micro allowance (its limit, kept by OrderBot); OrderBot's order book of Ingram Micro (synced as of 10:30) has no such order", text, StringComparison.Ordinal);
        HasNot(text, "Ingram Micro found no");
        HasNot(text, "from OrderBot's order book");
    }
}

/// <summary><c>OrderBook:Enabled=false</c>: a synced book is not read; answers are today's live ones.</summary>
public sealed class OrderStatusServiceBookDisabledTests : IAsyncLifetime
{
    private BookTurns _turns = null!;

    public async Task InitializeAsync() => _turns = await BookTurns.StartAsync("--OrderBook:Enabled=false");

    public async Task DisposeAsync() => await _turns.DisposeAsync();

    [Fact]
    public async Task BookDisabled_ListAndOverBudgetOrder_AnsweredLiveAsWithoutABook()
    {
        await _turns.SyncAsync(BookTurns.Ingram, BookTurns.IngramOrders(100));

        var list = await _turns.AskAsync("how many open orders at ingram");
        await _turns.UseIngramBudgetAsync();
        var order = await _turns.AskAsync("where is order 20-Q0006");

        Assert.DoesNotContain("20-Q00", list, StringComparison.Ordinal);
        Assert.DoesNotContain(" as of ", list, StringComparison.Ordinal);
        Assert.DoesNotContain("order book", list, StringComparison.Ordinal);
        Assert.Contains("I've used this minute's Ingram Micro allowance", order, StringComparison.Ordinal);
        Assert.DoesNotContain("order book", order, StringComparison.Ordinal);
    }
}
