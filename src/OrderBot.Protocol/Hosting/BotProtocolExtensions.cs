using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Telemetry;
using Polly;

namespace OrderBot.Protocol.Hosting;

/// <summary>Composition of the protocol layer: <c>builder.AddBotProtocol()</c> and <c>app.MapBotMessages("/api/messages")</c>.</summary>
public static class BotProtocolExtensions
{
    /// <summary>
    /// Registers options (root-level Bot Framework keys + section <c>Bot</c>, validated at start), inbound
    /// authentication, the Connector client with token handler and retries, the route table, the turn pipeline and
    /// <see cref="ProtocolMetrics"/> (spans and instruments are named <see cref="ProtocolTelemetry.Name"/>).
    /// The app must also register an <see cref="IConversationReferenceStore"/> and fill the routes with
    /// <see cref="AddBotRoutes"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBotProtocol(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ProtocolMetrics>();

        services.AddOptions<BotAuthOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddOptions<BotOptions>().Bind(builder.Configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();

        services.AddHttpClient(BotAuthenticator.MetadataClientName);
        services.AddHttpClient(BotTokenProvider.HttpClientName)
            .AddStandardResilienceHandler();
        services.TryAddSingleton<BotAuthenticator>();
        services.TryAddSingleton<ServiceUrlRegistry>();
        services.TryAddSingleton<IBotTokenProvider, BotTokenProvider>();
        services.TryAddTransient<ConnectorAuthHandler>();

        // Every turn's reply goes through this client, so its pipeline is kept lean: one pooled SocketsHttpHandler
        // (HTTP/1.1 keep-alive connections reused across turns; recycled every few minutes so a Connector's DNS
        // change is seen, which also makes the factory's handler rotation unnecessary), and none of the factory's
        // logging handlers, which format a logging scope with the request URI on every call even at Warning —
        // Connector calls are already one span and one measurement each (ConnectorClient.Telemetry).
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreateConnectorHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<ConnectorAuthHandler>()
            .AddResilienceHandler("connector", ConfigureConnectorResilience);

        services.TryAddSingleton<ActivityDeduplicator>();
        services.TryAddSingleton(sp =>
        {
            var router = new ActivityRouter();
            foreach (var configure in sp.GetServices<RouteRegistration>())
            {
                configure.Configure(router, sp);
            }

            return router;
        });
        services.TryAddSingleton<TurnPipeline>();
        services.TryAddSingleton<BotMessagesEndpoint>();
        services.TryAddTransient<ProactiveMessenger>();
        return builder;
    }

    /// <summary>Adds rows to the route table; called by each feature. Rows keep registration order.</summary>
    public static IServiceCollection AddBotRoutes(this IServiceCollection services, Action<ActivityRouter, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(new RouteRegistration(configure));
        return services;
    }

    /// <summary>Maps <c>POST {pattern}</c> to the bot endpoint and warns at start-up when authentication is off.</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var auth = endpoints.ServiceProvider.GetRequiredService<IOptions<BotAuthOptions>>().Value;
        if (auth.IsAuthenticationDisabled)
        {
            Log.AuthenticationDisabled(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("OrderBot.Protocol"));
        }

        var endpoint = endpoints.ServiceProvider.GetRequiredService<BotMessagesEndpoint>();
        return endpoints.MapPost(pattern, (HttpContext context) => endpoint.HandleAsync(context));
    }

    /// <summary>The Connector client's connection pool (see the registration above).</summary>
    internal static SocketsHttpHandler CreateConnectorHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    /// <summary>
    /// Retry 412/429/502/503/504 (and connection failures) with exponential backoff and jitter, honouring
    /// Retry-After; never 500 (ServiceError is not transient) nor other 4xx.
    /// </summary>
    internal static void ConfigureConnectorResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(30));
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode switch
        {
            HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
            null => outcome.Exception is HttpRequestException,
            _ => false,
        };
}

/// <summary>A deferred route-table configuration registered by <see cref="BotProtocolExtensions.AddBotRoutes"/>.</summary>
public sealed class RouteRegistration
{
    internal RouteRegistration(Action<ActivityRouter, IServiceProvider> configure)
    {
        Configure = configure;
    }

    internal Action<ActivityRouter, IServiceProvider> Configure { get; }
}
