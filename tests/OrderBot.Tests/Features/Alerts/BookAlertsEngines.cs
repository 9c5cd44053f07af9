using OrderBot.Tests.State;

namespace OrderBot.Tests.Features.Alerts;

public sealed class SqliteBookAlertsTests : BookAlertsTests
{
    private protected override Task<AlertsHarness> StartAsync() => AlertsHarness.StartSqliteAsync();
}

/// <summary>The same on PostgreSQL (<c>ORDERBOT_TEST_POSTGRES</c>): skipped locally when unset, failing in CI when unset.</summary>
[RequiresPostgres]
public sealed class PostgresBookAlertsTests : BookAlertsTests
{
    private protected override Task<AlertsHarness> StartAsync() => AlertsHarness.StartPostgresAsync();
}
