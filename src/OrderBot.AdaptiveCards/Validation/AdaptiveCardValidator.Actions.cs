using System.Text.Json.Nodes;

namespace OrderBot.AdaptiveCards.Validation;

public static partial class AdaptiveCardValidator
{
    private static void ValidateActions(JsonNode? node, string path, Walk walk, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                walk.Add(path, "is required");
            }

            return;
        }

        if (node is not JsonArray array || (required && array.Count == 0))
        {
            walk.Add(path, "must be a non-empty array of actions");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            ValidateAction(array[i], $"{path}[{i}]", walk, needsTitle: true);
        }

        // On a 320 px phone a fourth button in a row shrinks every title to a letter or two.
        var primary = array.OfType<JsonObject>().Count(a => !string.Equals(Str(a, "mode"), "secondary", StringComparison.OrdinalIgnoreCase));
        if (primary > MaxPrimaryActions)
        {
            walk.Add(path, $"has {primary} primary actions; at most {MaxPrimaryActions} fit a phone, give the rest \"mode\": \"secondary\"");
        }
    }

    /// <summary>Most buttons in one row (an ActionSet or the card's actions) that are not in the overflow menu.</summary>
    public const int MaxPrimaryActions = 3;

    private static void ValidateAction(JsonNode? node, string path, Walk walk, bool needsTitle)
    {
        if (node is not JsonObject action)
        {
            walk.Add(path, "must be an action object");
            return;
        }

        var type = Str(action, "type");
        if (type is null || !ActionTypes.TryGetValue(type, out var since))
        {
            walk.Add(path + ".type", type is null ? "is required" : $"\"{type}\" is not an Adaptive Card 1.5 action");
            return;
        }

        if (since > walk.CardVersion)
        {
            walk.Add(path + ".type", $"{type} needs version {since}, the card declares {walk.CardVersion}");
        }

        if (needsTitle && string.IsNullOrWhiteSpace(Str(action, "title")))
        {
            // A button without a title renders blank in Teams.
            walk.Add(path + ".title", "a button needs a title");
        }

        switch (type)
        {
            case "Action.OpenUrl":
                if (!IsHttpUrl(Str(action, "url")))
                {
                    walk.Add(path + ".url", "must be an absolute http(s) url");
                }

                break;
            case "Action.Execute":
                RequireText(action, "verb", path, walk);
                ValidateData(action, path, walk);
                ValidateFallback(action["fallback"], path + ".fallback", walk);
                break;
            case "Action.Submit":
                ValidateData(action, path, walk);
                break;
            case "Action.ShowCard":
                if (action["card"] is JsonObject card)
                {
                    ValidateCard(card, path + ".card", walk, isRoot: false);
                }
                else
                {
                    walk.Add(path + ".card", "an Action.ShowCard needs a card");
                }

                break;
            case "Action.ToggleVisibility":
                ValidateTargets(action, path, walk);
                break;
            default:
                break;
        }
    }

    private static void ValidateData(JsonObject action, string path, Walk walk)
    {
        // Teams merges input values into data, which only works when data is an object (or absent).
        if (action["data"] is JsonNode data && data is not JsonObject)
        {
            walk.Add(path + ".data", "must be an object so input values can be merged into it");
        }
    }

    private static void ValidateFallback(JsonNode? fallback, string path, Walk walk)
    {
        switch (fallback)
        {
            case null:
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text == "drop":
                break;
            case JsonObject action:
                ValidateAction(action, path, walk, needsTitle: true);
                break;
            default:
                walk.Add(path, "must be an action or \"drop\"");
                break;
        }
    }

    private static void ValidateTargets(JsonObject action, string path, Walk walk)
    {
        if (action["targetElements"] is not JsonArray targets || targets.Count == 0)
        {
            walk.Add(path + ".targetElements", "needs at least one target");
            return;
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var id = targets[i] switch
            {
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                JsonObject target => Str(target, "elementId"),
                _ => null,
            };
            if (string.IsNullOrEmpty(id))
            {
                walk.Add($"{path}.targetElements[{i}]", "must be an element id");
            }
            else
            {
                walk.ToggleTarget($"{path}.targetElements[{i}]", id);
            }
        }
    }
}
