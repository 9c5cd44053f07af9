using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts;

namespace OrderBot.Tests.Features.Alerts;

/// <summary><c>Alerts:NoticeWithin</c>, the one setting for how soon polling notices a change.</summary>
public sealed class NoticeWithinTests
{
    [Theory]
    [InlineData("00:00:10", "00:00:02", "00:00:08", "00:00:04")]
    [InlineData("00:00:05", "00:00:01", "00:00:04", "00:00:02")]
    [InlineData("00:00:02", "00:00:01", "00:00:01", "00:00:00.500")]
    [InlineData("00:10:00", "00:01:00", "00:09:00", "00:02:00")]
    public void Bound_NoticeWithin_WakeAndPollPeriodsAddUpToIt(string notice, string wake, string period, string lease)
    {
        var options = Resolve(new() { ["Alerts:NoticeWithin"] = notice });

        Assert.Equal(TimeSpan.Parse(wake, System.Globalization.CultureInfo.InvariantCulture), options.WatchInterval);
        Assert.Equal(TimeSpan.Parse(period, System.Globalization.CultureInfo.InvariantCulture), options.OpenPollPeriod);
        Assert.Equal(options.OpenPollPeriod, options.HeldPollPeriod);
        Assert.Equal(TimeSpan.Parse(lease, System.Globalization.CultureInfo.InvariantCulture), options.LeaseDuration);
    }

    [Fact]
    public void Bound_Unset_KeepsThePeriods()
    {
        var options = Resolve(new() { ["Alerts:OpenPollPeriod"] = "00:20:00" });

        Assert.Null(options.NoticeWithin);
        Assert.Equal(TimeSpan.FromMinutes(20), options.OpenPollPeriod);
        Assert.Equal(TimeSpan.FromMinutes(1), options.WatchInterval);
    }

    [Fact]
    public void Bound_TooShort_FailsNamingTheKey()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Alerts:NoticeWithin"] = "00:00:01" }));

        Assert.Contains("Alerts:NoticeWithin", failure.Message, StringComparison.Ordinal);
    }

    private static AlertsOptions Resolve(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHoldAlerts();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<AlertsOptions>>().Value;
    }
}
