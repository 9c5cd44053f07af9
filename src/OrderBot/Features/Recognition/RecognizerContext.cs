namespace OrderBot.Features.Recognition;

/// <summary>
/// When and where the user is: date phrases ("today", "since 3 Oct") resolve against <paramref name="Now"/> seen in
/// the user's time zone, and numeric dates follow the locale's day/month order.
/// </summary>
/// <param name="Now">The current instant (from the injected <see cref="TimeProvider"/>).</param>
/// <param name="Locale">The activity's <c>locale</c>, e.g. <c>en-GB</c>; missing or unknown means <c>en-US</c>.</param>
/// <param name="TimeZone">The activity's <c>localTimezone</c> (IANA id); missing or unknown means UTC.</param>
public sealed record RecognizerContext(DateTimeOffset Now, string? Locale = null, string? TimeZone = null);
