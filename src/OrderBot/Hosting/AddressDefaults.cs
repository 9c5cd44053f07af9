namespace OrderBot.Hosting;

public static class AddressDefaults
{
    /// <summary>
    /// Listens on Bot Framework's usual port unless addresses were given the usual ASP.NET Core way
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, Kestrel endpoints).
    /// Not put in appsettings.json, where it would override ASPNETCORE_URLS.
    /// </summary>
    public static WebApplicationBuilder UseDefaultAddressWhenUnset(this WebApplicationBuilder builder, string address)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(address);
        }

        return builder;
    }
}
