using System.Text.Json.Nodes;

namespace OrderBot.AdaptiveCards.Validation;

public static partial class AdaptiveCardValidator
{
    // Element and action types of the 1.5 schema with the version that introduced each. Media is left out on
    // purpose: Teams does not render it in bot cards.
    private static readonly Dictionary<string, Version> ElementTypes = new(StringComparer.Ordinal)
    {
        ["TextBlock"] = new(1, 0),
        ["Image"] = new(1, 0),
        ["Container"] = new(1, 0),
        ["ColumnSet"] = new(1, 0),
        ["FactSet"] = new(1, 0),
        ["ImageSet"] = new(1, 0),
        ["RichTextBlock"] = new(1, 2),
        ["ActionSet"] = new(1, 2),
        ["Table"] = new(1, 5),
        ["Input.Text"] = new(1, 0),
        ["Input.Number"] = new(1, 0),
        ["Input.Date"] = new(1, 0),
        ["Input.Time"] = new(1, 0),
        ["Input.Toggle"] = new(1, 0),
        ["Input.ChoiceSet"] = new(1, 0),
    };

    private static readonly Dictionary<string, Version> ActionTypes = new(StringComparer.Ordinal)
    {
        ["Action.OpenUrl"] = new(1, 0),
        ["Action.Submit"] = new(1, 0),
        ["Action.ShowCard"] = new(1, 0),
        ["Action.ToggleVisibility"] = new(1, 2),
        ["Action.Execute"] = new(1, 4),
    };

    private static void ValidateElements(JsonNode? node, string path, Walk walk, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                walk.Add(path, "is required");
            }

            return;
        }

        if (node is not JsonArray array)
        {
            walk.Add(path, "must be an array");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            ValidateElement(array[i], $"{path}[{i}]", walk);
        }
    }

    private static void ValidateElement(JsonNode? node, string path, Walk walk)
    {
        if (node is not JsonObject element)
        {
            walk.Add(path, "must be an object");
            return;
        }

        var type = Str(element, "type");
        if (type is null || !ElementTypes.TryGetValue(type, out var since))
        {
            walk.Add(path + ".type", type is null ? "is required" : $"\"{type}\" is not an Adaptive Card 1.5 element Teams renders");
            return;
        }

        if (since > walk.CardVersion)
        {
            walk.Add(path + ".type", $"{type} needs version {since}, the card declares {walk.CardVersion}");
        }

        var isInput = type.StartsWith("Input.", StringComparison.Ordinal);
        var id = Str(element, "id");
        if (isInput && string.IsNullOrWhiteSpace(id))
        {
            walk.Add(path + ".id", "an input needs an id");
        }

        walk.ElementId(path, id, isInput);
        if (element["selectAction"] is JsonNode select)
        {
            ValidateAction(select, path + ".selectAction", walk, needsTitle: false);
        }

        switch (type)
        {
            case "TextBlock":
                RequireText(element, "text", path, walk);
                break;
            case "Image":
                if (!IsHttpUrl(Str(element, "url")) && Str(element, "url")?.StartsWith("data:image/", StringComparison.Ordinal) != true)
                {
                    walk.Add(path + ".url", "an image needs an absolute http(s) or data:image url");
                }

                break;
            case "FactSet":
                ValidateFacts(element, path, walk);
                break;
            case "Container":
                ValidateElements(element["items"], path + ".items", walk, required: true);
                break;
            case "ColumnSet":
                ValidateColumns(element, path, walk);
                break;
            case "ImageSet":
                ValidateElements(element["images"], path + ".images", walk, required: true);
                break;
            case "RichTextBlock":
                ValidateInlines(element, path, walk);
                break;
            case "ActionSet":
                ValidateActions(element["actions"], path + ".actions", walk, required: true);
                break;
            case "Input.ChoiceSet":
                ValidateChoices(element, path, walk);
                break;
            case "Input.Toggle":
                RequireText(element, "title", path, walk);
                break;
            default:
                break;
        }
    }

    private static void RequireText(JsonObject element, string name, string path, Walk walk)
    {
        if (string.IsNullOrWhiteSpace(Str(element, name)))
        {
            walk.Add($"{path}.{name}", "must be a non-empty string");
        }
    }

    private static void ValidateFacts(JsonObject element, string path, Walk walk)
    {
        if (element["facts"] is not JsonArray facts || facts.Count == 0)
        {
            walk.Add(path + ".facts", "a FactSet needs at least one fact");
            return;
        }

        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is not JsonObject fact || Str(fact, "title") is null || Str(fact, "value") is null)
            {
                walk.Add($"{path}.facts[{i}]", "a fact needs string title and value");
            }
        }
    }

    private static void ValidateColumns(JsonObject element, string path, Walk walk)
    {
        if (element["columns"] is not JsonArray columns)
        {
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var columnPath = $"{path}.columns[{i}]";
            if (columns[i] is not JsonObject column || (Str(column, "type") ?? "Column") != "Column")
            {
                walk.Add(columnPath, "must be a Column object");
                continue;
            }

            walk.ElementId(columnPath, Str(column, "id"), isInput: false);
            ValidateElements(column["items"], columnPath + ".items", walk, required: false);
        }
    }

    private static void ValidateInlines(JsonObject element, string path, Walk walk)
    {
        if (element["inlines"] is not JsonArray inlines || inlines.Count == 0)
        {
            walk.Add(path + ".inlines", "a RichTextBlock needs at least one inline");
            return;
        }

        for (var i = 0; i < inlines.Count; i++)
        {
            var ok = inlines[i] switch
            {
                JsonObject run => Str(run, "type") == "TextRun" && !string.IsNullOrEmpty(Str(run, "text")),
                JsonValue value => value.TryGetValue<string>(out var text) && text.Length > 0,
                _ => false,
            };
            if (!ok)
            {
                walk.Add($"{path}.inlines[{i}]", "must be a TextRun with text, or a non-empty string");
            }
        }
    }

    private static void ValidateChoices(JsonObject element, string path, Walk walk)
    {
        if (element["choices"] is not JsonArray choices || choices.Count == 0)
        {
            walk.Add(path + ".choices", "a ChoiceSet needs at least one choice");
            return;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i] is not JsonObject choice || string.IsNullOrEmpty(Str(choice, "title")) || Str(choice, "value") is null)
            {
                walk.Add($"{path}.choices[{i}]", "a choice needs a title and a value");
            }
        }
    }
}
