using System.Text.Json;
using System.Text.Json.Nodes;
using OrderBot.Protocol.Schema;

namespace OrderBot.Cli;

/// <summary>
/// <c>orderbot ask "&lt;text&gt;" [--json]</c>: one turn against the configured suppliers (the sandboxes by default),
/// printed as readable text, or with <c>--json</c> as the JSON array of the reply activities.
/// Arguments of the form <c>--Section:Key=value</c> configure the host as they do for the server.
/// </summary>
internal static class AskCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var (words, hostArgs, json) = CliArguments.Split(args);
        if (words.Count == 0)
        {
            await error.WriteLineAsync("usage: orderbot ask \"<text>\" [--json]");
            return 2;
        }

        await using var session = await CliSession.StartAsync(hostArgs, clock, cancellationToken);
        var replies = await session.SayAsync(string.Join(' ', words), cancellationToken);
        if (json)
        {
            var array = new JsonArray();
            foreach (var reply in replies)
            {
                array.Add(JsonSerializer.SerializeToNode(reply, ProtocolJsonContext.Default.Activity));
            }

            await output.WriteLineAsync(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var number = 1;
        foreach (var reply in replies)
        {
            await output.WriteLineAsync(ReplyText.Format(reply, ref number));
        }

        return 0;
    }
}

/// <summary>Splits CLI arguments into the words of the question, host configuration and the <c>--json</c> flag.</summary>
internal static class CliArguments
{
    public static (List<string> Words, string[] HostArgs, bool Json) Split(IEnumerable<string> args)
    {
        var words = new List<string>();
        var host = new List<string>();
        var json = false;
        foreach (var arg in args)
        {
            if (string.Equals(arg, "--json", StringComparison.Ordinal))
            {
                json = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                host.Add(arg);
            }
            else
            {
                words.Add(arg);
            }
        }

        return (words, [.. host], json);
    }
}

/// <summary>A reply activity as terminal text: its text, then each card rendered with numbered buttons.</summary>
internal static class ReplyText
{
    public static string Format(Activity reply, ref int nextNumber) => Format(reply, ref nextNumber, null);

    /// <summary>Formats and collects the buttons (numbered from <paramref name="nextNumber"/>) into <paramref name="buttons"/>.</summary>
    public static string Format(Activity reply, ref int nextNumber, List<(CardButton Button, RenderedCard Card)>? buttons)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            parts.Add(reply.Text);
        }

        foreach (var attachment in reply.Attachments ?? [])
        {
            if (attachment.Content is { } content)
            {
                var card = CardTextRenderer.Render(content);
                parts.Add(CardTextRenderer.Format(card, nextNumber));
                nextNumber += card.Buttons.Count;
                buttons?.AddRange(card.Buttons.Select(b => (b, card)));
            }
        }

        return string.Join(Environment.NewLine, parts);
    }
}
