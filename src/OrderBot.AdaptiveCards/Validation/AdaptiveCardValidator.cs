using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderBot.AdaptiveCards.Validation;

/// <summary>
/// Structural checks for Adaptive Card 1.5 as Teams renders it. Complements the official parser
/// (tools/cards/validate.mjs), which ignores empty TextBlocks, Images without url and empty FactSets, and
/// knows nothing of Teams' message size limit. Works on raw JSON so committed golden files can be checked too.
/// </summary>
public static partial class AdaptiveCardValidator
{
    /// <summary>Teams refuses messages over ~100 KB; we keep a whole activity under 80 KB.</summary>
    public const int DefaultMaxActivityBytes = 80 * 1024;

    /// <summary>
    /// Room left for the activity fields the Connector adds around the attachment (conversation, from,
    /// recipient, serviceUrl, replyToId, channelData): generous, so the check stays on the safe side.
    /// </summary>
    public const int ActivityEnvelopeAllowance = 2 * 1024;

    /// <summary>
    /// Only for measuring the message a card travels in: this library stays free of the protocol layer, whose
    /// <c>ProtocolNames.AdaptiveCardContentType</c> is what the app puts on attachments.
    /// </summary>
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly Version MaxVersion = new(1, 5);

    public static CardValidationResult Validate(AdaptiveCard card, int maxActivityBytes = DefaultMaxActivityBytes) =>
        Validate(AdaptiveCardSerializer.ToJsonObject(card), maxActivityBytes);

    public static CardValidationResult Validate(string json, int maxActivityBytes = DefaultMaxActivityBytes)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException exception)
        {
            return new CardValidationResult([new CardValidationIssue("$", $"not valid JSON: {exception.Message}")], Encoding.UTF8.GetByteCount(json));
        }

        return Validate(node, maxActivityBytes);
    }

    public static CardValidationResult Validate(JsonNode? card, int maxActivityBytes = DefaultMaxActivityBytes)
    {
        var walk = new Walk();
        if (card is not JsonObject root)
        {
            walk.Add("$", "a card must be a JSON object");
            return new CardValidationResult(walk.Issues, 0);
        }

        var version = ReadVersion(root, "$", walk, required: true) ?? MaxVersion;
        walk.CardVersion = version;
        ValidateCard(root, "$", walk, isRoot: true);
        walk.CheckToggleTargets();

        var size = ActivitySize(root);
        if (size > maxActivityBytes)
        {
            walk.Add("$", $"the message would be {size} bytes, over the {maxActivityBytes}-byte limit: page the content");
        }

        return new CardValidationResult(walk.Issues, size);
    }

    /// <summary>UTF-8 size of <c>{"type":"message","attachments":[attachment]}</c> plus the envelope allowance.</summary>
    public static int ActivitySize(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["content"] = card.DeepClone(),
            }),
        };
        return Encoding.UTF8.GetByteCount(AdaptiveCardSerializer.Write(activity)) + ActivityEnvelopeAllowance;
    }

    private static void ValidateCard(JsonObject card, string path, Walk walk, bool isRoot)
    {
        if (Str(card, "type") != "AdaptiveCard")
        {
            walk.Add(path + ".type", "must be \"AdaptiveCard\"");
        }

        if (!isRoot)
        {
            ReadVersion(card, path, walk, required: false);
        }

        if (card["refresh"] is JsonObject refresh)
        {
            if (refresh["action"] is not JsonObject action || Str(action, "type") != "Action.Execute")
            {
                walk.Add(path + ".refresh.action", "must be an Action.Execute");
            }
            else
            {
                ValidateAction(action, path + ".refresh.action", walk, needsTitle: false);
            }
        }

        ValidateElements(card["body"], path + ".body", walk, required: false);
        ValidateActions(card["actions"], path + ".actions", walk, required: false);
    }

    private static Version? ReadVersion(JsonObject card, string path, Walk walk, bool required)
    {
        var text = Str(card, "version");
        if (text is null)
        {
            if (required)
            {
                walk.Add(path + ".version", "is required");
            }

            return null;
        }

        if (!Version.TryParse(text, out var version))
        {
            walk.Add(path + ".version", $"\"{text}\" is not a version");
            return null;
        }

        if (version > MaxVersion)
        {
            walk.Add(path + ".version", $"{text} is newer than {MaxVersion}, the newest Teams renders");
        }

        return version;
    }

    private static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>State of one validation: issues, the card version and ids seen.</summary>
    private sealed class Walk
    {
        private readonly List<CardValidationIssue> _issues = [];
        private readonly HashSet<string> _inputIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _elementIds = new(StringComparer.Ordinal);
        private readonly List<(string Path, string Id)> _toggleTargets = [];

        public IReadOnlyList<CardValidationIssue> Issues => _issues;

        public Version CardVersion { get; set; } = MaxVersion;

        public void Add(string path, string message) => _issues.Add(new CardValidationIssue(path, message));

        public void ElementId(string path, string? id, bool isInput)
        {
            if (id is null)
            {
                return;
            }

            _elementIds.Add(id);
            if (isInput && !_inputIds.Add(id))
            {
                Add(path + ".id", $"input id \"{id}\" is used twice: the submitted values would collide");
            }
        }

        public void ToggleTarget(string path, string id) => _toggleTargets.Add((path, id));

        public void CheckToggleTargets()
        {
            foreach (var (path, id) in _toggleTargets.Where(t => !_elementIds.Contains(t.Id)))
            {
                Add(path, $"targets \"{id}\", which no element has as id");
            }
        }
    }
}
