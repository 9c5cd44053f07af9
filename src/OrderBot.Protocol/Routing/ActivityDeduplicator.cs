using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Routing;

/// <summary>
/// Remembers channelId + conversation.id + activity.id for <see cref="BotOptions.DeduplicationWindow"/>, because Teams
/// re-delivers requests that took too long. Process-local by design: re-deliveries hit within seconds, and a
/// duplicate on another instance only repeats one answer.
/// </summary>
public sealed class ActivityDeduplicator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private DateTimeOffset _nextPurge;

    public ActivityDeduplicator(IOptions<BotOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _window = options.Value.DeduplicationWindow;
        _nextPurge = time.GetUtcNow() + _window;
    }

    /// <summary>True the first time an activity is seen within the window; activities without id are never deduplicated.</summary>
    public bool TryRegister(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            return true;
        }

        var now = _time.GetUtcNow();
        PurgeIfDue(now);
        var key = string.Concat(activity.ChannelId, "\n", activity.Conversation?.Id, "\n", activity.Id);
        var expires = now + _window;
        while (true)
        {
            if (_seen.TryAdd(key, expires))
            {
                return true;
            }

            if (_seen.TryGetValue(key, out var existing))
            {
                if (existing > now)
                {
                    return false;
                }

                if (_seen.TryUpdate(key, expires, existing))
                {
                    return true;
                }
            }
        }
    }

    private void PurgeIfDue(DateTimeOffset now)
    {
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + _window;
        foreach (var pair in _seen)
        {
            if (pair.Value <= now)
            {
                _seen.TryRemove(pair);
            }
        }
    }
}
