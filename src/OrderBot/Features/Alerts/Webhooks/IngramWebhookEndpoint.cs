using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;

namespace OrderBot.Features.Alerts.Webhooks;

/// <summary>
/// <c>POST /api/suppliers/ingram/events</c>: Ingram's order-status notifications. The door only checks and stores:
/// size (413), JSON with an event id (400), the <c>x-hub-signature</c> of that id with the current or previous secret
/// (401), the event's age (401: a replay), then one write into the durable queue (202; a duplicate 200) and a nudge to
/// the processor. No supplier call and no alert happens before the answer, so it is fast and a crash after it loses
/// nothing. Refusals carry no body.
/// </summary>
internal static class IngramWebhookEndpoint
{
    public const string Path = "/api/suppliers/ingram/events";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync).ExcludeFromDescription();

    internal static async Task<IResult> HandleAsync(
        HttpContext context,
        IOptions<IngramWebhookOptions> options,
        IInboundEventStore inbound,
        InboundEventSignal signal,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(IngramWebhookEndpoint).FullName!);
        if (!settings.Enabled)
        {
            return Results.NotFound();
        }

        if (context.Request.ContentLength > settings.MaxBodyBytes)
        {
            Log.EventRefused(logger, StatusCodes.Status413PayloadTooLarge, "too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBoundedAsync(context.Request.Body, settings.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            Log.EventRefused(logger, StatusCodes.Status413PayloadTooLarge, "too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!IngramEventReader.TryRead(body, out var notification) || notification is null)
        {
            // Without an event id there is nothing a signature could sign: unsigned as well as unreadable.
            var status = context.Request.Headers.ContainsKey(IngramSignature.Header) ? StatusCodes.Status400BadRequest : StatusCodes.Status401Unauthorized;
            Log.EventRefused(logger, status, "unreadable");
            return Results.StatusCode(status);
        }

        if (!IngramSignature.IsValid(context.Request.Headers[IngramSignature.Header], notification.EventId, settings.Secrets))
        {
            Log.EventRefused(logger, StatusCodes.Status401Unauthorized, "signature missing or wrong");
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var now = time.GetUtcNow();
        if (notification.Stamp is { } stamp && (now - stamp > settings.MaxEventAge || stamp - now > settings.ClockSkew))
        {
            // Only the id is signed: an old signed id is a replay unless its id is still remembered (then: duplicate).
            Log.EventRefused(logger, StatusCodes.Status401Unauthorized, "outside the replay window");
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var outcome = await inbound.AcceptAsync(
            new NewInboundEvent(IngramEventProcessor.Source, notification.EventId, System.Text.Encoding.UTF8.GetString(body)),
            notification.ChangeKeys,
            settings.ChangeWindow,
            context.RequestAborted);
        Log.EventAccepted(logger, notification.EventId, outcome);
        if (outcome != InboundAcceptOutcome.Queued)
        {
            return Results.Ok();
        }

        signal.Nudge();
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes (read no further).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
