using System.Text.Json;
using System.Text.Json.Nodes;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Tests.Schema;

public sealed class ActivitySerializationTests
{
    [Theory]
    [InlineData("V1.json", "message")]
    [InlineData("V2.json", "conversationUpdate")]
    [InlineData("V3.json", "conversationUpdate")]
    [InlineData("V4a.json", "installationUpdate")]
    [InlineData("V4b.json", "installationUpdate")]
    [InlineData("V5.json", "invoke")]
    [InlineData("V6.json", "message")]
    [InlineData("V7a.json", "messageReaction")]
    [InlineData("V7b.json", "typing")]
    [InlineData("V8.json", "message")]
    public void Deserialize_TestVector_ParsesTypeAndAddressing(string file, string type)
    {
        var activity = TestData.Activity(file);

        Assert.Equal(type, activity.Type);
        Assert.False(string.IsNullOrEmpty(activity.Conversation?.Id));
        Assert.False(string.IsNullOrEmpty(activity.ServiceUrl));
        Assert.False(string.IsNullOrEmpty(activity.Recipient?.Id));
    }

    [Theory]
    [InlineData("V1.json")]
    [InlineData("V2.json")]
    [InlineData("V4a.json")]
    [InlineData("V5.json")]
    [InlineData("V8.json")]
    public void RoundTrip_TestVector_PreservesEveryField(string file)
    {
        var original = JsonNode.Parse(TestData.Read(file))!;

        var json = JsonSerializer.Serialize(TestData.Activity(file), ProtocolJsonContext.Default.Activity);

        // Timestamps are re-formatted by DateTimeOffset; compare them as instants, everything else exactly.
        var reparsed = JsonNode.Parse(json)!;
        foreach (var field in new[] { "timestamp", "localTimestamp" })
        {
            if (original[field] is { } o)
            {
                Assert.Equal(DateTimeOffset.Parse(o.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(reparsed[field]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
                original.AsObject().Remove(field);
                reparsed.AsObject().Remove(field);
            }
        }

        Assert.True(JsonNode.DeepEquals(original, reparsed), $"round trip differs:\n{original.ToJsonString()}\n{reparsed.ToJsonString()}");
    }

    [Fact]
    public void Deserialize_UnknownFieldsEverywhere_RoundTripsThem()
    {
        const string json = """
            {"type":"message","futureField":{"a":[1,2]},"from":{"id":"29:x","userRole":"anonymous"},
             "conversation":{"id":"c","isFlagged":true},"channelData":{"tenant":{"id":"t","region":"emea"},"legacy":{"replyToId":"1"}},
             "entities":[{"type":"clientInfo","platform":"Web"}],"attachments":[{"contentType":"x","extra":1}]}
            """;

        var activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), written.ToJsonString());
        Assert.Equal("t", activity.GetTenantId());
    }

    [Fact]
    public void Serialize_NullMembers_AreOmittedAndNamesCamelCase()
    {
        var activity = Activity.CreateMessage("hi");
        activity.ReplyToId = "1";

        var json = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","text":"hi","replyToId":"1"}""", json);
    }

    [Fact]
    public void Deserialize_OtherCasing_IsAccepted()
    {
        var activity = JsonSerializer.Deserialize("""{"Type":"message","ServiceURL":"https://x/","TEXT":"hi"}""", ProtocolJsonContext.Default.Activity)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("https://x/", activity.ServiceUrl);
        Assert.Equal("hi", activity.Text);
    }

    [Fact]
    public void Deserialize_V2_ReadsTeamsChannelData()
    {
        var activity = TestData.Activity("V2.json");

        Assert.Equal("teamMemberAdded", activity.ChannelData!.EventType);
        Assert.Equal("19:team01@thread.tacv2", activity.ChannelData.Team!.Id);
        Assert.Equal("12121212-3434-5656-7878-909090909090", activity.ChannelData.Team.AadGroupId);
        Assert.Equal("19:chan01@thread.tacv2", activity.ChannelData.Settings!.SelectedChannel!.Id);
    }

    [Fact]
    public void InvokeResponse_Message_SerializesEnvelope()
    {
        var json = JsonSerializer.Serialize(InvokeResponse.Message("Order PO-4711 is shipped"), ProtocolJsonContext.Default.InvokeResponse);

        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Order PO-4711 is shipped"}""", json);
    }
}
