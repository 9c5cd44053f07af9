using System.Text.RegularExpressions;

namespace OrderBot.Features.Conversation;

/// <summary>Words that work anywhere, even in the middle of a question.</summary>
public enum GlobalWord
{
    None,
    Cancel,
    StartOver,
    Help,
}

/// <summary>
/// Matches the whole message only ("cancel", "start over!", "menu"): "cancel my alert for PO 1" is a request, not
/// the global word.
/// </summary>
public static partial class GlobalWords
{
    public static GlobalWord Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return GlobalWord.None;
        }

        if (CancelWord().IsMatch(text))
        {
            return GlobalWord.Cancel;
        }

        if (StartOverWord().IsMatch(text))
        {
            return GlobalWord.StartOver;
        }

        return HelpWord().IsMatch(text) ? GlobalWord.Help : GlobalWord.None;
    }

    [GeneratedRegex(@"^\W*(cancel|stop|never\s*mind|nevermind|forget\s+it|quit)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelWord();

    [GeneratedRegex(@"^\W*(start\s+(over|again)|restart|reset)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartOverWord();

    [GeneratedRegex(@"^\W*(help|menu|\?+|what\s+can\s+you\s+do)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HelpWord();
}
