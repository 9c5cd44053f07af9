using System.Threading.Channels;

namespace OrderBot.Features.Alerts.Webhooks;

/// <summary>Wakes the event processor as soon as an event is accepted (the processor's interval is only the safety net).</summary>
internal sealed class InboundEventSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when nudged or after <paramref name="interval"/> on <paramref name="time"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var nudged = _channel.Reader.WaitToReadAsync(wait.Token).AsTask();
        var elapsed = Task.Delay(interval, time, wait.Token);
        await Task.WhenAny(nudged, elapsed);
        await wait.CancelAsync();
        _channel.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
