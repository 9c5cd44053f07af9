using System.Collections;

namespace OrderBot.Protocol.Hosting;

/// <summary>
/// The logging scope of a proactive send (outside any turn): <c>ConversationId</c> for structured providers,
/// <c>Proactive {ConversationId}</c> for text ones.
/// </summary>
public sealed class ProactiveScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public ProactiveScope(string? conversationId)
    {
        ConversationId = conversationId;
    }

    public string? ConversationId { get; }

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] => index == 0
        ? new(nameof(ConversationId), ConversationId)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "Proactive " + ConversationId;
}
