using System.Reflection;
using OrderBot.Benchmarks;

// Usage: dotnet run -c Release --project bench/OrderBot.Benchmarks -- <suite|all|list> [suite args]
var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmarkSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

var name = args.FirstOrDefault() ?? "list";
if (name == "list")
{
    foreach (var suite in suites)
    {
        Console.WriteLine($"{suite.Name,-20} {suite.Description}");
    }

    return 0;
}

var selected = name == "all" ? suites : suites.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"No benchmark suite named '{name}'. Try 'list'.");
    return 2;
}

foreach (var suite in selected)
{
    Console.WriteLine($"== {suite.Name}: {suite.Description}");
    await suite.RunAsync(args.Skip(1).ToArray());
}

return 0;
