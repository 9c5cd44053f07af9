using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.OrderBook;

namespace OrderBot.Features.Alerts;

/// <summary>
/// Registers the watcher as an <see cref="IOrderBookObserver"/>. The book tells its observers from inside its store,
/// and the watcher reads that store: the watcher is therefore found when the first change arrives, not when the store
/// is built (resolving it then would be a dependency cycle).
/// </summary>
internal sealed class WatcherBookObserver(IServiceProvider services) : IOrderBookObserver
{
    public Task OnChangesAsync(BookAccount account, IReadOnlyList<BookChange> changes, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<HoldWatcher>().OnChangesAsync(account, changes, cancellationToken);
}
