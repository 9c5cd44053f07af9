using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Sandbox.Schneider;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Suppliers.Tests.Schneider;

/// <summary>A Schneider sandbox on loopback plus the app's real registration pointed at it, sharing one FakeTimeProvider.</summary>
internal sealed class SchneiderTestHost : IAsyncDisposable
{
    private SchneiderTestHost(SchneiderSandboxServer sandbox, IHost host, FakeTimeProvider time)
    {
        Sandbox = sandbox;
        Host = host;
        Time = time;
    }

    public SchneiderSandboxServer Sandbox { get; }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public IOrderSupplier Supplier => Host.Services.GetRequiredService<IOrderSupplier>();

    internal SchneiderClient Client => Host.Services.GetRequiredService<SchneiderClient>();

    public static async Task<SchneiderTestHost> StartAsync(
        Action<SchneiderSandboxOptions>? sandbox = null,
        Action<Dictionary<string, string?>>? settings = null,
        bool oauth = false,
        bool localCodes = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

        // localCodes: the sandbox speaks a local status list (OnHold, FullyShipped, Cancelled, …) and OrderBot is
        // configured with it for FR, as with a list from the local Schneider contact. Otherwise: the spec's codes only.
        var sandboxOptions = new SchneiderSandboxOptions { OrderCount = 200, LocalStatusCodes = localCodes };
        sandbox?.Invoke(sandboxOptions);
        var server = await SchneiderSandboxServer.StartAsync(sandboxOptions, time);

        const string P = SchneiderOptions.SectionName + ":";
        var config = new Dictionary<string, string?>
        {
            [P + "BaseUrl"] = server.BaseUrl.ToString(),
            [P + "Auth"] = oauth ? "OAuth" : "ApiKey",
            [P + "ApiKey"] = sandboxOptions.ApiKey,
            [P + "TokenUrl"] = server.TokenUrl.ToString(),
            [P + "ClientId"] = sandboxOptions.ClientId,
            [P + "ClientSecret"] = sandboxOptions.ClientSecret,
            [P + "DefaultCountry"] = "FR",
            [P + "PurchaserId"] = "1100001111",
            // No waiting between retries: the retry policy is exercised, the clock is not.
            [P + "RetryBaseDelay"] = "00:00:00",
        };
        if (localCodes)
        {
            foreach (var (key, value) in SchneiderSandboxServer.LocalStatusSettings("FR"))
            {
                config[key] = value;
            }
        }

        settings?.Invoke(config);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddSchneiderSupplier();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            await server.DisposeAsync();
            throw;
        }

        return new SchneiderTestHost(server, host, time);
    }

    /// <summary>
    /// Completes <paramref name="task"/> against a sandbox with latency on the fake clock: each time a request
    /// arrives, the clock moves by <paramref name="step"/> so that request (and any other waiting) is answered.
    /// </summary>
    public async Task<T> PumpAsync<T>(Task<T> task, TimeSpan step)
    {
        using var stop = new CancellationTokenSource();
        while (!task.IsCompleted)
        {
            var arrival = Sandbox.Stats.WaitForRequestAsync(stop.Token);
            var first = await Task.WhenAny(task, arrival).WaitAsync(TimeSpan.FromSeconds(30));
            if (first == arrival)
            {
                Time.Advance(step);
            }
        }

        await stop.CancelAsync();
        return await task;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Sandbox.DisposeAsync();
    }
}
