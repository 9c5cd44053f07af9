using System.Text.Json;
using OrderBot.Cli;
using OrderBot.Tests.Hosting;
using Xunit;

namespace OrderBot.Tests.Cli;

/// <summary>
/// The CLI composes the real app: both sandboxes on loopback, a SQLite file in a temp folder, at 03:00 UK time
/// (the hour the real Ingram API is closed), so these pass whatever the hour.
/// </summary>
public sealed class CliCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orderbot-cli-" + Guid.NewGuid().ToString("N"));

    public CliCommandTests() => Directory.CreateDirectory(_root);

    private string StorageArg => "--Storage:Sqlite:Path=" + Path.Combine(_root, "state.db");

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
    public async Task Ask_PoAtBothSuppliers_PrintsReadableCardWithButtons()
    {
        using var output = new StringWriter();

        var exit = await AskCommand.RunAsync(["where", "is", "PO", "201120/1", StorageArg], output, TextWriter.Null, NightClock.AtThreeAmUk());

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("PO 201120/1", text, StringComparison.Ordinal);
        Assert.Contains("order 0100111111", text, StringComparison.Ordinal);
        Assert.Contains("order 20-RF55A", text, StringComparison.Ordinal);
        Assert.Contains("[1] ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\/", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(12, true)]
    public async Task Ask_WindowsSimulated_FollowsThePinnedClockNotTheWallClock(int ukHour, bool ingramOpen)
    {
        // The host's clock reaches the sandbox and the client alike: with Ingram's windows simulated, 03:00 UK time
        // is closed and noon is open, whatever hour this test really runs at.
        using var output = new StringWriter();
        var clock = new NightClock(NightClock.ThreeAmUk.AddHours(ukHour - 3));

        var exit = await AskCommand.RunAsync(["where is PO 201120/1", StorageArg, "--Sandbox:Ingram:EnforceAvailability=true"], output, TextWriter.Null, clock);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("order 0100111111", text, StringComparison.Ordinal);
        Assert.Equal(ingramOpen, text.Contains("order 20-RF55A", StringComparison.Ordinal));
        Assert.Equal(!ingramOpen, text.Contains("06:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_Json_PrintsReplyActivitiesWithCard()
    {
        using var output = new StringWriter();

        var exit = await AskCommand.RunAsync(["where is PO SE-ONLY-77", "--json", StorageArg], output, TextWriter.Null, NightClock.AtThreeAmUk());

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var reply = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("message", reply.GetProperty("type").GetString());
        var attachment = reply.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.StartsWith("Schneider Electric order 0100222222", attachment.GetProperty("content").GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NoText_UsageAndExitCode2()
    {
        using var error = new StringWriter();

        var exit = await AskCommand.RunAsync([StorageArg], TextWriter.Null, error, NightClock.AtThreeAmUk());

        Assert.Equal(2, exit);
        Assert.Contains("usage: orderbot ask", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_ScriptedInput_AnswersAndClicksNumberedButton()
    {
        // Ask, then click [1] ("Details" of the first order on the PO summary), then leave.
        using var input = new StringReader("where is PO 201120/1\n1\nquit\n");
        using var output = new StringWriter();

        var exit = await ChatCommand.RunAsync([StorageArg], input, output, NightClock.AtThreeAmUk());

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("3 orders found.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("] Refresh", text[..text.IndexOf("3 orders found.", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("] Refresh", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_CountryPromptButton_AsksForInputsThenAnswers()
    {
        // No Schneider default: the bot asks; [1] is "Save", which needs the country and the remember toggle.
        using var input = new StringReader("where is PO SE-ONLY-77\n1\nFR\ny\nquit\n");
        using var output = new StringWriter();

        var exit = await ChatCommand.RunAsync([StorageArg, "--Suppliers:Schneider:DefaultCountry="], input, output, NightClock.AtThreeAmUk());

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("Which country are your orders in?", text, StringComparison.Ordinal);
        Assert.Contains("Country (", text, StringComparison.Ordinal);
        Assert.Contains("Remember this for my next questions [Y/n]", text, StringComparison.Ordinal);
        Assert.Contains("Schneider Electric FR order 0100222222", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_DetailsThenBack_ShowsThePoCardAgainAndItsNumbersClickIt()
    {
        // [1] is "Details" of the first order; "back" shows the PO card again; [1] then clicks its Details again.
        using var input = new StringReader("where is PO 201120/1\n1\nback\n1\nquit\n");
        using var output = new StringWriter();

        var exit = await ChatCommand.RunAsync([StorageArg], input, output, NightClock.AtThreeAmUk());

        var text = output.ToString();
        Assert.Equal(0, exit);
        var poHeading = text[..text.IndexOf("] Details", StringComparison.Ordinal)].Split('\n').Last(l => l.Contains("201120/1", StringComparison.Ordinal));
        Assert.True(Count(text, poHeading) >= 2, "the PO card was not shown again after \"back\"");
        Assert.DoesNotContain("no earlier answer", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_NextAndPrevious_ClickThePagerButtons()
    {
        using var input = new StringReader("show all orders at ingram\nnext\nprevious\nquit\n");
        using var output = new StringWriter();

        var exit = await ChatCommand.RunAsync([StorageArg], input, output, NightClock.AtThreeAmUk());

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("Page 2 of", text, StringComparison.Ordinal);
        Assert.True(Count(text, "Page 1 of") >= 2, text);
        Assert.DoesNotContain("has no next page", text, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / Math.Max(1, part.Length);
}
