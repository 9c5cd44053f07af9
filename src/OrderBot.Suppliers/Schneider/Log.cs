using Microsoft.Extensions.Logging;

namespace OrderBot.Suppliers.Schneider;

/// <summary>Schneider client logging, EventIds 2100–2199. Never logs keys, secrets or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Schneider bearer token renewed, valid until {ExpiresAt}")]
    public static partial void TokenRenewed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Schneider token endpoint refused the client credentials with {StatusCode}")]
    public static partial void TokenRefused(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Schneider {Endpoint} failed: {Kind} ({Detail})")]
    public static partial void CallFailed(ILogger logger, string endpoint, Model.SupplierProblemKind kind, string? detail);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Schneider {Endpoint} answered an unreadable body")]
    public static partial void MalformedBody(ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(EventId = 2120, Level = LogLevel.Debug, Message = "Schneider PO scan for {Country}: {Pages} of {TotalPages} pages, {Matches} matches")]
    public static partial void PoScanned(ILogger logger, string country, int pages, int totalPages, int matches);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Debug, Message = "Schneider PO cache hit for {Country}: {Count} orders")]
    public static partial void PoCacheHit(ILogger logger, string country, int count);
}
