using Microsoft.Extensions.Logging;

namespace OrderBot.Features.OrderBook;

/// <summary>
/// Tells every registered <see cref="IOrderBookObserver"/> of changes already stored. One observer failing does not
/// keep the others from hearing, nor fail the sync: it is logged with its exception.
/// </summary>
public sealed class BookObservers
{
    private readonly IReadOnlyList<IOrderBookObserver> _observers;
    private readonly ILogger<BookObservers> _logger;

    public BookObservers(IEnumerable<IOrderBookObserver> observers, ILogger<BookObservers> logger)
    {
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(logger);
        _observers = [.. observers];
        _logger = logger;
    }

    public async Task NotifyAsync(BookAccount account, IReadOnlyList<BookChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnChangesAsync(account, changes, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ObserverFailed(_logger, exception, observer.GetType().Name, account.Key, changes.Count);
            }
        }
    }
}
