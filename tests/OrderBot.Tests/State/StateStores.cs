using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Tests.State;

/// <summary>
/// Every store of one app instance on one <see cref="StateDatabase"/>, built as the State registration builds them,
/// for tests that act as that instance.
/// </summary>
internal sealed class StateStores(StateDatabase database, TimeProvider time)
{
    /// <summary>The database these stores share (for stores a test builds beside them, e.g. the order book).</summary>
    public StateDatabase Database { get; } = database;

    public StateMigrator Migrator { get; } = new(database, time);

    public ConversationReferenceStore Conversations { get; } = new(database, time, NullLogger<ConversationReferenceStore>.Instance);

    public ProcessedActivityStore Processed { get; } = new(database, time, NullLogger<ProcessedActivityStore>.Instance);

    public IDialogStateStore Dialogs { get; } = new DialogStateStore(database, time);

    public ISettingsStore Settings { get; } = new SettingsStore(database, time);

    public ILeaseStore Leases { get; } = new LeaseStore(database, time);

    public IStateMaintenance Maintenance { get; } = new StateMaintenance(database, time);

    public IStoreHealth Health { get; } = new StoreHealth(database, time);

    public ISubscriptionStore Subscriptions { get; } = new SubscriptionStore(database, time);

    public IWatchedOrderStore Watched { get; } = new WatchedOrderStore(database, time);

    public IOutboxStore Outbox { get; } = new OutboxStore(database, time);

    public IInboundEventStore Inbound { get; } = new InboundEventStore(database, time);
}
