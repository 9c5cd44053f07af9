using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderBot.Cli;

/// <summary>A clickable button of a rendered card: Execute/Submit (verb + data) or OpenUrl.</summary>
public sealed record CardButton(string Title, string Type, string? Verb, JsonElement? Data, string? Url);

/// <summary>An input of a rendered card the terminal user must fill before a click is sent.</summary>
public sealed record CardInput(string Id, string Label, IReadOnlyList<(string Title, string Value)> Choices, string? Value, bool IsToggle);

/// <summary>
/// A card as terminal text, with its buttons and inputs in reading order. <see cref="Layout"/> is the same text
/// with each button's place: a line of text, or the index of a button in <see cref="Buttons"/>.
/// </summary>
public sealed record RenderedCard(string Text, IReadOnlyList<CardButton> Buttons, IReadOnlyList<CardInput> Inputs)
{
    public IReadOnlyList<RenderedLine> Layout { get; init; } = [];
}

/// <summary>One line of a rendered card: text (already indented), or the button at <see cref="Button"/> with its indent.</summary>
public sealed record RenderedLine(string? Text, int? Button, int Depth);

/// <summary>
/// Adaptive Card JSON → readable text for the terminal (<c>orderbot ask</c>, <c>orderbot chat</c>): text blocks as
/// lines, fact sets as "title: value", inputs and buttons listed. Markdown escapes the card builders add are removed.
/// </summary>
public static partial class CardTextRenderer
{
    public static RenderedCard Render(JsonElement card)
    {
        var walk = new Walker();
        if (card.ValueKind == JsonValueKind.Object)
        {
            walk.Walk(card, depth: 0);
        }

        return new RenderedCard(walk.Text.ToString().TrimEnd(), walk.Buttons, walk.Inputs) { Layout = walk.Layout };
    }

    /// <summary>
    /// The card's text with each numbered button (from <paramref name="firstNumber"/>) under the part it belongs to —
    /// an order's "Details" right below that order, not in a list after all of them.
    /// </summary>
    public static string Format(RenderedCard card, int firstNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(card);
        var lines = new List<string>();
        foreach (var line in card.Layout)
        {
            if (line.Button is not { } index)
            {
                lines.Add(line.Text ?? string.Empty);
                continue;
            }

            var button = card.Buttons[index];
            var label = new StringBuilder().Append(' ', (line.Depth * 2) + 2)
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"[{firstNumber + index}] {button.Title}");
            if (button.Url is not null)
            {
                label.Append(" → ").Append(button.Url);
            }

            lines.Add(label.ToString());
        }

        return string.Join(Environment.NewLine, lines).TrimEnd();
    }

    /// <summary>Removes CommonMark backslash escapes: "PO 201120\/1" reads "PO 201120/1".</summary>
    /// <remarks>A card's non-breaking hyphens (U+2011, kept order numbers whole in a narrow card) print as plain ones, so a
    /// number copied from the terminal is the supplier's.</remarks>
    public static string Unescape(string text) => Escaped().Replace(text, "$1").Replace('\u2011', '-');

    /// <summary>One walk over a card: its text, buttons, inputs and the layout that places each button.</summary>
    private sealed class Walker
    {
        public StringBuilder Text { get; } = new();

        public List<CardButton> Buttons { get; } = [];

        public List<CardInput> Inputs { get; } = [];

        public List<RenderedLine> Layout { get; } = [];

        public void Walk(JsonElement node, int depth)
        {
            var type = node.TryGetProperty("type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "TextBlock":
                    Line(depth, Str(node, "text"));
                    break;
                case "RichTextBlock":
                    var inlines = node.TryGetProperty("inlines", out var list) && list.ValueKind == JsonValueKind.Array
                        ? string.Concat(list.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : Str(i, "text")))
                        : null;
                    Line(depth, inlines);
                    break;
                case "FactSet":
                    foreach (var fact in Items(node, "facts"))
                    {
                        Line(depth, $"{Str(fact, "title")}: {Str(fact, "value")}");
                    }

                    break;
                case "Input.ChoiceSet":
                    var choices = Items(node, "choices").Select(c => (Unescape(Str(c, "title") ?? string.Empty), Str(c, "value") ?? string.Empty)).ToList();
                    Inputs.Add(new CardInput(Str(node, "id") ?? "input", Unescape(Str(node, "label") ?? Str(node, "id") ?? "Choice"), choices, Str(node, "value"), false));
                    Line(depth, $"{Str(node, "label") ?? "Choose"}: {string.Join(", ", choices.Select(c => $"{c.Item1} ({c.Item2})"))}");
                    break;
                case "Input.Toggle":
                    Inputs.Add(new CardInput(Str(node, "id") ?? "toggle", Unescape(Str(node, "title") ?? "Yes?"), [], Str(node, "value"), true));
                    Line(depth, $"[x] {Str(node, "title")}");
                    break;
                case "Input.Text" or "Input.Number" or "Input.Date":
                    Inputs.Add(new CardInput(Str(node, "id") ?? "input", Unescape(Str(node, "label") ?? Str(node, "placeholder") ?? "Value"), [], Str(node, "value"), false));
                    break;
                case "Action.Execute" or "Action.Submit" or "Action.OpenUrl":
                    AddButton(node, type, depth);
                    return;
            }

            foreach (var key in (string[])["body", "items", "columns"])
            {
                foreach (var child in Items(node, key))
                {
                    Walk(child, depth);
                }
            }

            foreach (var action in Items(node, "actions"))
            {
                Walk(action, depth);
            }

            if (node.TryGetProperty("selectAction", out var select) && select.ValueKind == JsonValueKind.Object)
            {
                Walk(select, depth);
            }
        }

        private void AddButton(JsonElement action, string type, int depth)
        {
            var title = Unescape(Str(action, "title") ?? Str(action, "verb") ?? "Open");
            JsonElement? data = action.TryGetProperty("data", out var d) ? d.Clone() : null;
            Layout.Add(new RenderedLine(null, Buttons.Count, depth));
            Buttons.Add(new CardButton(title, type, Str(action, "verb"), data, Str(action, "url")));
        }

        private void Line(int depth, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            // A TextBlock's "\r" or "\n" starts a new line (Teams renders "- a\r- b" as a list): one terminal line each.
            foreach (var part in value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var line = new string(' ', depth * 2) + Unescape(part);
                Text.AppendLine(line);
                Layout.Add(new RenderedLine(line, null, depth));
            }
        }
    }

    private static JsonElement[] Items(JsonElement node, string key) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(key, out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];

    private static string? Str(JsonElement node, string key) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // CommonMark: a backslash before any ASCII punctuation is an escape.
    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();
}
