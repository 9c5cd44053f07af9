namespace OrderBot.Suppliers.Tests.Schneider;

/// <summary>The spec's sample payloads, verbatim, assembled into whole responses (see TestData/Schneider/README.md).</summary>
internal static class SpecSamples
{
    public static string Fragment(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Schneider", name));

    public static string Search() => "{" + Fragment("spec-search.fragment.txt") + "}";

    public static string Details()
    {
        var joined = Fragment("spec-details-1.fragment.txt") + Fragment("spec-details-2.fragment.txt") + Fragment("spec-details-3.fragment.txt");
        var closeFirstWrapper = Replace(joined, "]\n},\n{\n  \"item\"", "]\n}\n},\n{\n  \"item\"");
        return Replace(closeFirstWrapper, "},\n]\n", "}\n},\n]\n}\n", last: true);
    }

    public static string ShipmentSchedules() => Fragment("spec-shipment-schedules.fragment.txt");

    // Fails loudly if a fragment changed: the documented edit must apply exactly once where expected.
    private static string Replace(string text, string find, string with, bool last = false)
    {
        var index = last ? text.LastIndexOf(find, StringComparison.Ordinal) : text.IndexOf(find, StringComparison.Ordinal);
        if (index < 0 || (last && !text.EndsWith(find, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Spec fragment no longer contains the expected text: {find}");
        }

        return string.Concat(text.AsSpan(0, index), with, text.AsSpan(index + find.Length));
    }
}
