namespace OrderBot.Protocol.Routing;

/// <summary>Sends typing activities every 3 s until disposed. Failures to send typing are ignored: it is cosmetic.</summary>
public sealed class TypingIndicator : IDisposable
{
    /// <summary>Interval between typing activities.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop;
    private readonly PeriodicTimer _timer;

    internal TypingIndicator(TurnContext turn, TimeProvider time, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = new PeriodicTimer(Interval, time);
        Completion = RunAsync(turn, _stop.Token);
    }

    /// <summary>Completes after disposal; exposed for tests.</summary>
    public Task Completion { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _timer.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                await turn.SendTypingAsync(cancellationToken);
            }
            while (await _timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Disposed: the slow work is done.
        }
        catch (Connector.ConnectorException)
        {
            // Typing is cosmetic; the real reply reports real problems.
        }
        catch (HttpRequestException)
        {
            // Same as above.
        }
    }
}
