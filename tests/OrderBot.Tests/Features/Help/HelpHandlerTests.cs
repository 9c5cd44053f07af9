using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Help;
using Xunit;

namespace OrderBot.Tests.Features.Help;

public sealed class HelpHandlerTests
{
    [Fact]
    public async Task HandleAsync_ExampleWithText_AnsweredAsIfTyped()
    {
        var reply = await new HelpHandler().HandleAsync(null!, CardActions.Verbs.HelpExample, Data("where is PO 201120/1"), CancellationToken.None);

        Assert.Equal("where is PO 201120/1", reply.Typed);
        Assert.Null(reply.Text);
        Assert.Null(reply.Card);
    }

    [Fact]
    public async Task HandleAsync_ExampleWithoutText_UnknownButton()
    {
        var reply = await new HelpHandler().HandleAsync(null!, CardActions.Verbs.HelpExample, Data(null), CancellationToken.None);

        Assert.Same(HandlerTable.UnknownButton, reply);
    }

    private static Dictionary<string, string> Data(string? text) =>
        text is null ? [] : new() { [CardActions.Keys.Text] = text };
}
