namespace OrderBot.Cli;

/// <summary>What one answer printed in <c>orderbot chat</c>, and the buttons its numbers click.</summary>
internal sealed record Screen(string Text, IReadOnlyList<(CardButton Button, RenderedCard Card)> Buttons)
{
    /// <summary>Nothing was printed (an OpenUrl "click"): the previous answer's buttons stay.</summary>
    public static Screen Empty { get; } = new(string.Empty, []);
}

/// <summary>
/// The answers of a chat, newest last: the numbers on screen click the newest answer's buttons, and "back" returns
/// to the answer before it — as in Teams, where a drill-down posts a new card under the one it came from.
/// </summary>
internal sealed class ChatHistory
{
    private readonly List<Screen> _screens = [];

    public IReadOnlyList<(CardButton Button, RenderedCard Card)> Buttons => _screens.Count == 0 ? [] : _screens[^1].Buttons;

    public void Push(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        if (!ReferenceEquals(screen, Screen.Empty))
        {
            _screens.Add(screen);
        }
    }

    /// <summary>Drops the newest answer and returns the one before it (its buttons clickable again), or null.</summary>
    public Screen? Back()
    {
        if (_screens.Count < 2)
        {
            return null;
        }

        _screens.RemoveAt(_screens.Count - 1);
        return _screens[^1];
    }

    /// <summary>"next" → "Next", "previous"/"prev" → "Previous" (the pager's button titles), "back" → "back"; else null.</summary>
    public static string? Navigation(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Trim().TrimEnd('.', '!').ToLowerInvariant() switch
        {
            "next" or "next page" or "more" => "Next",
            "previous" or "prev" or "previous page" => "Previous",
            "back" or "go back" => "back",
            _ => null,
        };
    }
}
