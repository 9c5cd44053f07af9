using OrderBot.State.Engine;

namespace OrderBot.State;

internal sealed class StateMaintenance : SqlStore, IStateMaintenance
{
    public StateMaintenance(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    /// <summary>
    /// How long a finished inbound event's id is remembered: longer than any event may be retried or replayed
    /// (webhooks older than <c>Suppliers:Ingram:Webhooks:MaxEventAge</c> are refused at the door).
    /// </summary>
    internal static readonly TimeSpan InboundRetention = TimeSpan.FromDays(7);

    public async Task<StatePurgeResult> PurgeExpiredAsync(TimeSpan completedOutboxRetention, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(completedOutboxRetention, TimeSpan.Zero);
        var now = Time.GetUtcNow();
        void BindNow(System.Data.Common.DbCommand c) => Bind(c, "now", Ms(now));

        var dialogs = await ExecuteAsync("DELETE FROM dialog_state WHERE expires_at <= @now", BindNow, cancellationToken);
        var processed = await ExecuteAsync("DELETE FROM processed_activity WHERE expires_at <= @now", BindNow, cancellationToken);
        var leases = await ExecuteAsync("DELETE FROM lease WHERE expires_at <= @now", BindNow, cancellationToken);
        var outbox = await ExecuteAsync(
            "DELETE FROM outbox WHERE status <> 'pending' AND completed_at <= @before",
            c => Bind(c, "before", Ms(now - completedOutboxRetention)),
            cancellationToken);
        await PurgeInboundAsync(now, InboundRetention, cancellationToken);
        return new StatePurgeResult(dialogs, processed, leases, outbox);
    }

    /// <summary>Deletes finished events older than <paramref name="retention"/> and expired change keys.</summary>
    private async Task<int> PurgeInboundAsync(DateTimeOffset now, TimeSpan retention, CancellationToken cancellationToken)
    {
        var events = await ExecuteAsync(
            "DELETE FROM inbound_event WHERE status <> 'pending' AND completed_at <= @before",
            c => Bind(c, "before", Ms(now - retention)),
            cancellationToken);
        var changes = await ExecuteAsync("DELETE FROM inbound_change WHERE expires_at <= @now", c => Bind(c, "now", Ms(now)), cancellationToken);
        return events + changes;
    }
}
