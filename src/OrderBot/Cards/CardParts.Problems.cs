using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Cards;

/// <summary>What a card says about a supplier that did not answer.</summary>
internal static partial class CardParts
{
    public static TextBlock ProblemLine(SupplierProblem problem, CardContext context) =>
        new(ProblemSentence(problem, context)) { Color = TextColor.Warning, Spacing = Spacing.Small };

    /// <summary>
    /// One sentence per kind of failure, so the reader knows what happened and what to do: no answer in time,
    /// "asks us to wait until 10:42", unavailable until T, credentials rejected (an admin must act), unreadable.
    /// </summary>
    public static string ProblemSentence(SupplierProblem problem, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var name = SupplierNames.Display(problem.Supplier);
        var at = problem.AvailableAt is { } when && when > context.Now ? context.Time(when) : null;
        return problem.Kind switch
        {
            SupplierProblemKind.Timeout => $"{name} did not answer in time.",
            SupplierProblemKind.RateLimited => at is null
                ? $"{name} is limiting requests just now; ask again in a minute."
                : $"{name} asks us to wait until {at} your time.",
            SupplierProblemKind.AuthenticationFailed =>
                $"{name} rejected OrderBot's credentials. An administrator must fix OrderBot's {name} settings; asking again will not help.",
            SupplierProblemKind.MalformedResponse => $"{name} sent an unreadable answer.",
            SupplierProblemKind.BudgetUsed => at is null
                ? $"I've used this minute's {name} allowance (its limit, kept by OrderBot); ask again in a minute."
                : problem.AnswerFollows
                    ? $"I've used this minute's {name} allowance (its limit, kept by OrderBot); I'll add {name} here at {at} your time."
                    : $"I've used this minute's {name} allowance (its limit, kept by OrderBot); ask again after {at} your time.",
            _ => at is null ? E(problem.Message) : $"{E(problem.Message)} Try again after {at} your time.",
        };
    }

    /// <summary>
    /// What happened to a supplier missing from an answer, said after its name in a headline ("Ingram Micro did not
    /// answer in time"): each outcome its own words, so a supplier that was asked is never said to be "not asked", and
    /// our own budget is never put on the supplier.
    /// </summary>
    public static string MissingPhrase(SupplierProblem problem, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var at = problem.AvailableAt is { } when && when > context.Now ? context.Time(when) : null;
        return problem.Kind switch
        {
            SupplierProblemKind.Timeout => "did not answer in time",
            SupplierProblemKind.MalformedResponse => "sent an answer I could not read",
            SupplierProblemKind.AuthenticationFailed => "refused our credentials",
            SupplierProblemKind.Forbidden => "refused us access",
            SupplierProblemKind.OutsideAvailabilityWindow => at is null ? "could not be asked (outside its hours)" : $"could not be asked (outside its hours, until {at})",
            SupplierProblemKind.CircuitOpen => at is null ? "could not be asked (paused after repeated failures)" : $"could not be asked (paused after repeated failures, until {at})",
            SupplierProblemKind.NotConfigured => "could not be asked (not set up for this)",
            SupplierProblemKind.RateLimited => at is null ? "is rate-limiting us just now" : $"is rate-limiting us until {at}",
            SupplierProblemKind.BudgetUsed => at is null ? "was not asked: this minute's allowance is used" : $"was not asked: this minute's allowance is used until {at}",
            SupplierProblemKind.ServerError => "had an error on its side",
            SupplierProblemKind.NetworkError => "could not be reached",
            SupplierProblemKind.InvalidRequest => "refused the request",
            _ => "could not answer",
        };
    }

    /// <summary>
    /// The missing suppliers with what happened to each, for a headline: "Ingram Micro did not answer in time" or
    /// "Schneider Electric sent an answer I could not read and Ingram Micro did not answer in time".
    /// </summary>
    public static string Missing(IEnumerable<SupplierProblem> problems, CardContext context) =>
        string.Join(" and ", problems
            .GroupBy(p => MissingPhrase(p, context))
            .Select(g => $"{Names(g.Select(p => p.Supplier))} {g.Key}"));

    /// <summary>The suppliers named in the problems, e.g. "Ingram Micro" or "Schneider Electric and Ingram Micro".</summary>
    public static string Names(IEnumerable<SupplierId> suppliers) =>
        string.Join(" and ", suppliers.Distinct().Select(SupplierNames.Display));

    /// <summary>True when asking again cannot help until someone changes a setting (credentials, access, config).</summary>
    public static bool NeedsAdmin(SupplierProblem problem) =>
        problem.Kind is SupplierProblemKind.AuthenticationFailed or SupplierProblemKind.Forbidden or SupplierProblemKind.NotConfigured;
}
