namespace OrderBot.State;

internal sealed partial class SqlStateStore
{
    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);

        // The conflict branch only fires when the lease is expired or already ours; otherwise zero rows change.
        var now = _time.GetUtcNow();
        var count = await ExecuteAsync(
            """
            INSERT INTO lease (name, owner, expires_at) VALUES (@name, @owner, @until)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE lease.expires_at <= @now OR lease.owner = excluded.owner
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

    public async Task<bool> TryStartPeriodAsync(string name, string owner, TimeSpan period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);

        // Unlike TryAcquireLeaseAsync, holding the lease does not let the owner take it again before it expires.
        var now = _time.GetUtcNow();
        var count = await ExecuteAsync(
            """
            INSERT INTO lease (name, owner, expires_at) VALUES (@name, @owner, @until)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE lease.expires_at <= @now
            """,
            c =>
            {
                Bind(c, "name", name);
                Bind(c, "owner", owner);
                Bind(c, "until", Ms(now + period));
                Bind(c, "now", Ms(now));
            },
            cancellationToken);
        return count > 0;
    }

    public async Task<bool> RenewLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _time.GetUtcNow();
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

    public async Task<bool> TryMarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);

        // An expired record counts as absent, so a key can be reused after its retention without a purge first.
        var now = _time.GetUtcNow();
        var count = await ExecuteAsync(
            """
            INSERT INTO processed_activity (activity_key, expires_at) VALUES (@key, @until)
            ON CONFLICT (activity_key) DO UPDATE SET expires_at = excluded.expires_at
            WHERE processed_activity.expires_at <= @now
            """,
            c =>
            {
                Bind(c, "key", key);
                Bind(c, "until", Ms(now + retention));
                Bind(c, "now", Ms(now));
            },
            cancellationToken);
        return count > 0;
    }
}
