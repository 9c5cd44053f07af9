using System.Net;
using Microsoft.Extensions.Logging;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Ingram;

/// <summary>Ingram log messages, EventIds 2200–2299. Tokens and secrets are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Debug, Message = "Ingram search {CorrelationId}: {Query}")]
    public static partial void Searching(ILogger logger, string correlationId, string query);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Ingram search {CorrelationId} answered {StatusCode}")]
    public static partial void SearchFailed(ILogger logger, string correlationId, HttpStatusCode statusCode);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Ingram search {CorrelationId} failed: {Kind}")]
    public static partial void SearchProblem(ILogger logger, Exception exception, string correlationId, SupplierProblemKind kind);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Ingram search {CorrelationId} body unreadable: {Reason}")]
    public static partial void Malformed(ILogger logger, string correlationId, string reason);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Debug, Message = "Ingram details {CorrelationId}: {Path}")]
    public static partial void Details(ILogger logger, string correlationId, string path);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information, Message = "Ingram details of {OrderNumber} not added: {Kind}")]
    public static partial void DetailsSkipped(ILogger logger, string orderNumber, SupplierProblemKind kind);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Information, Message = "Ingram token issued, lifetime {Lifetime}")]
    public static partial void TokenIssued(ILogger logger, TimeSpan lifetime);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Warning, Message = "Ingram token endpoint answered {StatusCode}")]
    public static partial void TokenRefused(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 2220, Level = LogLevel.Information, Message = "Ingram {Country} not called: {Message}")]
    public static partial void OutsideWindow(ILogger logger, string country, string message);
}
