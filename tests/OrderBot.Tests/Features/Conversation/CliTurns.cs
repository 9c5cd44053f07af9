using OrderBot.Cli;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// Questions asked through the real turn pipeline as the command line asks them: the app composed over both
/// sandboxes on loopback and a SQLite file of its own, at 03:00 UK time on Wednesday 2 December 2026. Each answer is
/// the replies as readable text (reply text first, then the card).
/// </summary>
internal sealed class CliTurns : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orderbot-turns-" + Guid.NewGuid().ToString("N"));

    public CliTurns() => Directory.CreateDirectory(_root);

    /// <summary>One question, answered by a fresh app over a fresh store.</summary>
    public async Task<string> AskAsync(string question) => (await ChatAsync(question))[0];

    /// <summary>Several messages in one conversation, in order; one answer per message.</summary>
    public async Task<IReadOnlyList<string>> ChatAsync(params string[] messages)
    {
        // Port 0: parallel tests never race each other for the sandboxes' fixed ports.
        var storage = "--Storage:Sqlite:Path=" + Path.Combine(_root, Guid.NewGuid().ToString("N") + ".db");
        await using var session = await CliSession.StartAsync([storage, "--Sandbox:Schneider:Port=0", "--Sandbox:Ingram:Port=0"], NightClock.AtThreeAmUk(), CancellationToken.None);
        var answers = new List<string>();
        foreach (var message in messages)
        {
            var replies = await session.SayAsync(message, CancellationToken.None);
            var number = 1;
            var parts = new List<string>();
            foreach (var reply in replies)
            {
                parts.Add(ReplyText.Format(reply, ref number));
            }

            answers.Add(string.Join("\n", parts).ReplaceLineEndings("\n"));
        }

        return answers;
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
}
