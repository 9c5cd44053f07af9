using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts;

namespace OrderBot.Tests.Features.Alerts;

public sealed class AlertsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new AlertsOptionsValidator().Validate(null, new AlertsOptions()).Succeeded);

    [Fact]
    public void Validate_BadValues_NamesEveryKey()
    {
        var result = new AlertsOptionsValidator().Validate(null, new AlertsOptions
        {
            WatchInterval = TimeSpan.Zero,
            PerConversationPerSecond = 8,
            MaxAttempts = 0,
            RetryBackoff = TimeSpan.FromMinutes(5),
            MaxRetryBackoff = TimeSpan.FromMinutes(1),
        });

        Assert.True(result.Failed);
        Assert.Contains("Alerts:WatchInterval", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Alerts:PerConversationPerSecond", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Alerts:MaxAttempts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Alerts:MaxRetryBackoff", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHoldAlerts_BoundFromConfiguration_InvalidValueFailsOnResolve()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:WatchInterval"] = "00:00:30",
            ["Alerts:LookbackDays"] = "0",
        });
        builder.AddHoldAlerts();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AlertsOptions>>().Value);
        Assert.Contains("Alerts:LookbackDays", error.Message, StringComparison.Ordinal);
    }
}

public sealed class AlertsLeaseValidationTests
{
    [Fact]
    public void Validate_LeaseLongerThanPollPeriod_FailsNamingBothKeys()
    {
        var result = new AlertsOptionsValidator().Validate(null, new AlertsOptions
        {
            HeldPollPeriod = TimeSpan.FromSeconds(2),
            OpenPollPeriod = TimeSpan.FromSeconds(2),
            LeaseDuration = TimeSpan.FromMinutes(2),
        });

        Assert.True(result.Failed);
        Assert.Contains("Alerts:LeaseDuration", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Alerts:HeldPollPeriod", result.FailureMessage, StringComparison.Ordinal);
    }
}
