using OrderBot.Cli;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.Orders;

/// <summary>
/// Issue #24's Schneider examples through the real turn pipeline (the CLI composes the app over both sandboxes on
/// loopback, speaking the spec's wire format, and a SQLite file, at a pinned time: 2 Dec 2026 03:00 UTC).
/// </summary>
public sealed class SchneiderTruthTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orderbot-schneider-" + Guid.NewGuid().ToString("N"));
    private readonly string _store;

    public SchneiderTruthTests()
    {
        Directory.CreateDirectory(_root);
        _store = "--Storage:Sqlite:Path=" + Path.Combine(_root, "state.db");
    }

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
    public async Task PoOnFirstAndLastPage_AnswersWithBothOrders()
    {
        // Ten orders a page: FR has many pages, and the PO's orders are the newest and the oldest of them.
        var text = await AskAsync("where is PO 201121/1", "--Suppliers:Schneider:PageSize=10");

        Assert.StartsWith("PO 201121/1\n2 orders found.", text, StringComparison.Ordinal);
        Assert.Contains("order 0100333301", text, StringComparison.Ordinal);
        Assert.Contains("order 0100333302", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsLate_ListsTheLateOrder_OnHoldWhereTheCountrysListSaysHold()
    {
        var spec = await AskAsync("what's late");
        var local = await AskAsync("what's late", "--Sandbox:Schneider:LocalStatusCodes=true");

        Assert.StartsWith("Late orders (delivery date passed, not shipped)", spec, StringComparison.Ordinal);
        Assert.Contains("0101000082", spec, StringComparison.Ordinal);
        Assert.DoesNotContain("0100111111", spec, StringComparison.Ordinal);
        var line = local.Split('\n').SkipWhile(l => !l.Contains("0101000082", StringComparison.Ordinal)).Take(3);
        Assert.Contains("On hold", string.Join('\n', line), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldOrder_HoldSaidOnce_NotHoldOnHoldOnHold()
    {
        var text = await AskAsync("status of order 0101000082", "--Sandbox:Schneider:LocalStatusCodes=true");

        Assert.Contains("On hold", text, StringComparison.Ordinal);
        Assert.Contains("(\"On Hold\")", text, StringComparison.Ordinal); // Schneider's label, verbatim, in the explanation
        Assert.DoesNotContain("Hold OnHold", text, StringComparison.Ordinal);
        Assert.Contains("Estimated delivery: 18 Nov 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeNotInTheCountrysList_IsShownAsAnUnknownCode_NeverAsAHold()
    {
        // The sandbox speaks a local list, but OrderBot is configured only for DE: FR's codes are unknown to it.
        var text = await AskAsync(
            "status of order 0101000082",
            "--Sandbox:Schneider:LocalStatusCodes=true",
            "--Suppliers:Schneider:Countries:DE:TimeZone=Europe/Berlin");

        Assert.Contains("Unknown code OnHold", text, StringComparison.Ordinal);
        Assert.DoesNotContain("What to do:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utc3Account_DateOnlyField_IsTheAccountsDateInTheReadersZone()
    {
        await AskAsync("set my time zone to Europe/Paris");

        // The wire says 2026-12-11T21:00:00Z: midnight of 12 Dec in Istanbul (22:00 on the 11th in Paris).
        var text = await AskAsync("status of order 0100444401 in TR");

        Assert.Contains("Estimated delivery: 12 Dec 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("11 Dec 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackorderedLine_OrderDateIsTheLastLine_AndShipsCompleteSaysWhy()
    {
        var text = await AskAsync("status of order 0100111111");

        // Lines: backordered to 14 Dec, shipped 27 Nov, the rest due 5 Dec.
        Assert.Contains("Estimated delivery: Last item expected 14 Dec 2026; 2 of 3 items by 5 Dec 2026", text, StringComparison.Ordinal);
        Assert.Contains("Ships complete: yes — waiting for the backordered line", text, StringComparison.Ordinal);
        Assert.Contains("Customer: 1500014292", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShipmentCarrierCode_IsSaidAsACode()
    {
        var text = await AskAsync("items of order 0100111111");

        Assert.Contains("carrier 10060100", text, StringComparison.Ordinal);
        Assert.DoesNotContain("via 10060100", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedSchneiderCountry_NarrowsTheSearch_AndTheCardSaysSo()
    {
        await AskAsync("set my schneider country to DE");

        var text = await AskAsync("where is PO 201120/1");

        Assert.Contains("Schneider Electric searched in DE only — set to DE on 2 Dec 2026 (your saved setting)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("order 0100111111", text, StringComparison.Ordinal);
    }

    private async Task<string> AskAsync(string question, params string[] settings)
    {
        using var output = new StringWriter();
        var exit = await AskCommand.RunAsync([question, _store, .. settings], output, TextWriter.Null, NightClock.AtThreeAmUk());
        Assert.Equal(0, exit);
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
