using Microsoft.Extensions.Options;

namespace OrderBot.Protocol.Auth;

/// <summary>Start-up validation of <see cref="BotAuthOptions"/>; every message names the key and the fix.</summary>
internal sealed class BotAuthOptionsValidator : IValidateOptions<BotAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthOptions options)
    {
        var failures = new List<string>();
        var type = options.MicrosoftAppType;
        var known = type is BotAuthOptions.MultiTenant or BotAuthOptions.SingleTenant or BotAuthOptions.UserAssignedMsi
            || string.Equals(type, BotAuthOptions.MultiTenant, StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, BotAuthOptions.SingleTenant, StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, BotAuthOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase);
        if (!known)
        {
            failures.Add($"MicrosoftAppType '{type}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (!options.IsAuthenticationDisabled)
        {
            var isMsi = string.Equals(type, BotAuthOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase);
            var isSingle = string.Equals(type, BotAuthOptions.SingleTenant, StringComparison.OrdinalIgnoreCase);
            if (!isMsi && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppId is set (or set MicrosoftAppType to UserAssignedMSI).");
            }

            if ((isMsi || isSingle) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {type}.");
            }

            AddUrlFailure(failures, nameof(options.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl);
            AddUrlFailure(failures, nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), options.ToBotFromEmulatorOpenIdMetadataUrl);
            if (!string.IsNullOrWhiteSpace(options.ToChannelFromBotLoginUrl))
            {
                AddUrlFailure(failures, nameof(options.ToChannelFromBotLoginUrl), options.ToChannelFromBotLoginUrl);
            }

            if (string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer))
            {
                failures.Add("ToBotFromChannelTokenIssuer must not be empty (default https://api.botframework.com).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddUrlFailure(List<string> failures, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            failures.Add($"{key} must be an absolute URL, got '{value}'.");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            failures.Add($"{key} must use https (plain http is accepted for loopback test servers only).");
        }
    }
}

/// <summary>Start-up validation of <see cref="BotOptions"/>.</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("Bot:MaxRequestBytes must be between 1024 and 16777216.");
        }

        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add("Bot:DeduplicationWindow must be positive, e.g. 00:05:00.");
        }

        foreach (var url in options.TrustedServiceUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                failures.Add($"Bot:TrustedServiceUrls entry '{url}' is not an absolute URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
