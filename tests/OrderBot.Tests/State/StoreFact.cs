using Xunit.Abstractions;
using Xunit.Sdk;

namespace OrderBot.Tests.State;

/// <summary>
/// A fact of the store contract. On a class marked <see cref="RequiresPostgresAttribute"/> it shows as skipped when
/// <c>ORDERBOT_TEST_POSTGRES</c> is unset locally, and runs (and fails) when it is unset in CI.
/// </summary>
[XunitTestCaseDiscoverer("OrderBot.Tests.State.StoreFactDiscoverer", "OrderBot.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a contract test class that needs the PostgreSQL server named by <c>ORDERBOT_TEST_POSTGRES</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresPostgresAttribute : Attribute;

public sealed class StoreFactDiscoverer : FactDiscoverer
{
    private readonly IMessageSink _sink;

    public StoreFactDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
        _sink = diagnosticMessageSink;
    }

    protected override IXunitTestCase CreateTestCase(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo factAttribute)
        => new StoreTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var needsPostgres = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        return needsPostgres && PostgresTestEnvironment.SkipReason is { } reason ? reason : base.GetSkipReason(factAttribute);
    }
}

/// <summary>Reads the test PostgreSQL settings from the environment.</summary>
public static class PostgresTestEnvironment
{
    public const string Variable = "ORDERBOT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skip locally without a server; never skip in CI, where a missing server must fail the run.</summary>
    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"{Variable} is not set (PostgreSQL contract tests run in CI; set it to run them locally)."
        : null;
}
