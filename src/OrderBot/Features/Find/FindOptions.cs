using Microsoft.Extensions.Options;

namespace OrderBot.Features.Find;

/// <summary>Settings of "find an order by anything on it" (section <c>Find</c>).</summary>
public sealed class FindOptions
{
    public const string SectionName = "Find";

    /// <summary>
    /// How far back the orders the bot has read are searched, in days (default 90). Orders last read earlier are
    /// forgotten after twice as long.
    /// </summary>
    public int Days { get; set; } = 90;
}

/// <summary>Checks <see cref="FindOptions"/> at start-up; messages name the key.</summary>
public sealed class FindOptionsValidator : IValidateOptions<FindOptions>
{
    public ValidateOptionsResult Validate(string? name, FindOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Days is < 1 or > 1825
            ? ValidateOptionsResult.Fail($"{FindOptions.SectionName}:Days must be between 1 and 1825 (how many days of orders read are searched); it is {options.Days}.")
            : ValidateOptionsResult.Success;
    }
}
