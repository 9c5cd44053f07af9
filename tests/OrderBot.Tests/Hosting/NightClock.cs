namespace OrderBot.Tests.Hosting;

/// <summary>
/// A clock that runs at real speed from a pinned instant, so timers, polling and Kestrel behave as usual while
/// "now" is an hour the test chooses. App-level tests run at 03:00 UK time on a weekday by default — the hour at
/// which Ingram's real API is closed — so the suite passes whatever hour CI starts at.
/// </summary>
internal sealed class NightClock : TimeProvider
{
    /// <summary>Wednesday 2 December 2026, 03:00 in London (GMT, UTC+0).</summary>
    public static readonly DateTimeOffset ThreeAmUk = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private TimeSpan _offset;

    public NightClock(DateTimeOffset start) => _offset = start - System.GetUtcNow();

    public static NightClock AtThreeAmUk() => new(ThreeAmUk);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>Jumps ahead (e.g. past a cache's lifetime) without waiting.</summary>
    public void Advance(TimeSpan by) => _offset += by;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
