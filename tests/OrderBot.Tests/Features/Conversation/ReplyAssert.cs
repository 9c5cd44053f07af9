using System.Text.Json;
using OrderBot.AdaptiveCards;
using OrderBot.Protocol.Schema;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>Reads what the bot sent: the card's fallback text (a one-line summary every card builder writes) and JSON.</summary>
internal static class ReplyAssert
{
    public static JsonElement Card(Activity reply)
    {
        Assert.Equal(ActivityTypes.Message, reply.Type);
        var attachment = Assert.Single(reply.Attachments ?? []);
        Assert.Equal(ProtocolNames.AdaptiveCardContentType, attachment.ContentType);
        return attachment.Content!.Value;
    }

    public static string Fallback(Activity reply) => Card(reply).GetProperty("fallbackText").GetString()!;

    public static string Fallback(InvokeResponse response)
    {
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response.Type);
        return response.Value!.Value.GetProperty("fallbackText").GetString()!;
    }

    /// <summary>The <c>data</c> of the first Action.Execute with <paramref name="verb"/> anywhere in the card.</summary>
    public static JsonElement ExecuteData(JsonElement card, string verb)
    {
        return Find(card) ?? throw new Xunit.Sdk.XunitException($"No Action.Execute with verb '{verb}' in the card.");

        JsonElement? Find(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Object)
            {
                if (node.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute"
                    && node.TryGetProperty("verb", out var v) && v.GetString() == verb)
                {
                    return node.TryGetProperty("data", out var data) ? data : default;
                }

                foreach (var property in node.EnumerateObject())
                {
                    if (Find(property.Value) is { } found)
                    {
                        return found;
                    }
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    if (Find(item) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }
    }

    /// <summary>The next non-typing reply.</summary>
    public static Activity Next(OrderBot.TestKit.Protocol.TestAdapter adapter)
    {
        while (adapter.TakeReply() is { } reply)
        {
            if (!reply.IsType(ActivityTypes.Typing))
            {
                return reply;
            }
        }

        throw new Xunit.Sdk.XunitException("The bot sent no (more) messages.");
    }
}
