namespace OrderBot.Protocol.Schema;

/// <summary>
/// Caps text from an inbound activity before it is echoed back (an invoke's name in "Invoke 'x' is not supported"):
/// a caller must not be able to make a response as large as its request. Longer text keeps its first
/// <see cref="MaxLength"/> characters and ends with an ellipsis, without splitting a surrogate pair.
/// </summary>
public static class EchoText
{
    /// <summary>The most characters of caller-supplied text any response repeats (plus the ellipsis).</summary>
    public const int MaxLength = 100;

    public static string Cap(string? text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(text) || text.Length <= maxLength)
        {
            return text ?? string.Empty;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
