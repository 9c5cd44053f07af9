using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Tests.Schema;

public sealed class ActivityExtensionsTests
{
    [Fact]
    public void GetConversationReference_V2_CapturesTeamsIds()
    {
        var reference = TestData.Activity("V2.json").GetConversationReference();

        Assert.Equal("29:1installer", reference.User!.Id);
        Assert.Equal("28:11111111-2222-3333-4444-555555555555", reference.Bot!.Id);
        Assert.Equal("19:chan01@thread.tacv2", reference.Conversation!.Id);
        Assert.Equal("https://smba.trafficmanager.net/teams/", reference.ServiceUrl);
        Assert.Equal("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", reference.TenantId);
        Assert.Equal("19:team01@thread.tacv2", reference.TeamId);
        Assert.Equal("19:chan01@thread.tacv2", reference.TeamsChannelId);
        Assert.Equal("f:1a2b3c", reference.ActivityId);
    }

    [Fact]
    public void ApplyConversationReference_Outbound_SwapsRolesAndSetsReplyTo()
    {
        var reference = TestData.Activity("V1.json").GetConversationReference();

        var outbound = Activity.CreateMessage("x").ApplyConversationReference(reference);

        Assert.Equal("28:11111111-2222-3333-4444-555555555555", outbound.From!.Id);
        Assert.Equal("29:1userABC", outbound.Recipient!.Id);
        Assert.Equal("1760000000001", outbound.ReplyToId);
        Assert.Equal(reference.ServiceUrl, outbound.ServiceUrl);
        Assert.Equal("msteams", outbound.ChannelId);
    }

    [Fact]
    public void CreateReply_V1_AddressesTheSender()
    {
        var reply = TestData.Activity("V1.json").CreateReply("ok");

        Assert.Equal("message", reply.Type);
        Assert.Equal("29:1userABC", reply.Recipient!.Id);
        Assert.Equal("28:11111111-2222-3333-4444-555555555555", reply.From!.Id);
        Assert.Equal("1760000000001", reply.ReplyToId);
        Assert.Equal("19:chan01@thread.tacv2;messageid=1759999999999", reply.Conversation!.Id);
    }

    [Theory]
    [InlineData("19:chan01@thread.tacv2", "1760000000700", "19:chan01@thread.tacv2;messageid=1760000000700")]
    [InlineData("19:chan01@thread.tacv2;messageid=1", "1760000000700", "19:chan01@thread.tacv2;messageid=1760000000700")]
    public void ToThreadedConversationId_ChannelId_AppendsMessageId(string conversationId, string root, string expected) =>
        Assert.Equal(expected, ActivityExtensions.ToThreadedConversationId(conversationId, root));

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("-5")]
    public void ToThreadedConversationId_NonNumericRoot_Throws(string root) =>
        Assert.Throws<ArgumentException>(() => ActivityExtensions.ToThreadedConversationId("19:c@thread.tacv2", root));
}
