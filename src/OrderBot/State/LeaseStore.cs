using OrderBot.State.Engine;

namespace OrderBot.State;

internal sealed class LeaseStore : SqlStore, ILeaseStore
{
    public LeaseStore(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    public Task<bool> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken = default) =>
        TakeAsync(name, owner, duration, ownerMayRetake: true, cancellationToken);

    public Task<bool> TryStartPeriodAsync(string name, string owner, TimeSpan period, CancellationToken cancellationToken = default) =>
        TakeAsync(name, owner, period, ownerMayRetake: false, cancellationToken);

    public async Task<bool> RenewLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = Time.GetUtcNow();
        var count = await ExecuteAsync(
            "UPDATE lease SET expires_at = @until WHERE name = @name AND owner = @owner AND expires_at > @now",
            c =>
            {
                Bind(c, "name", name);
                Bind(c, "owner", owner);
                Bind(c, "until", Ms(now + duration));
                Bind(c, "now", Ms(now));
            },
            cancellationToken);
        return count > 0;
    }

    public async Task<bool> ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var count = await ExecuteAsync(
            "DELETE FROM lease WHERE name = @name AND owner = @owner",
            c =>
            {
                Bind(c, "name", name);
                Bind(c, "owner", owner);
            },
            cancellationToken);
        return count > 0;
    }

    /// <summary>
    /// Takes the lease when it is free or expired; with <paramref name="ownerMayRetake"/> also when the owner holds
    /// it (a lease), without it not before it expires (a timer). The conflict branch changes zero rows otherwise.
    /// </summary>
    private async Task<bool> TakeAsync(string name, string owner, TimeSpan duration, bool ownerMayRetake, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = Time.GetUtcNow();
        var count = await ExecuteAsync(
            ownerMayRetake
                ? """
                  INSERT INTO lease (name, owner, expires_at) VALUES (@name, @owner, @until)
                  ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                  WHERE lease.expires_at <= @now OR lease.owner = excluded.owner
                  """
                : """
                  INSERT INTO lease (name, owner, expires_at) VALUES (@name, @owner, @until)
                  ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                  WHERE lease.expires_at <= @now
                  """,
            c =>
            {
                Bind(c, "name", name);
                Bind(c, "owner", owner);
                Bind(c, "until", Ms(now + duration));
                Bind(c, "now", Ms(now));
            },
            cancellationToken);
        return count > 0;
    }
}
