using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrderBot.TestKit.Protocol;

/// <summary>
/// A local stand-in for login.botframework.com and login.microsoftonline.com on 127.0.0.1:0: OpenID metadata,
/// a JWKS whose keys carry Bot Framework <c>endorsements</c>, and a client-credentials token endpoint that
/// records what it was asked. Tokens are minted with the test's own RSA keys through JsonWebTokenHandler.
/// </summary>
public sealed class LocalIdentityServer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly List<TestSigningKey> _published = [];
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private int _metadataRequests;
    private int _issued;

    private LocalIdentityServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Value for <c>ToBotFromChannelOpenIdMetadataUrl</c>.</summary>
    public string OpenIdMetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").AbsoluteUri;

    /// <summary>Value for <c>ToChannelFromBotLoginUrl</c> (the token endpoint is <c>{this}/oauth2/v2.0/token</c>).</summary>
    public string LoginUrl => new Uri(BaseAddress, "botframework.com").AbsoluteUri;

    /// <summary>Key published in the JWKS with endorsements <c>msteams</c> and <c>emulator</c>.</summary>
    public TestSigningKey DefaultKey { get; private set; } = null!;

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>Form fields of every token request, in order.</summary>
    public IReadOnlyCollection<IReadOnlyDictionary<string, string>> TokenRequests => _tokenRequests;

    /// <summary>Lifetime (seconds) announced for issued outbound tokens.</summary>
    public int IssuedTokenLifetimeSeconds { get; set; } = 3600;

    public static async Task<LocalIdentityServer> StartAsync()
    {
        LocalIdentityServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(a =>
        {
            a.MapGet("/v1/.well-known/openidconfiguration", (HttpContext c) => server!.Metadata(c));
            a.MapGet("/v1/.well-known/keys", () => Results.Text(server!.Jwks(), "application/json"));
            a.MapPost("/{tenant}/oauth2/v2.0/token", (HttpContext c) => server!.TokenAsync(c));
        });
        server = new LocalIdentityServer(app, address);
        server.DefaultKey = server.AddKey(["msteams", "emulator"]);
        return server;
    }

    /// <summary>Creates a key; published in the JWKS unless <paramref name="publish"/> is false (unknown kid).</summary>
    public TestSigningKey AddKey(IReadOnlyList<string>? endorsements, bool publish = true)
    {
        var key = new TestSigningKey(RSA.Create(2048), "kid-" + Guid.NewGuid().ToString("N")[..8], endorsements);
        if (publish)
        {
            lock (_published)
            {
                _published.Add(key);
            }
        }

        return key;
    }

    /// <summary>A token as the Bot Connector would send it for <paramref name="serviceUrl"/>.</summary>
    public string MintChannelToken(string appId, string? serviceUrl, TestSigningKey? key = null, Action<SecurityTokenDescriptor>? customize = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = appId,
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = (key ?? DefaultKey).Credentials(SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>(),
        };
        if (serviceUrl is not null)
        {
            descriptor.Claims["serviceurl"] = serviceUrl;
        }

        customize?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_published)
        {
            foreach (var key in _published)
            {
                key.Dispose();
            }
        }
    }

    private IResult Metadata(HttpContext context)
    {
        Interlocked.Increment(ref _metadataRequests);
        var jwks = new Uri(BaseAddress, "v1/.well-known/keys").AbsoluteUri;
        var body = new JsonObject
        {
            ["issuer"] = ChannelIssuer,
            ["authorization_endpoint"] = new Uri(BaseAddress, "v1/botconnector").AbsoluteUri,
            ["jwks_uri"] = jwks,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private string Jwks()
    {
        var keys = new JsonArray();
        lock (_published)
        {
            foreach (var key in _published)
            {
                keys.Add(key.ToJwk());
            }
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        fields["path"] = context.Request.Path.Value ?? string.Empty;
        _tokenRequests.Enqueue(fields);
        var n = Interlocked.Increment(ref _issued);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = IssuedTokenLifetimeSeconds,
            ["access_token"] = $"outbound-token-{n}",
        }));
    }
}

/// <summary>An RSA key the test minted, with its kid and Bot Framework endorsements.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    internal TestSigningKey(RSA rsa, string kid, IReadOnlyList<string>? endorsements)
    {
        _rsa = rsa;
        Kid = kid;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public IReadOnlyList<string>? Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials(string algorithm) => new(SecurityKey, algorithm);

    public void Dispose() => _rsa.Dispose();

    internal JsonObject ToJwk()
    {
        var p = _rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        }

        return jwk;
    }
}
