using Microsoft.Extensions.Logging;

namespace OrderBot.Features.OrderBook;

/// <summary>Order book logging. EventIds 7700–7799.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7700, Level = LogLevel.Information, Message = "Order book {Account}: {Kind} pass started (generation {Generation}, orders dated from {From:O})")]
    public static partial void PassStarted(ILogger logger, string account, string kind, long generation, DateTimeOffset from);

    [LoggerMessage(EventId = 7701, Level = LogLevel.Information, Message = "Order book {Account}: resuming generation {Generation} at {Cursor}")]
    public static partial void PassResumed(ILogger logger, string account, long generation, string cursor);

    [LoggerMessage(EventId = 7702, Level = LogLevel.Debug, Message = "Order book {Account}: page stored ({Orders} orders, {Changes} changed, {Calls} supplier calls), next {Cursor}")]
    public static partial void PageStored(ILogger logger, string account, int orders, int changes, int calls, string? cursor);

    [LoggerMessage(EventId = 7703, Level = LogLevel.Information, Message = "Order book {Account}: pass completed, {Orders} orders, {Pages} pages in {Seconds:0.0} s")]
    public static partial void PassCompleted(ILogger logger, string account, int orders, int pages, double seconds);

    [LoggerMessage(EventId = 7704, Level = LogLevel.Warning, Message = "Order book {Account}: pass stopped ({Kind}): {Problem}; it resumes from its cursor")]
    public static partial void PassStopped(ILogger logger, string account, string kind, string problem);

    [LoggerMessage(EventId = 7705, Level = LogLevel.Error, Message = "Order book observer {Observer} failed on {Changes} changes of {Account}")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string account, int changes);

    [LoggerMessage(EventId = 7706, Level = LogLevel.Error, Message = "Order book {Account}: sync failed")]
    public static partial void SyncFailed(ILogger logger, Exception exception, string account);

    [LoggerMessage(EventId = 7707, Level = LogLevel.Information, Message = "Order book {Account}: lease lost to another instance; stopping this pass")]
    public static partial void LeaseLost(ILogger logger, string account);

    [LoggerMessage(EventId = 7708, Level = LogLevel.Information, Message = "Order book {Account}: details of {Read} open orders read ({Never} never read, {Changed} changed, {Refreshed} refreshed), {Calls} supplier calls, {Awaiting} still due")]
    public static partial void DetailsRead(ILogger logger, string account, int read, int never, int changed, int refreshed, int calls, int awaiting);

    [LoggerMessage(EventId = 7709, Level = LogLevel.Warning, Message = "Order book {Account}: details of {Order} not read ({Kind}): {Problem}; the next tick carries on")]
    public static partial void DetailsStopped(ILogger logger, string account, string order, string kind, string problem);
}
