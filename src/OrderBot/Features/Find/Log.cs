using Microsoft.Extensions.Logging;

namespace OrderBot.Features.Find;

/// <summary>Find logging. EventIds 7600–7619.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7600, Level = LogLevel.Warning, Message = "Could not remember the identifiers of {Count} orders read; finding by serial or tracking will miss them until they are read again")]
    public static partial void RecordFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 7601, Level = LogLevel.Information, Message = "Forgot {Count} orders last read before {Before}")]
    public static partial void Purged(ILogger logger, int count, DateTimeOffset before);

    [LoggerMessage(EventId = 7602, Level = LogLevel.Debug, Message = "Find {Kinds} searched {Read} orders read, {Hits} hits, tried as PO: {AsPo}")]
    public static partial void Searched(ILogger logger, string kinds, int read, int hits, bool asPo);
}
