using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Cli;

namespace OrderBot.Tests.Features.Recognition;

public sealed class RecognizeCommandTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2020, 11, 4, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunAsync_LinesOnInput_WritesOneJsonObjectPerLine()
    {
        var input = new StringReader("where is PO 201120/1\nshow shipped schneider orders in FR since 3 Oct\n\nhi\n");
        var output = new StringWriter();

        var exit = await RecognizeCommand.RunAsync([], input, output, TextWriter.Null, Time);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("""{"text":"where is PO 201120/1","intent":"order.status","entities":{"po":"201120/1"}}""", lines[0]);
        Assert.Equal(
            """{"text":"show shipped schneider orders in FR since 3 Oct","intent":"order.list","entities":{"supplier":"schneider","country":"FR","status":"shipped","from":"2020-10-03","dateOn":"shipped"}}""",
            lines[1]);
        Assert.Equal("""{"text":"","intent":"none","entities":{}}""", lines[2]);
        Assert.Equal("""{"text":"hi","intent":"smalltalk","entities":{"say":"hello"}}""", lines[3]);
    }

    [Fact]
    public async Task RunAsync_NowLocaleAndTimeZoneArgs_ResolveDatesInThatContext()
    {
        var output = new StringWriter();

        var exit = await RecognizeCommand.RunAsync(
            ["--now", "2020-11-03T23:30:00Z", "--locale", "en-GB", "--timezone", "Europe/Paris"],
            new StringReader("orders today\norders since 10/3"), output, TextWriter.Null, Time);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"from\":\"2020-11-04\",\"to\":\"2020-11-04\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"from\":\"2020-03-10\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoNow_UsesTheTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 2, 28, 12, 0, 0, TimeSpan.Zero));
        var output = new StringWriter();

        await RecognizeCommand.RunAsync([], new StringReader("orders yesterday"), output, TextWriter.Null, time);

        Assert.Contains("\"from\":\"2021-02-27\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ScoreWithAMissingFile_SaysWhichAndExits2()
    {
        var error = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), "orderbot-no-such-corpus", "held-out.jsonl");

        var exit = await RecognizeCommand.RunAsync(["--score", missing], TextReader.Null, TextWriter.Null, error, Time);

        Assert.Equal(2, exit);
        Assert.StartsWith($"No such corpus file: {missing}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ScoreWithFiles_PrintsEverySplitPerIntentAndLeavesOutTheTrainSplit()
    {
        var folder = Directory.CreateTempSubdirectory("orderbot-score-");
        try
        {
            var corpus = Path.Combine(folder.FullName, "corpus.jsonl");
            var independent = Path.Combine(folder.FullName, "held-out-independent.jsonl");
            await File.WriteAllLinesAsync(corpus,
            [
                """{"text": "where is PO 201120/1", "intent": "order.status", "entities": {"po": "201120/1"}, "split": "train"}""",
                """{"text": "where is PO 7781/B", "intent": "order.status", "entities": {"po": "7781/B"}, "split": "heldout"}""",
            ]);
            await File.WriteAllLinesAsync(independent,
            [
                """{"text": "CUSTPO", "intent": "order.status", "entities": {"ref": "CUSTPO"}, "split": "held-out-independent"}""",
            ]);
            var output = new StringWriter();

            var exit = await RecognizeCommand.RunAsync(["--score", corpus, independent], TextReader.Null, output, TextWriter.Null, Time);

            Assert.Equal(0, exit);
            var text = output.ToString();
            Assert.Contains("heldout: 1/1 = 100.0 %", text, StringComparison.Ordinal);
            Assert.Contains("held-out-independent: 1/1 = 100.0 %", text, StringComparison.Ordinal);
            Assert.DoesNotContain("train:", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_ScoreWithDump_ListsEveryRowsAnswerRightOrWrong()
    {
        // Two builds' dumps compared line by line show whether a change altered any answer.
        var input = new StringReader(
            """
            {"text": "where is PO 7781/B", "intent": "order.status", "entities": {"po": "7781/B"}, "split": "heldout"}
            {"text": "CUSTPO", "intent": "help", "entities": {}, "split": "heldout"}
            """);
        var output = new StringWriter();

        var exit = await RecognizeCommand.RunAsync(["--score", "--dump"], input, output, TextWriter.Null, Time);

        Assert.Equal(0, exit);
        var rows = output.ToString().Split('\n').Where(l => l.StartsWith("[heldout]", StringComparison.Ordinal)).ToList();
        Assert.Equal(["[heldout] \"where is PO 7781/B\" -> order.status po=7781/B", "[heldout] \"CUSTPO\" -> order.status ref=CUSTPO"], rows);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--now")]
    [InlineData("--now", "yesterday-ish")]
    [InlineData("--locale")]
    [InlineData("--timezone", "--locale", "en-GB")]
    [InlineData("positional")]
    public async Task RunAsync_BadArguments_PrintsUsageToErrorAndExits2(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await RecognizeCommand.RunAsync(args, new StringReader("hi"), output, error, Time);

        Assert.Equal(2, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("usage: orderbot recognize", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NonAsciiAndHostileText_WritesValidJsonEchoingTheText()
    {
        var texts = new[] { "où est la commande 0100111111 ?", "\"quoted\" \\ back\tslash", "\U0001F4E6 PO 201120/1", "</script><at>x</at>", "שלום" };
        var output = new StringWriter();

        await RecognizeCommand.RunAsync([], new StringReader(string.Join('\n', texts)), output, TextWriter.Null, Time);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(texts.Length, lines.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            Assert.Equal(texts[i], document.RootElement.GetProperty("text").GetString());
        }

        Assert.Contains("où est", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LoneSurrogate_StillWritesOneValidJsonLine()
    {
        var output = new StringWriter();

        var exit = await RecognizeCommand.RunAsync([], new StringReader("PO \uD800 201120/1"), output, TextWriter.Null, Time);

        Assert.Equal(0, exit);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var document = JsonDocument.Parse(line);
        Assert.Equal("order.status", document.RootElement.GetProperty("intent").GetString());
    }

    [Fact]
    public async Task RunAsync_LongInput_AnswersEachLineBeforeReadingTheRest()
    {
        // Streaming, proven by order of events rather than by volume: the reader only hands out line N+1 after the
        // answer to line N has been written. A command that read all input first would never get past line 1.
        // (100,000 recognitions took minutes on a loaded 2-core runner and tripped the 5-minute hang guard.)
        var output = new CountingWriter();
        var input = new LockstepReader(2_000, output);

        var exit = await RecognizeCommand.RunAsync([], input, output, TextWriter.Null, Time);

        Assert.Equal(0, exit);
        Assert.Equal(2_000, output.Lines);
        Assert.Equal(2_000, input.Served);
    }

    /// <summary>Serves the next line only once every line served before it has been answered.</summary>
    private sealed class LockstepReader(int count, CountingWriter output) : TextReader
    {
        private static readonly string[] Samples = ["where is PO 201120/1", "orders on hold", "stop all alerts", "xyzzy"];

        public int Served { get; private set; }

        public override string? ReadLine()
        {
            if (Served == count)
            {
                return null;
            }

            Assert.Equal(Served, output.Lines);
            return Samples[Served++ % Samples.Length];
        }
    }

    /// <summary>Counts lines without keeping them in memory.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public int Lines { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                Lines++;
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Lines += buffer.AsSpan(index, count).Count('\n');
        }
    }
}
