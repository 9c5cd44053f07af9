using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Tests.Schema;

public sealed class MentionTextTests
{
    private const string BotId = "28:11111111-2222-3333-4444-555555555555";

    private static Activity Message(string? text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = BotId, Name = "OrderBot" },
        Entities = entities,
    };

    private static Entity Mention(string id, string name, string? text) =>
        new() { Type = "mention", Mentioned = new ChannelAccount { Id = id, Name = name }, Text = text };

    [Fact]
    public void RemoveRecipientMention_V1_StripsBotMention() =>
        Assert.Equal("status PO-4711", TestData.Activity("V1.json").RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_EntityTextWithAt_StripsPlainSpan() =>
        Assert.Equal("status PO-4711", Message("<at>OrderBot</at> status PO-4711", Mention(BotId, "OrderBot", "<at>@OrderBot</at>")).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_TextWithAtSign_StripsIt() =>
        Assert.Equal("status PO-4711", Message("<at>@OrderBot</at> status PO-4711", Mention(BotId, "OrderBot", "<at>OrderBot</at>")).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_NoEntityText_RemovesAtName() =>
        Assert.Equal("help", Message("<at>OrderBot</at> help", Mention(BotId, "OrderBot", null)).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_OtherUserOnly_LeavesTextUntouched() =>
        Assert.Equal("<at>Dana</at> look at PO-4711", Message("<at>Dana</at> look at PO-4711", Mention("29:dana", "Dana", "<at>Dana</at>")).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_BotAndOtherUser_KeepsOtherUser() =>
        Assert.Equal("ask <at>Dana</at> about PO-1", Message("<at>OrderBot</at> ask <at>Dana</at> about PO-1", Mention(BotId, "OrderBot", "<at>OrderBot</at>"), Mention("29:dana", "Dana", "<at>Dana</at>")).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_NonBreakingSpaces_AreTrimmed() =>
        Assert.Equal("status PO-4711", Message("<at>OrderBot</at>\u00A0status PO-4711\u00A0\n", Mention(BotId, "OrderBot", "<at>OrderBot</at>")).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_DifferentCase_IsRemoved() =>
        Assert.Equal("status", Message("<AT>orderbot</AT> status", Mention(BotId, "OrderBot", "<at>OrderBot</at>")).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_MentionInTheMiddle_IsRemoved() =>
        Assert.Equal("hey  status", Message("hey <at>OrderBot</at> status", Mention(BotId, "OrderBot", "<at>OrderBot</at>")).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_NoText_ReturnsNull() =>
        Assert.Null(Message(null, Mention(BotId, "OrderBot", "<at>OrderBot</at>")).RemoveRecipientMention());

    [Fact]
    public void RemoveRecipientMention_NoEntities_TrimsOnly() =>
        Assert.Equal("status", Message("  status \n").RemoveRecipientMention());
}
