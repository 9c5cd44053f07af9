using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Suppliers.Tests.Schneider;

public sealed class SchneiderOptionsValidatorTests
{
    private static readonly SchneiderOptionsValidator Validator = new();

    [Fact]
    public void Validate_ApiKeyDefaults_Succeeds()
    {
        var options = new SchneiderOptions { BaseUrl = new Uri("https://api.se.com/v1/supply-chain/partner-order-status"), ApiKey = "k" };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, "Suppliers:Schneider:BaseUrl")]
    [InlineData("ftp://api.se.com/x", "Suppliers:Schneider:BaseUrl")]
    public void Validate_BadBaseUrl_NamesTheKey(string? url, string key)
    {
        var options = new SchneiderOptions { BaseUrl = url is null ? null : new Uri(url), ApiKey = "k" };

        Assert.Contains(Validator.Validate(null, options).Failures!, f => f.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OAuthWithoutSecrets_NamesEachKey()
    {
        var options = new SchneiderOptions { BaseUrl = new Uri("https://x/"), Auth = SchneiderAuthMode.OAuth };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("Suppliers:Schneider:TokenUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Suppliers:Schneider:ClientSecret", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("ApiKey is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PageSize", 0)]
    [InlineData("PageSize", 201)]
    [InlineData("MaxConcurrentPages", 0)]
    public void Validate_OutOfRange_NamesTheKey(string key, int value)
    {
        var options = new SchneiderOptions { BaseUrl = new Uri("https://x/"), ApiKey = "k" };
        typeof(SchneiderOptions).GetProperty(key)!.SetValue(options, value);

        Assert.Contains(Validator.Validate(null, options).Failures!, f => f.Contains($"Suppliers:Schneider:{key}", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadDefaultCountry_NamesTheKey()
    {
        var options = new SchneiderOptions { BaseUrl = new Uri("https://x/"), ApiKey = "k", DefaultCountry = "France" };

        Assert.Contains(Validator.Validate(null, options).Failures!, f => f.Contains("Suppliers:Schneider:DefaultCountry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSchneiderSupplier_InvalidOptions_FailsAtStartNamingTheKey()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:ApiKey"] = ""));

        Assert.Contains("Suppliers:Schneider:ApiKey", exception.Message, StringComparison.Ordinal);
    }
}
