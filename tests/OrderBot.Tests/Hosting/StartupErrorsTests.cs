using OrderBot.Hosting;

namespace OrderBot.Tests.Hosting;

/// <summary>A newcomer with a wrong setting gets the setting's name and the fix, and exit code 2 — not a stack trace.</summary>
public sealed class StartupErrorsTests
{
    [Theory]
    [InlineData("--Suppliers:Ingram:RateLimitCalls=0", "Suppliers:Ingram:RateLimitCalls must be at least 1")]
    [InlineData("--Alerts:Enabled=maybe", "'Alerts:Enabled'")]
    [InlineData("--Telemetry:OtlpEndpoint=collector:4317", "Telemetry:OtlpEndpoint 'collector:4317' is not an http(s) URL")]
    [InlineData("--Storage:Sqlite:Path=", "Storage:Sqlite:Path")]
    public async Task ReportAsync_WrongSetting_NamesItAndExitsWithTwo(string setting, string expected)
    {
        using var error = new StringWriter();

        var exitCode = await StartupErrors.ReportAsync(() => StartAndStopAsync(setting), error);

        Assert.Equal(StartupErrors.SettingsExitCode, exitCode);
        var text = error.ToString();
        Assert.StartsWith("OrderBot did not start: a setting needs fixing.", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAsync_GoodSettings_ReturnsTheRunsExitCode()
    {
        using var error = new StringWriter();

        var exitCode = await StartupErrors.ReportAsync(() => StartAndStopAsync("--Alerts:Enabled=false"), error);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
    }

    private static async Task<int> StartAndStopAsync(string setting)
    {
        await using var host = await AppHost.StartAsync(setting);
        return 0;
    }
}
