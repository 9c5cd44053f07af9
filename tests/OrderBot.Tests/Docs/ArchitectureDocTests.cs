using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace OrderBot.Tests.Docs;

/// <summary>
/// Keeps docs/architecture.md true to the code. Convention: a backticked bare identifier in PascalCase
/// (<c>`TurnPipeline`</c>) names a type, and <c>`Type.Member`</c> a member of one (method, property, field, constant or
/// nested type); each must exist in the built assemblies. A backticked namespace or assembly name
/// (<c>`OrderBot.Protocol`</c>) must exist too; framework types count when an assembly of ours references theirs. Paths (<c>`Features/Orders`</c>), calls with arguments and
/// configuration keys are prose, not checked.
/// </summary>
public sealed partial class ArchitectureDocTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Program).Assembly,
        typeof(OrderBot.Protocol.Routing.TurnPipeline).Assembly,
        typeof(OrderBot.Suppliers.OrderLookup).Assembly,
        typeof(OrderBot.AdaptiveCards.AdaptiveCard).Assembly,
        typeof(OrderBot.Sandbox.Ingram.IngramSandboxData).Assembly,
    ];

    [Fact]
    public void ArchitectureDoc_EveryBacktickedTypeName_ExistsInTheBuiltAssemblies()
    {
        var names = Names(File.ReadAllText(DocPath()));
        var types = Universe();
        var namespaces = types.Select(t => t.Namespace).OfType<string>().SelectMany(Prefixes).ToHashSet(StringComparer.Ordinal);
        var assemblies = Assemblies.Select(a => a.GetName().Name).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var missing = names.Where(name => !Exists(name, types, namespaces, assemblies)).ToList();

        Assert.True(names.Count > 20, $"only {names.Count} names found: is the convention still used?");
        Assert.True(missing.Count == 0, "docs/architecture.md names what the code does not have: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("`TurnPipeline` and `Reply.ToAttachment`, `OrderBot.Protocol`", "TurnPipeline,Reply.ToAttachment,OrderBot.Protocol")]
    [InlineData("`Features/Orders`, `AddOrders()`, `Program.cs`, `order.status`, `Bot:AllowedTenants`, `/readyz`", "")]
    public void Names_Backticks_OnlyIdentifiersAreNames(string markdown, string expected)
    {
        Assert.Equal(expected, string.Join(",", Names(markdown)));
    }

    [Fact]
    public void Exists_NameTheCodeDoesNotHave_IsMissing()
    {
        var types = Universe();

        Assert.True(Exists("TurnPipeline", types, [], []));
        Assert.True(Exists("ProactiveMessenger.StartChannelThreadAsync", types, [], []));
        Assert.False(Exists("ErrorCard", types, [], []));
        Assert.False(Exists("ProactiveMessenger.SendToUserAsync", types, [], []));
    }

    internal static IReadOnlyList<string> Names(string markdown) =>
        [.. Backticked().Matches(markdown).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    private static bool Exists(string name, IReadOnlyList<Type> types, HashSet<string> namespaces, HashSet<string> assemblies)
    {
        if (namespaces.Contains(name) || assemblies.Contains(name))
        {
            return true;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var typeName = dot < 0 ? name : name[..dot];
        var member = dot < 0 ? null : name[(dot + 1)..];
        return types.Any(t => SimpleName(t) == typeName
            && (member is null || t.GetMember(member, MemberTypes.All, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance).Length > 0));
    }

    /// <summary>Our assemblies, then the ones they reference (a framework type such as `IMeterFactory` may be named too).</summary>
    private static List<Type> Universe()
    {
        var referenced = Assemblies.SelectMany(a => a.GetReferencedAssemblies()).Select(TryLoad).OfType<Assembly>();
        return [.. Assemblies.Concat(referenced).Distinct().SelectMany(LoadableTypes)];
    }

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static string SimpleName(Type type) => type.Name.Split('`')[0];

    private static IEnumerable<string> Prefixes(string ns)
    {
        var parts = ns.Split('.');
        for (var i = 1; i <= parts.Length; i++)
        {
            yield return string.Join('.', parts.Take(i));
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }

    private static string DocPath([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile) ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "architecture.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // A CI build with a PathMap hides the source path: look above the test binaries instead.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "architecture.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"docs/architecture.md not found above {thisFile} or {AppContext.BaseDirectory}");
    }

    /// <summary>`Name` or `Name.Member` (PascalCase, no path, no call), or a dotted namespace of such parts.</summary>
    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*)`")]
    private static partial Regex Backticked();
}
