using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// Redis shared by every instance (<c>ConnectionStrings:Redis</c>): the suppliers' rate windows
/// (<see cref="RedisRateWindow"/>) and HybridCache's second level, so N instances spend ONE supplier budget and reuse
/// one another's answers. Without it each instance keeps its own, as a single instance always did.
/// </summary>
public sealed class SupplierRedis : IDisposable
{
    /// <summary>The connection string's name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>Prefix of every key OrderBot writes in Redis, unless told otherwise.</summary>
    public const string DefaultKeyPrefix = "orderbot:";

    /// <summary>
    /// The setting that overrides <see cref="DefaultKeyPrefix"/>: deployments that share one Redis but must not share a
    /// budget or answers (staging beside production, a test run) each take their own.
    /// </summary>
    public const string KeyPrefixSetting = "Suppliers:Redis:KeyPrefix";

    private readonly Lazy<IConnectionMultiplexer> _connection;

    /// <param name="connectionString">StackExchange.Redis configuration, e.g. <c>redis:6379</c>.</param>
    /// <param name="keyPrefix">Prefix of every key written (instances that share a budget share the prefix).</param>
    public SupplierRedis(string connectionString, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPrefix);
        ConnectionString = connectionString;
        KeyPrefix = keyPrefix;
        // Not aborting on a failed connect: the multiplexer keeps trying, and callers fall back until Redis answers.
        _connection = new Lazy<IConnectionMultiplexer>(() =>
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
    }

    public string ConnectionString { get; }

    public string KeyPrefix { get; }

    internal IConnectionMultiplexer Connection => _connection.Value;

    /// <summary>A sliding window of <paramref name="limit"/> calls per <paramref name="window"/>, shared through Redis.</summary>
    internal IRateWindow Window(string name, int limit, TimeSpan window, TimeProvider timeProvider) =>
        new RedisRateWindow(() => Connection, KeyPrefix + "gate:" + name, limit, window, new SlidingLogLimiter(limit, window, timeProvider), timeProvider);

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}

/// <summary>Registers <see cref="SupplierRedis"/> and HybridCache's Redis second level when a connection string is set.</summary>
public static class SupplierRedisRegistration
{
    /// <summary>
    /// The same, from <c>ConnectionStrings:Redis</c> and <c>Suppliers:Redis:KeyPrefix</c> (each supplier and the lookup
    /// call it; the first one counts).
    /// </summary>
    public static IHostApplicationBuilder AddSupplierRedis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var prefix = builder.Configuration[SupplierRedis.KeyPrefixSetting] is { Length: > 0 } configured ? configured : SupplierRedis.DefaultKeyPrefix;
        builder.Services.AddSupplierRedis(builder.Configuration.GetConnectionString(SupplierRedis.ConnectionStringName), prefix);
        return builder;
    }

    /// <summary>
    /// With a non-empty <paramref name="connectionString"/>: the supplier gates' windows and HybridCache's L2 live in
    /// Redis. Empty or null: nothing is registered (one instance behaves as before).
    /// </summary>
    public static IServiceCollection AddSupplierRedis(this IServiceCollection services, string? connectionString, string keyPrefix = SupplierRedis.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (string.IsNullOrWhiteSpace(connectionString) || services.Any(d => d.ServiceType == typeof(SupplierRedis)))
        {
            return services;
        }

        var redis = new SupplierRedis(connectionString, keyPrefix);
        services.TryAddSingleton(redis);
        services.AddStackExchangeRedisCache(options =>
        {
            options.InstanceName = redis.KeyPrefix + "cache:";
            options.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Connection);
        });
        return services;
    }
}
