using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Telemetry;
using Activity = OrderBot.Protocol.Schema.Activity;

namespace OrderBot.Protocol.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: read (capped) → parse → authenticate → trust serviceUrl → turn pipeline → 200
/// (or the invoke body). 400 for oversized/malformed bodies, a missing type or an activity
/// <see cref="InboundActivityRules"/> refuses, with a Bot Framework error body <c>{"error":{"code":"BadRequest",
/// "message":…}}</c> naming the problem; 401 for failed authentication, with an empty body. Authentication is a span <c>authenticate</c>; each 401 counts in
/// <c>orderbot.auth.rejected</c> by reason.
/// </summary>
internal sealed class BotMessagesEndpoint
{
    private readonly BotAuthenticator _authenticator;
    private readonly ServiceUrlRegistry _registry;
    private readonly TurnPipeline _pipeline;
    private readonly ConnectorClient _connector;
    private readonly BotOptions _options;
    private readonly ILogger<BotMessagesEndpoint> _logger;
    private readonly ProtocolMetrics _metrics;

    public BotMessagesEndpoint(
        BotAuthenticator authenticator,
        ServiceUrlRegistry registry,
        TurnPipeline pipeline,
        ConnectorClient connector,
        IOptions<BotOptions> options,
        ILogger<BotMessagesEndpoint> logger,
        ProtocolMetrics metrics)
    {
        _authenticator = authenticator;
        _registry = registry;
        _pipeline = pipeline;
        _connector = connector;
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        // Checked before authentication: refusing a flood of oversized ids costs no token validation.
        var (activity, problem) = await ReadActivityAsync(context.Request, cancellationToken);
        if (activity is not null)
        {
            problem = InboundActivityRules.Check(activity);
        }

        if (activity is null || problem is not null)
        {
            problem ??= "body is not a JSON activity";
            Log.BadRequest(_logger, problem);
            await WriteBadRequestAsync(context.Response, problem, cancellationToken);
            return;
        }

        var outcome = await AuthenticateAsync(context.Request, activity, cancellationToken);
        if (!outcome.Succeeded)
        {
            Log.AuthenticationFailed(_logger, outcome.FailureReason ?? "unknown", activity.ChannelId, activity.Id);
            _metrics.AuthRejected(outcome.FailureCategory ?? AuthFailureReasons.InvalidToken);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!outcome.IsAnonymous)
        {
            _registry.Trust(activity.ServiceUrl);
        }

        var sender = new ConnectorActivitySender(_connector);
        var invokeResponse = await _pipeline.ProcessAsync(activity, sender, context.RequestServices, !outcome.IsAnonymous, cancellationToken);
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (invokeResponse is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            if (invokeResponse.Body is { } body)
            {
                await JsonSerializer.SerializeAsync(context.Response.Body, body, ProtocolJsonContext.Default.JsonElement, cancellationToken);
            }
            else
            {
                await JsonSerializer.SerializeAsync(context.Response.Body, invokeResponse, ProtocolJsonContext.Default.InvokeResponse, cancellationToken);
            }
        }
    }

    private async Task<AuthenticationOutcome> AuthenticateAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken)
    {
        // The span carries the outcome and the fixed reason category, never the header or any claim.
        using var span = ProtocolTelemetry.Source.StartActivity(ProtocolTelemetry.AuthenticateSpan);
        var outcome = await _authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (span is not null)
        {
            span.SetTag(ProtocolTelemetry.Tags.Outcome, outcome switch
            {
                { Succeeded: false } => "rejected",
                { IsAnonymous: true } => "anonymous",
                _ => "authenticated",
            });
            if (!outcome.Succeeded)
            {
                span.SetTag(ProtocolTelemetry.Tags.Reason, outcome.FailureCategory);
                span.SetStatus(ActivityStatusCode.Error, outcome.FailureCategory);
            }
        }

        return outcome;
    }

    private static Task WriteBadRequestAsync(HttpResponse response, string problem, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "application/json; charset=utf-8";
        var body = new ErrorResponse { Error = new ErrorDetail { Code = "BadRequest", Message = problem } };
        return JsonSerializer.SerializeAsync(response.Body, body, ProtocolJsonContext.Default.ErrorResponse, cancellationToken);
    }

    private async Task<(Activity? Activity, string? Problem)> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const string tooLarge = "body larger than Bot:MaxRequestBytes";
        var max = _options.MaxRequestBytes;
        if (request.ContentLength > max)
        {
            return (null, tooLarge);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(max + 1, 64 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max)
                    {
                        return (null, tooLarge);
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > max)
                {
                    return (null, tooLarge);
                }
            }

            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Log.ActivityBody(_logger, System.Text.Encoding.UTF8.GetString(buffer, 0, length));
            }

            Activity? activity;
            try
            {
                activity = JsonSerializer.Deserialize(buffer.AsSpan(0, length), ProtocolJsonContext.Default.Activity);
            }
            catch (JsonException)
            {
                return (null, "body is not a JSON activity");
            }

            return string.IsNullOrWhiteSpace(activity?.Type) ? (null, "activity has no type") : (activity, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
