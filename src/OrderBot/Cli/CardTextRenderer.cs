using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderBot.Cli;

/// <summary>A clickable button of a rendered card: Execute/Submit (verb + data) or OpenUrl.</summary>
public sealed record CardButton(string Title, string Type, string? Verb, JsonElement? Data, string? Url);

/// <summary>An input of a rendered card the terminal user must fill before a click is sent.</summary>
public sealed record CardInput(string Id, string Label, IReadOnlyList<(string Title, string Value)> Choices, string? Value, bool IsToggle);

/// <summary>A card as terminal text, with its buttons and inputs in reading order.</summary>
public sealed record RenderedCard(string Text, IReadOnlyList<CardButton> Buttons, IReadOnlyList<CardInput> Inputs);

/// <summary>
/// Adaptive Card JSON → readable text for the terminal (<c>orderbot ask</c>, <c>orderbot chat</c>): text blocks as
/// lines, fact sets as "title: value", inputs and buttons listed. Markdown escapes the card builders add are removed.
/// </summary>
public static partial class CardTextRenderer
{
    public static RenderedCard Render(JsonElement card)
    {
        var text = new StringBuilder();
        var buttons = new List<CardButton>();
        var inputs = new List<CardInput>();
        if (card.ValueKind == JsonValueKind.Object)
        {
            Walk(card, text, buttons, inputs, depth: 0);
        }

        return new RenderedCard(text.ToString().TrimEnd(), buttons, inputs);
    }

    /// <summary>The card's text followed by its numbered buttons, numbering from <paramref name="firstNumber"/>.</summary>
    public static string Format(RenderedCard card, int firstNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(card);
        var builder = new StringBuilder(card.Text);
        for (var i = 0; i < card.Buttons.Count; i++)
        {
            var button = card.Buttons[i];
            builder.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"  [{firstNumber + i}] {button.Title}");
            if (button.Url is not null)
            {
                builder.Append(" → ").Append(button.Url);
            }
        }

        return builder.ToString();
    }

    /// <summary>Removes CommonMark backslash escapes: "PO 201120\/1" reads "PO 201120/1".</summary>
    public static string Unescape(string text) => Escaped().Replace(text, "$1");

    private static void Walk(JsonElement node, StringBuilder text, List<CardButton> buttons, List<CardInput> inputs, int depth)
    {
        var type = node.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "TextBlock":
                Line(text, depth, Str(node, "text"));
                break;
            case "RichTextBlock":
                var inlines = node.TryGetProperty("inlines", out var list) && list.ValueKind == JsonValueKind.Array
                    ? string.Concat(list.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : Str(i, "text")))
                    : null;
                Line(text, depth, inlines);
                break;
            case "FactSet":
                foreach (var fact in Items(node, "facts"))
                {
                    Line(text, depth, $"{Str(fact, "title")}: {Str(fact, "value")}");
                }

                break;
            case "Input.ChoiceSet":
                var choices = Items(node, "choices").Select(c => (Unescape(Str(c, "title") ?? string.Empty), Str(c, "value") ?? string.Empty)).ToList();
                inputs.Add(new CardInput(Str(node, "id") ?? "input", Unescape(Str(node, "label") ?? Str(node, "id") ?? "Choice"), choices, Str(node, "value"), false));
                Line(text, depth, $"{Str(node, "label") ?? "Choose"}: {string.Join(", ", choices.Select(c => $"{c.Item1} ({c.Item2})"))}");
                break;
            case "Input.Toggle":
                inputs.Add(new CardInput(Str(node, "id") ?? "toggle", Unescape(Str(node, "title") ?? "Yes?"), [], Str(node, "value"), true));
                Line(text, depth, $"[x] {Str(node, "title")}");
                break;
            case "Input.Text" or "Input.Number" or "Input.Date":
                inputs.Add(new CardInput(Str(node, "id") ?? "input", Unescape(Str(node, "label") ?? Str(node, "placeholder") ?? "Value"), [], Str(node, "value"), false));
                break;
            case "Action.Execute" or "Action.Submit" or "Action.OpenUrl":
                AddButton(node, type, buttons);
                return;
        }

        foreach (var key in (string[])["body", "items", "columns"])
        {
            foreach (var child in Items(node, key))
            {
                Walk(child, text, buttons, inputs, depth);
            }
        }

        foreach (var action in Items(node, "actions"))
        {
            Walk(action, text, buttons, inputs, depth);
        }

        if (node.TryGetProperty("selectAction", out var select) && select.ValueKind == JsonValueKind.Object)
        {
            Walk(select, text, buttons, inputs, depth);
        }
    }

    private static void AddButton(JsonElement action, string type, List<CardButton> buttons)
    {
        var title = Unescape(Str(action, "title") ?? Str(action, "verb") ?? "Open");
        JsonElement? data = action.TryGetProperty("data", out var d) ? d.Clone() : null;
        buttons.Add(new CardButton(title, type, Str(action, "verb"), data, Str(action, "url")));
    }

    private static void Line(StringBuilder text, int depth, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(' ', depth * 2).AppendLine(Unescape(value));
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
