using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Routing;

/// <summary>
/// Remembers channelId + conversation.id + activity.id for <see cref="BotOptions.DeduplicationWindow"/>, because Teams
/// re-delivers requests that took too long. In this process first (no I/O for most duplicates), then, when the app
/// registers an <see cref="IProcessedActivityStore"/>, in that shared record, so a re-delivery that a load balancer
/// sends to another instance is dropped there too.
/// </summary>
public sealed class ActivityDeduplicator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly IProcessedActivityStore? _shared;
    private DateTimeOffset _nextPurge;

    public ActivityDeduplicator(IOptions<BotOptions> options, TimeProvider time)
        : this(options, time, shared: null)
    {
    }

    public ActivityDeduplicator(IOptions<BotOptions> options, TimeProvider time, IProcessedActivityStore? shared)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _shared = shared;
        _window = options.Value.DeduplicationWindow;
        _nextPurge = time.GetUtcNow() + _window;
    }

    /// <summary>
    /// True the first time an activity is seen within the window, here and in the shared record when there is one;
    /// activities without id are never deduplicated.
    /// </summary>
    public async Task<bool> TryRegisterAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (!TryRegister(activity))
        {
            return false;
        }

        return _shared is null || string.IsNullOrEmpty(activity.Id)
            || await _shared.TryMarkProcessedAsync(Key(activity), _window, cancellationToken);
    }

    /// <summary>True the first time an activity is seen within the window in this process; activities without id are never deduplicated.</summary>
    public bool TryRegister(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            return true;
        }

        var now = _time.GetUtcNow();
        PurgeIfDue(now);
        var key = Key(activity);
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

    private static string Key(Activity activity) => string.Concat(activity.ChannelId, "\n", activity.Conversation?.Id, "\n", activity.Id);

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
