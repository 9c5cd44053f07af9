using System.Net;
using OrderBot.Protocol.Connector;

namespace OrderBot.Protocol.Tests.Connector;

public sealed class ConnectorExceptionTests
{
    [Theory]
    [InlineData(403, "BotNotInConversationRoster", ConnectorErrorKind.BotNotInConversationRoster)]
    [InlineData(403, "MessageWritesBlocked", ConnectorErrorKind.BotNotInConversationRoster)]
    [InlineData(403, "ConversationBlockedByUser", ConnectorErrorKind.ConversationBlockedByUser)]
    [InlineData(403, "BotDisabledByAdmin", ConnectorErrorKind.Forbidden)]
    [InlineData(404, "ConversationNotFound", ConnectorErrorKind.ConversationNotFound)]
    [InlineData(404, "ActivityNotFoundInConversation", ConnectorErrorKind.NotFound)]
    [InlineData(413, "MessageSizeTooBig", ConnectorErrorKind.MessageTooLarge)]
    [InlineData(401, "BotNotRegistered", ConnectorErrorKind.Unauthorized)]
    [InlineData(500, "ServiceError", ConnectorErrorKind.Other)]
    [InlineData(429, null, ConnectorErrorKind.Transient)]
    [InlineData(400, "BadArgument", ConnectorErrorKind.Other)]
    public void Classify_StatusAndCode_GivesKind(int status, string? code, ConnectorErrorKind expected) =>
        Assert.Equal(expected, ConnectorException.Classify((HttpStatusCode)status, code));
}
