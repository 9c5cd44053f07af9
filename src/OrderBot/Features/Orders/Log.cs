using Microsoft.Extensions.Logging;

namespace OrderBot.Features.Orders;

/// <summary>Order answers' log messages (EventIds 4100–4199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Could not record {Count} live orders in the order book; the answer went out without")]
    public static partial void BookRecordFailed(ILogger logger, int count, Exception exception);
}
