using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Telemetry;
using Polly.Timeout;

namespace OrderBot.Protocol.Connector;

/// <summary>Values of <c>orderbot.operation</c> on Connector spans and metrics.</summary>
public static class ConnectorOperations
{
    public const string Send = "send";
    public const string Reply = "reply";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string CreateConversation = "create_conversation";
}

/// <summary>
/// Values of <c>orderbot.outcome</c> on Connector spans and metrics, besides the HTTP status code (as text,
/// e.g. "403") of a call that still failed after the retries.
/// </summary>
public static class ConnectorOutcomes
{
    public const string Ok = "ok";
    public const string NetworkError = "network_error";
    public const string Timeout = "timeout";
    public const string TokenError = "token_error";
    public const string UntrustedServiceUrl = "untrusted_service_url";
    public const string InvalidResponse = "invalid_response";
    public const string Cancelled = "cancelled";
    public const string Error = "error";
}

/// <summary>One span <c>connector {operation}</c> and one measurement per call, whatever the retries below.</summary>
public sealed partial class ConnectorClient
{
    private async Task<T> TracedAsync<T>(string operation, Func<Task<T>> call)
    {
        using var span = ProtocolTelemetry.Source.StartActivity(SpanName(operation));
        span?.SetTag(ProtocolTelemetry.Tags.Operation, operation);
        var start = _time.GetTimestamp();
        try
        {
            var result = await call();
            End(span, operation, ConnectorOutcomes.Ok, start, null);
            return result;
        }
        catch (Exception ex)
        {
            // Not handled here: recorded, then rethrown unchanged to the caller that decides.
            End(span, operation, OutcomeOf(ex), start, ex);
            throw;
        }
    }

    private void End(Activity? span, string operation, string outcome, long start, Exception? exception)
    {
        _metrics?.ConnectorCallEnded(operation, outcome, _time.GetElapsedTime(start));
        if (span is null)
        {
            return;
        }

        span.SetTag(ProtocolTelemetry.Tags.Outcome, outcome);
        if (exception is null)
        {
            return;
        }

        if (exception is ConnectorException { StatusCode: { } status })
        {
            span.SetTag(ProtocolTelemetry.Tags.HttpStatusCode, (int)status);
        }

        // The exception message is not recorded: the type and our outcome say enough without risking payloads.
        span.SetTag(ProtocolTelemetry.Tags.ErrorType, exception.GetType().FullName);
        span.SetStatus(ActivityStatusCode.Error, outcome);
    }

    internal static string OutcomeOf(Exception exception) => exception switch
    {
        ConnectorException { Kind: ConnectorErrorKind.UntrustedServiceUrl } => ConnectorOutcomes.UntrustedServiceUrl,
        ConnectorException { StatusCode: { } status } => ((int)status).ToString(CultureInfo.InvariantCulture),
        BotTokenException => ConnectorOutcomes.TokenError,
        TimeoutRejectedException => ConnectorOutcomes.Timeout,
        OperationCanceledException => ConnectorOutcomes.Cancelled,
        HttpRequestException => ConnectorOutcomes.NetworkError,
        JsonException => ConnectorOutcomes.InvalidResponse,
        _ => ConnectorOutcomes.Error,
    };

    private static string SpanName(string operation) => operation switch
    {
        ConnectorOperations.Send => "connector send",
        ConnectorOperations.Reply => "connector reply",
        ConnectorOperations.Update => "connector update",
        ConnectorOperations.Delete => "connector delete",
        ConnectorOperations.CreateConversation => "connector create_conversation",
        _ => "connector " + operation,
    };
}
