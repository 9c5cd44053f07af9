using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers;

namespace OrderBot.Features.Alerts;

/// <summary>
/// Where the watcher reads orders from, and whom it tells that an order changed (the answer cache). With an order
/// <see cref="Book"/>, a fresh account's book replaces the watcher's polls and searches for that account.
/// </summary>
public sealed record WatchSources(IEnumerable<IOrderSupplier> Suppliers, IAnswerCacheInvalidator? Answers = null, OrderBook.IOrderBook? Book = null);

/// <summary>The tables the watcher works on: subscriptions, watched orders, its leases and (optional) pushed events.</summary>
public sealed record WatchStores(ISubscriptionStore Subscriptions, IWatchedOrderStore Orders, ILeaseStore Leases, IInboundEventStore? Inbound = null);
