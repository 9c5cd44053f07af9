using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderBot.Protocol.Schema;

namespace OrderBot.Cli;

/// <summary>
/// <c>orderbot chat</c>: a conversation in the terminal. Lines on stdin are messages; cards print as text with their
/// buttons numbered, and typing a number clicks that button (asking first for any input the card needs, such as the
/// country). "next" and "previous" click the card's Next / Previous page buttons; "back" shows the card before the
/// last answer again, with its buttons (a drill-down posts a new card; the one it came from is still there).
/// "quit", "exit" or end of input ends the chat.
/// </summary>
internal static class ChatCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var (_, hostArgs, _) = CliArguments.Split(args);
        await using var session = await CliSession.StartAsync(hostArgs, clock, cancellationToken);
        await output.WriteLineAsync("OrderBot — ask about an order (e.g. \"where is PO 201120/1\"), type a button's number to click it, \"quit\" to leave.");
        var history = new ChatHistory();
        while (await Prompt(output, input, "> ") is { } line)
        {
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line is "quit" or "exit")
            {
                break;
            }

            var buttons = history.Buttons;
            if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= buttons.Count)
            {
                history.Push(await ClickAsync(session, buttons[number - 1], input, output, cancellationToken));
                continue;
            }

            switch (ChatHistory.Navigation(line))
            {
                case "back":
                    if (history.Back() is { } previous)
                    {
                        await output.WriteLineAsync(previous.Text);
                    }
                    else
                    {
                        await output.WriteLineAsync("There is no earlier answer to go back to.");
                    }

                    continue;
                case { } page:
                    if (buttons.FirstOrDefault(b => b.Button.Title.StartsWith(page, StringComparison.OrdinalIgnoreCase)) is { Button: not null } pager)
                    {
                        history.Push(await ClickAsync(session, pager, input, output, cancellationToken));
                    }
                    else
                    {
                        await output.WriteLineAsync($"This answer has no {page.ToLowerInvariant()} page.");
                    }

                    continue;
            }

            history.Push(await PrintAsync(output, await session.SayAsync(line, cancellationToken)));
        }

        return 0;
    }

    private static async Task<Screen> ClickAsync(
        CliSession session, (CardButton Button, RenderedCard Card) clicked, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var (button, card) = clicked;
        if (button.Url is not null)
        {
            await output.WriteLineAsync("Open in your browser: " + button.Url);
            return Screen.Empty;
        }

        var data = button.Data is { ValueKind: JsonValueKind.Object } given ? JsonNode.Parse(given.GetRawText())!.AsObject() : [];
        foreach (var field in card.Inputs)
        {
            if (await AskInputAsync(field, input, output) is not { } value)
            {
                return Screen.Empty;
            }

            data[field.Id] = value;
        }

        var element = JsonSerializer.SerializeToElement(data, JsonNodeContext.Default.JsonObject);
        if (button.Type == "Action.Execute" && button.Verb is { } verb)
        {
            var (response, sent) = await session.ExecuteAsync(verb, element, cancellationToken);
            var shown = await PrintAsync(output, sent);
            return response switch
            {
                { Type: ProtocolNames.AdaptiveCardContentType, Value: { } cardJson } =>
                    await PrintAsync(output, [new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { Content = cardJson }] }]),
                // A drill-down posts its answer as a new message (already printed) and only points to it.
                { Type: ProtocolNames.MessageContentType } when sent.Any(a => a.IsType(ActivityTypes.Message)) => shown,
                { Type: ProtocolNames.MessageContentType, Value: { ValueKind: JsonValueKind.String } text } =>
                    await PrintAsync(output, [Activity.CreateMessage(text.GetString())]),
                { StatusCode: >= 400 } error => await PrintAsync(output, [Activity.CreateMessage($"(the bot answered {error.StatusCode})")]),
                _ => shown,
            };
        }

        return await PrintAsync(output, await session.SubmitAsync(element, cancellationToken));
    }

    private static async Task<string?> AskInputAsync(CardInput field, TextReader input, TextWriter output)
    {
        if (field.IsToggle)
        {
            var answer = await Prompt(output, input, $"{field.Label} [Y/n] ");
            return answer is null ? null : answer.Trim().StartsWith('n') || answer.Trim().StartsWith('N') ? "false" : "true";
        }

        var choices = field.Choices.Count == 0 ? string.Empty : " (" + string.Join(", ", field.Choices.Select(c => $"{c.Value} {c.Title}")) + ")";
        var typed = await Prompt(output, input, $"{field.Label}{choices}: ");
        if (typed is null)
        {
            return null;
        }

        typed = typed.Trim();
        var match = field.Choices.FirstOrDefault(c =>
            string.Equals(c.Value, typed, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Title, typed, StringComparison.OrdinalIgnoreCase));
        return match.Value ?? (typed.Length > 0 ? typed : field.Value ?? string.Empty);
    }

    private static async Task<Screen> PrintAsync(TextWriter output, IReadOnlyList<Activity> replies)
    {
        var buttons = new List<(CardButton, RenderedCard)>();
        var number = 1;
        var text = new List<string>();
        foreach (var reply in replies)
        {
            var formatted = ReplyText.Format(reply, ref number, buttons);
            text.Add(formatted);
            await output.WriteLineAsync(formatted);
        }

        return replies.Count == 0 ? Screen.Empty : new Screen(string.Join(Environment.NewLine, text), buttons);
    }

    private static async Task<string?> Prompt(TextWriter output, TextReader input, string prompt)
    {
        await output.WriteAsync(prompt);
        await output.FlushAsync();
        return await input.ReadLineAsync();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonNodeContext : System.Text.Json.Serialization.JsonSerializerContext;
