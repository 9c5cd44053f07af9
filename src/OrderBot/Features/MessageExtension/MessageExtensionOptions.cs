using Microsoft.Extensions.Options;

namespace OrderBot.Features.MessageExtension;

/// <summary>Settings of the Teams message extension (section <c>MessageExtension</c>).</summary>
public sealed class MessageExtensionOptions
{
    public const string SectionName = "MessageExtension";

    /// <summary>
    /// The host of order links (<c>https://{LinkHost}/orders/{supplier}/{order}</c>), the domain the manifest's
    /// <c>messageHandlers</c> register (<c>orderbot package --domain</c>). Unset: links of any host unfurl.
    /// </summary>
    public string? LinkHost { get; set; }

    /// <summary>
    /// How long a search or an unfurl may wait for suppliers (default 4 s: Teams drops a message extension answer
    /// after about 5 s). What has arrived then is answered; a supplier still working is named in the first result.
    /// </summary>
    public TimeSpan QueryDeadline { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Most results one search page returns (Teams asks for 25 at most).</summary>
    public int MaxResults { get; set; } = 10;
}

/// <summary>Checks <see cref="MessageExtensionOptions"/> at start-up; messages name the key.</summary>
public sealed class MessageExtensionOptionsValidator : IValidateOptions<MessageExtensionOptions>
{
    public ValidateOptionsResult Validate(string? name, MessageExtensionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.QueryDeadline < TimeSpan.FromMilliseconds(100) || options.QueryDeadline > TimeSpan.FromSeconds(4.5))
        {
            failures.Add($"{MessageExtensionOptions.SectionName}:QueryDeadline must be between 00:00:00.1 and 00:00:04.5 (Teams waits about 5 s for a message extension); it is {options.QueryDeadline}.");
        }

        if (options.MaxResults is < 1 or > 25)
        {
            failures.Add($"{MessageExtensionOptions.SectionName}:MaxResults must be between 1 and 25; it is {options.MaxResults}.");
        }

        if (options.LinkHost is { Length: > 0 } host && !IsHost(host))
        {
            failures.Add($"{MessageExtensionOptions.SectionName}:LinkHost must be a host name such as orderbot.example.com (no scheme or path); it is '{host}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A bare authority ("orderbot.example.com", "localhost:4100"): no scheme, path, query or user info.</summary>
    private static bool IsHost(string host) =>
        !host.Contains('/', StringComparison.Ordinal) && !host.Contains('@', StringComparison.Ordinal)
        && Uri.TryCreate("https://" + host, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase) && uri.PathAndQuery == "/";
}
