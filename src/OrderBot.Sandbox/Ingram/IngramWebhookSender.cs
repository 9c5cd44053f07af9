using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrderBot.Sandbox.Ingram;

/// <summary>
/// Ingram's order-status webhooks, as the sandbox sends them (reference §1.12): whenever a sub-order's status changes —
/// a control call, or the WATCH-1 timeline moving on with the clock — one <c>im::updated</c> event per order is
/// POSTed to <see cref="Target"/>, signed with <c>x-hub-signature</c> = Base64(HMAC-SHA512(secret, eventId)).
/// Only the documented sub-event codes are sent (hold, shipped, invoiced, voided); a release sends nothing, since the
/// documentation lists no event for it. Delivery is at least once: a failed POST is retried a few times.
/// </summary>
public sealed class IngramWebhookSender : IAsyncDisposable
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly IngramSandboxData _data;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _changed = new(0, 1);
    private Dictionary<string, string> _last;
    private Task? _loop;
    private int _sent;

    internal IngramWebhookSender(IngramSandboxData data, TimeProvider time, TimeSpan interval, Uri? target, string? secret)
    {
        _data = data;
        _time = time;
        _interval = interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(1);
        Target = target;
        Secret = secret;
        _last = States(data.Snapshot());
        data.Changed += Wake;
    }

    /// <summary>Where events go (e.g. <c>http://127.0.0.1:3978/api/suppliers/ingram/events</c>); null sends nothing.</summary>
    public Uri? Target { get; set; }

    /// <summary>The shared secret the events are signed with; null sends nothing.</summary>
    public string? Secret { get; set; }

    /// <summary>Events delivered (answered 2xx).</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>The body and signature of the last event built (tests replay it).</summary>
    public (string Body, string Signature)? LastEvent { get; private set; }

    internal void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>The event for one order as the sandbox would send it now, signed with <paramref name="secret"/> (tests).</summary>
    public (string EventId, string Body, string Signature) Build(string orderNumber, string secret, string? eventId = null)
    {
        var order = _data.Snapshot().First(o => string.Equals(o.OrderNumber, orderNumber, StringComparison.OrdinalIgnoreCase));
        var id = eventId ?? NewEventId();
        var body = Body(id, order, order.SubOrders.Select(s => s.Number).ToHashSet(StringComparer.Ordinal), force: true)!;
        return (id, body, Sign(secret, id));
    }

    public static string Sign(string secret, string eventId) =>
        Convert.ToBase64String(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(eventId)));

    public async ValueTask DisposeAsync()
    {
        _data.Changed -= Wake;
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        _http.Dispose();
        _stop.Dispose();
        _changed.Dispose();
    }

    private void Wake()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(_changed.WaitAsync(wait.Token), Task.Delay(_interval, _time, wait.Token));
                await wait.CancelAsync();
            }

            cancellationToken.ThrowIfCancellationRequested();
            var orders = _data.Snapshot();
            var now = States(orders);
            var changed = now.Where(kv => !_last.TryGetValue(kv.Key, out var before) || before != kv.Value).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            _last = now;
            if (changed.Count == 0 || Target is not { } target || string.IsNullOrEmpty(Secret))
            {
                continue;
            }

            foreach (var order in orders.Where(o => o.SubOrders.Any(s => changed.Contains(s.Number))))
            {
                var id = NewEventId();
                if (Body(id, order, changed) is { } body)
                {
                    await SendAsync(target, body, Sign(Secret, id), cancellationToken);
                }
            }
        }
    }

    private async Task SendAsync(Uri target, string body, string signature, CancellationToken cancellationToken)
    {
        LastEvent = (body, signature);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation("x-hub-signature", signature);
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _sent);
                    return;
                }

                if ((int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The bot is not up (yet): retry, as Ingram would.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Timed out: retry.
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), _time, cancellationToken);
        }
    }

    /// <summary>The notification for the sub-orders of <paramref name="order"/> in <paramref name="subs"/>; null when none maps to a documented event.</summary>
    private string? Body(string eventId, IngramSandboxOrder order, HashSet<string> subs, bool force = false)
    {
        var lines = order.SubOrders.Where(s => subs.Contains(s.Number)).Select(s => (Sub: s, Type: EventType(s))).Where(l => l.Type is not null).ToList();
        if (lines.Count == 0 && !force)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("topic", "resellers/orders");
            writer.WriteString("event", "im::updated");
            writer.WriteString("eventTimeStamp", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("eventId", eventId);
            writer.WriteStartArray("resource");
            writer.WriteStartObject();
            writer.WriteString("eventType", lines.Count > 0 ? lines[0].Type : "im::order_hold");
            writer.WriteString("orderNumber", order.OrderNumber);
            writer.WriteString("customerOrderNumber", order.CustomerPo);
            writer.WriteString("orderEntryTimeStamp", order.EntryTimestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteStartArray("lines");
            foreach (var (sub, type) in lines)
            {
                foreach (var line in order.Lines.Where(l => l.SubOrderNumber == sub.Number).DefaultIfEmpty())
                {
                    writer.WriteStartObject();
                    writer.WriteString("ingramLineNumber", line?.LineNumber ?? "001");
                    writer.WriteString("subOrderNumber", sub.Number);
                    writer.WriteString("lineStatus", "IM::" + type!["im::order_".Length..]);
                    if (line is not null)
                    {
                        writer.WriteString("ingramPartNumber", line.PartNumber);
                        writer.WriteString("vendorPartNumber", line.ManufacturerPartNumber);
                        writer.WriteNumber("requestedQuantity", line.Quantity);
                        writer.WriteNumber("backOrderedQuantity", line.Backordered);
                    }

                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteStartArray("links");
            writer.WriteStartObject();
            writer.WriteString("topic", "orders");
            writer.WriteString("href", "/resellers/v5/orders/" + order.OrderNumber);
            writer.WriteString("type", "GET");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The documented sub-event for a sub-order's status, or null (open, released: nothing documented).</summary>
    private static string? EventType(IngramSandboxSubOrder sub) => sub.StatusCode switch
    {
        _ when sub.HoldCode.Length > 0 => "im::order_hold",
        "C" or "D" or "O" or "S" or "W" => "im::order_hold",
        "4" or "5" or "P" => "im::order_shipped",
        "F" or "I" => "im::order_invoiced",
        "V" or "X" => "im::order_voided",
        _ => null,
    };

    private static Dictionary<string, string> States(IReadOnlyList<IngramSandboxOrder> orders) =>
        orders.SelectMany(o => o.SubOrders).GroupBy(s => s.Number, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => $"{g.First().StatusCode}|{g.First().Status}|{g.First().HoldCode}", StringComparer.Ordinal);

    private static string NewEventId() => RandomNumberGenerator.GetString(Alphabet, 18);
}
