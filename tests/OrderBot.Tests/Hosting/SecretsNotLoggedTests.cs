using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderBot.Hosting;
using OrderBot.TestKit.Protocol;
using OrderBot.TestKit.Telemetry;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// The composed app with authentication ON, every log level and category at Trace, and every OrderBot span recorded:
/// no credential or token it handles appears in a log line, a scope, an exception or a span.
/// </summary>
public sealed class SecretsNotLoggedTests
{
    private const string AppId = "9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
    private const string AppPassword = "app-password-S3CRET-4f1d";
    private const string SchneiderKey = "schneider-key-S3CRET-77aa";
    private const string IngramSecret = "ingram-secret-S3CRET-9b0c";

    [Fact]
    public async Task Turns_WithAuthAndEverythingAtTrace_NoSecretOrTokenReachesLogsOrSpans()
    {
        await using var identity = await LocalIdentityServer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        using var spans = new SpanRecorder();
        var logs = new RecordingLoggerProvider();
        await using var host = await AppHost.StartAsync(
            builder => builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace),
            "--Alerts:Enabled=false",
            "--Logging:LogLevel:Default=Trace",
            "--Logging:LogLevel:Microsoft.AspNetCore=Trace",
            "--Logging:LogLevel:System.Net.Http.HttpClient=Trace",
            "--Logging:LogLevel:Polly=Trace",
            $"--MicrosoftAppId={AppId}",
            $"--MicrosoftAppPassword={AppPassword}",
            $"--ToBotFromChannelOpenIdMetadataUrl={identity.OpenIdMetadataUrl}",
            $"--ToChannelFromBotLoginUrl={identity.LoginUrl}",
            $"--Sandbox:Schneider:ApiKey={SchneiderKey}",
            $"--Sandbox:Ingram:ClientSecret={IngramSecret}");
        var conversation = "conv-secrets-" + Guid.NewGuid().ToString("N");
        var inbound = identity.MintChannelToken(AppId, connector.ServiceUrl);

        // A PO question (both suppliers, Ingram's OAuth token, the Connector's token), then the same with a token
        // whose signature was tampered with (refused, and the refusal is logged).
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Message(connector, conversation, "m1", "where is PO 201120/1"), inbound));
        Assert.True(await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)));
        var tampered = inbound[..^4] + (inbound.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Message(connector, conversation, "m2", "help"), tampered));

        var ingramTokens = host.App.Services.GetRequiredService<SandboxServers>().Ingram!.Tokens.Active;
        Assert.NotEmpty(ingramTokens);
        Assert.Contains(connector.Requests, r => r.Authorization?.StartsWith("Bearer outbound-token-", StringComparison.Ordinal) == true);
        string[] secrets = [AppPassword, SchneiderKey, IngramSecret, inbound, SignatureOf(inbound), "outbound-token-", .. ingramTokens];

        var written = logs.Entries.SelectMany(e => new[] { e.Message, e.Exception?.ToString() ?? string.Empty }
            .Concat(e.Scopes.Select(s => $"{s.Key}={s.Value}"))).ToList();
        var traced = spans.Spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")
            .Concat(s.Events.Select(e => e.Name + string.Join(',', e.Tags.Select(t => t.Value)))).Append(s.StatusDescription ?? string.Empty)).ToList();
        Assert.True(written.Count > 50, $"only {written.Count} log values were recorded: the capture is not working");
        Assert.Contains(written, line => line.Contains("201120/1", StringComparison.Ordinal) || line.Contains("Bearer", StringComparison.Ordinal) || line.Contains("api/messages", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(written, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(traced, value => value.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static string SignatureOf(string jwt) => jwt[(jwt.LastIndexOf('.') + 1)..];

    private static string Message(FakeConnector connector, string conversation, string id, string text) => $$"""
        {"type":"message","id":"{{id}}","channelId":"msteams","serviceUrl":"{{connector.ServiceUrl}}",
         "from":{"id":"29:user-1","name":"Dana"},"recipient":{"id":"28:{{AppId}}","name":"OrderBot"},
         "conversation":{"id":"{{conversation}}","conversationType":"personal"},"text":"{{text}}","locale":"en-US"}
        """;

    private static async Task<HttpStatusCode> PostAsync(AppHost host, string body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
