namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// Issue #23's "Why" examples that the recognizer of today already reads right, through the real turn pipeline over
/// the sandboxes (at 03:00 UK time on 2 Dec 2026): the first line answers the question asked, the card follows.
/// </summary>
public sealed class AnswerFirstTests : IDisposable
{
    private readonly CliTurns _turns = new();

    public void Dispose() => _turns.Dispose();

    [Fact]
    public async Task IsItLate_SaysYesAndHowLate_BeforeTheCard()
    {
        var text = await _turns.AskAsync("is 0101000082 late?");

        Assert.StartsWith("Yes — 14 days late: estimated 18 Nov 2026, not shipped.", text, StringComparison.Ordinal);
        Assert.Contains("\nSchneider Electric FR order 0101000082\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhyOnHold_WhenItIsNot_SaysSoAndNamesTheHeldSibling()
    {
        var text = await _turns.AskAsync("why is 20-RD12K on hold");

        Assert.StartsWith("20-RD12K is not on hold (invoiced, shipped 6 Apr 2020). Its sibling 20-RD12H is on credit hold CH (on 20-RD12H-11): ", text, StringComparison.Ordinal);
        Assert.Contains("\nIngram Micro GB order 20-RD12K\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsItOnHold_WhenItIs_SaysYesWithTheReason()
    {
        var text = await _turns.AskAsync("is 20-RD12H on hold?");

        Assert.StartsWith("Yes — 20-RD12H is on credit hold CH (on 20-RD12H-11): Ingram's credit check stopped this order.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HasAPoShipped_CountsWhichOrdersHave_NeverAsksWhichOne()
    {
        var text = await _turns.AskAsync("has CUSTPO shipped yet?");

        Assert.StartsWith("1 of 3 orders has shipped: 20-RD12K (invoiced).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Which one do you mean?", text, StringComparison.Ordinal);
        Assert.Contains("\nPO CUSTPO\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackingFor_LeadsWithCarriersAndNumbers_ThenTheItems()
    {
        var text = await _turns.AskAsync("tracking for 20-RF56B");

        Assert.StartsWith("Tracking by carrier: UPS STANDARD 1Z999AA10123456784; DHL EXPRESS JD014600006281230017; DPD NEXT DAY 15501234567890;", text, StringComparison.Ordinal);
        Assert.Contains("\nItems of Ingram Micro GB order 20-RF56B\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeMyTimeZoneToUkTime_SavesTheZone_NeverACountry()
    {
        var answers = await _turns.ChatAsync("change my time zone to UK time", "settings");

        Assert.Equal("Saved for you: time zone Europe/London (UK time).", answers[0]);
        Assert.StartsWith("Time zone Europe/London (UK time), Schneider Electric country not set, Ingram Micro country not set,", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyTimezoneIsAnIanaId_IsSaved()
    {
        var text = await _turns.AskAsync("my timezone is America/New_York");

        Assert.Equal("Saved for you: time zone America/New_York.", text);
    }

    [Fact]
    public async Task SwitchLanguageToGerman_IsSaved_AndSaysWhatChangesAndWhatDoesNot()
    {
        var answers = await _turns.ChatAsync("switch language to German", "is 0101000082 late?");

        Assert.Equal("Saved for you: language German (de). Dates and numbers now follow it; my answers and cards stay in English for now.", answers[0]);
        Assert.StartsWith("Yes — 14 days late: estimated 18 Nov. 2026, not shipped.", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_LeadsWithASummaryOfWhatApplies()
    {
        var text = await _turns.AskAsync("settings");

        Assert.StartsWith("Time zone ", text, StringComparison.Ordinal);
        Assert.Contains("Schneider Electric country not set, Ingram Micro country not set, language from Teams", text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("\nYour settings\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopWatching_UnwatchesAndSaysSo()
    {
        var answers = await _turns.ChatAsync("watch PO CUSTPO", "stop watching CUSTPO");

        Assert.StartsWith("Done: I'll post here", answers[0], StringComparison.Ordinal);
        Assert.StartsWith("Stopped: I won't post here about", answers[1], StringComparison.Ordinal);
        Assert.Contains("CUSTPO", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOrdersInOneMessage_EachLedByItsOwnAnswer()
    {
        var text = await _turns.AskAsync("is order 0101000082 or order 20-RD12H on hold?");

        // Schneider speaks only its spec's codes by default: none of them is a hold (#24).
        Assert.StartsWith("No — 0101000082 is not on hold (in progress).", text, StringComparison.Ordinal);
        var second = text.IndexOf("Yes — 20-RD12H is on credit hold CH", StringComparison.Ordinal);
        Assert.True(second > text.IndexOf("Schneider Electric FR order 0101000082", StringComparison.Ordinal), text);
    }
}
