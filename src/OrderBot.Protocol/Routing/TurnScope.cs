using System.Collections;

namespace OrderBot.Protocol.Routing;

/// <summary>
/// The logging scope of one turn, opened by <see cref="TurnPipeline"/> around everything the turn runs (handlers
/// included: the logger factory's scope provider is shared by every logger in the turn's async flow). Structured
/// providers see <c>CorrelationId</c>, <c>ActivityId</c>, <c>ActivityType</c> and <c>ConversationId</c>; text
/// providers print <c>Turn {CorrelationId}</c>.
/// </summary>
public sealed class TurnScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public TurnScope(string correlationId, string? activityId, string? activityType, string? conversationId)
    {
        CorrelationId = correlationId;
        ActivityId = activityId;
        ActivityType = activityType;
        ConversationId = conversationId;
    }

    /// <summary>The id the user sees in an apology (<see cref="TurnContext.CorrelationId"/>).</summary>
    public string CorrelationId { get; }

    public string? ActivityId { get; }

    public string? ActivityType { get; }

    public string? ConversationId { get; }

    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(nameof(CorrelationId), CorrelationId),
        1 => new(nameof(ActivityId), ActivityId),
        2 => new(nameof(ActivityType), ActivityType),
        3 => new(nameof(ConversationId), ConversationId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "Turn " + CorrelationId;
}
