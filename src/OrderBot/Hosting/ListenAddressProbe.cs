using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace OrderBot.Hosting;

/// <summary>
/// Checks, before any hosted service starts, that the addresses the web server will listen on are free, so a taken
/// port stops start-up before the database is created or migrated (hosted services start before the server binds).
/// The addresses are those of <c>--urls</c>/<c>ASPNETCORE_URLS</c>, <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> and
/// <c>Kestrel:Endpoints:*:Url</c>; port 0 needs no check. A port taken between this check and the server's own bind
/// (the time the store takes to open) still fails start-up, with the same one-line message, after the store opened.
/// </summary>
internal sealed class ListenAddressProbe : IHostedLifecycleService
{
    private readonly IConfiguration _configuration;

    public ListenAddressProbe(IConfiguration configuration) => _configuration = configuration;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (var url in Addresses(_configuration))
        {
            foreach (var endpoint in EndPoints(url))
            {
                if (IsTaken(endpoint))
                {
                    // Worded as Kestrel words it; StartupErrors turns it into one line with the fix.
                    throw new IOException(
                        $"Failed to bind to address {url}: address already in use.",
                        new AddressInUseException($"{endpoint} is already in use."));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Every address the server is configured to listen on, as URLs.</summary>
    internal static IEnumerable<string> Addresses(IConfiguration configuration)
    {
        foreach (var url in Split(configuration["urls"]))
        {
            yield return url;
        }

        foreach (var port in Split(configuration["http_ports"]))
        {
            yield return $"http://*:{port}";
        }

        foreach (var port in Split(configuration["https_ports"]))
        {
            yield return $"https://*:{port}";
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    /// <summary>The socket addresses one URL binds: its IP, both loopbacks for localhost, the wildcard for * or a name.</summary>
    internal static IEnumerable<IPEndPoint> EndPoints(string url)
    {
        // "http://*:3978" and "http://+:3978" are not valid URIs for Uri; read host and port by hand.
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) is var s and >= 0 ? s + 3 : 0)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.EndsWith(']')
            || !int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is <= 0 or > IPEndPoint.MaxPort)
        {
            // No explicit port (scheme default) or port 0 (any free one): nothing to check.
            yield break;
        }

        var host = authority[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip))
        {
            yield return new IPEndPoint(ip, port);
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            yield return new IPEndPoint(IPAddress.Loopback, port);
        }
        else
        {
            // "*", "+" or a host name: Kestrel listens on every address.
            yield return new IPEndPoint(IPAddress.Any, port);
        }
    }

    /// <summary>True when binding <paramref name="endpoint"/> fails because something already listens there.</summary>
    internal static bool IsTaken(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (!OperatingSystem.IsWindows())
        {
            // As Kestrel does on Unix: a port in TIME_WAIT is free; only a listening socket makes the bind fail.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        try
        {
            socket.Bind(endpoint);
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Address not available here (no IPv6, a foreign IP): the server's own bind reports it.
            return false;
        }
    }

    private static string[] Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
