using Microsoft.Extensions.Options;

namespace OrderBot.Features.Conversation;

/// <summary>Settings of the conversation (section <c>Conversation</c>).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>How long an unanswered question (e.g. "which country?") waits before a new message starts afresh.</summary>
    public TimeSpan DialogExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Schneider country used when neither the question, the user nor the channel names one. Defaults to
    /// <c>Suppliers:Schneider:DefaultCountry</c>; when both are empty the bot asks.
    /// </summary>
    public string? DefaultSchneiderCountry { get; set; }

    /// <summary>
    /// How long one question may wait for suppliers (default 10 s, below Teams' 15 s). What has arrived then is
    /// answered; each supplier still working is named as "did not answer in time", with a Retry button.
    /// </summary>
    public TimeSpan TurnDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How much longer, after the turn's deadline, a supplier that did not answer in time keeps being waited for
    /// (default 45 s; 00:00:00 turns it off). When it answers, the posted card is updated in place with the complete
    /// answer; when it does not, the card stays as sent ("did not answer in time", with Retry).
    /// </summary>
    public TimeSpan LateAnswerWindow { get; set; } = TimeSpan.FromSeconds(45);
}

/// <summary>Checks <see cref="ConversationOptions"/> at start-up; messages name the key.</summary>
public sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DialogExpiry <= TimeSpan.Zero || options.DialogExpiry > TimeSpan.FromDays(7))
        {
            failures.Add($"{ConversationOptions.SectionName}:DialogExpiry must be between 00:00:01 and 7.00:00:00.");
        }

        if (options.TurnDeadline < TimeSpan.FromMilliseconds(100) || options.TurnDeadline > TimeSpan.FromSeconds(14))
        {
            failures.Add($"{ConversationOptions.SectionName}:TurnDeadline must be between 00:00:00.1 and 00:00:14 (Teams gives a turn 15 s); it is {options.TurnDeadline}.");
        }

        if (options.LateAnswerWindow < TimeSpan.Zero || options.LateAnswerWindow > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{ConversationOptions.SectionName}:LateAnswerWindow must be between 00:00:00 (off) and 00:05:00; it is {options.LateAnswerWindow}.");
        }

        if (options.DefaultSchneiderCountry is { Length: > 0 } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            failures.Add($"{ConversationOptions.SectionName}:DefaultSchneiderCountry must be a 2-letter ISO country code.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
