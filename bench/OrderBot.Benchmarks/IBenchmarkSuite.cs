namespace OrderBot.Benchmarks;

/// <summary>
/// A benchmark that prints its own figures. Suites are found by reflection: add a class, nothing else.
/// BenchmarkDotNet is used inside a suite where a micro-benchmark fits; end-to-end suites measure over loopback.
/// </summary>
public interface IBenchmarkSuite
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(string[] args);
}
