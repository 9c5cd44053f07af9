using System.Text.Json.Nodes;
using OrderBot.Packaging;

namespace OrderBot.Tests.Packaging;

public sealed class ManifestTemplateTests
{
    private const string Template = """
        {
          "version": "1.0.0",
          "id": "${{APP_ID}}",
          "name": { "full": "Bot for ${{BOT_DOMAIN}}" },
          "bots": [ { "botId": "${{BOT_ID}}" } ],
          "validDomains": [ "${{BOT_DOMAIN}}", "static.example.com" ]
        }
        """;

    private static Dictionary<string, string?> Values(string? domain) => new(StringComparer.Ordinal)
    {
        ["APP_ID"] = "aaaaaaaa-0000-0000-0000-000000000001",
        ["BOT_ID"] = "bbbbbbbb-0000-0000-0000-000000000002",
        ["BOT_DOMAIN"] = domain,
    };

    [Fact]
    public void Fill_AllValues_ReplacesEveryPlaceholder()
    {
        var json = JsonNode.Parse(ManifestTemplate.Fill(Template, Values("bot.contoso.com")))!;

        Assert.Equal("aaaaaaaa-0000-0000-0000-000000000001", (string?)json["id"]);
        Assert.Equal("bbbbbbbb-0000-0000-0000-000000000002", (string?)json["bots"]![0]!["botId"]);
        Assert.Equal("Bot for bot.contoso.com", (string?)json["name"]!["full"]);
        Assert.Equal(["bot.contoso.com", "static.example.com"], json["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Fill_VersionGiven_SetsVersion()
    {
        var json = JsonNode.Parse(ManifestTemplate.Fill(Template, Values("x.example.com"), "2.3.4"))!;

        Assert.Equal("2.3.4", (string?)json["version"]);
    }

    [Fact]
    public void Fill_DomainUnsetButUsedInsideText_ThrowsNamingThePlaceholder()
    {
        var ex = Assert.Throws<ManifestTemplateException>(() => ManifestTemplate.Fill(Template, Values(null)));

        Assert.Contains("${{BOT_DOMAIN}}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_DomainUnset_DropsTheArrayEntry()
    {
        const string template = """{ "validDomains": [ "${{BOT_DOMAIN}}", "static.example.com" ] }""";

        var json = JsonNode.Parse(ManifestTemplate.Fill(template, Values(null)))!;

        Assert.Equal(["static.example.com"], json["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Fill_UnknownPlaceholder_Throws()
    {
        var ex = Assert.Throws<ManifestTemplateException>(() =>
            ManifestTemplate.Fill("""{ "id": "${{TEAMS_APP_ID}}" }""", Values("x.example.com")));

        Assert.Contains("${{TEAMS_APP_ID}}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_ValueWithQuotes_StaysInsideItsString()
    {
        var values = Values("x.example.com");
        values["BOT_ID"] = "\"], \"evil\": [\"";

        var json = JsonNode.Parse(ManifestTemplate.Fill(Template, values))!.AsObject();

        Assert.Equal(values["BOT_ID"], (string?)json["bots"]![0]!["botId"]);
        Assert.False(json.ContainsKey("evil"));
    }

    [Fact]
    public void Fill_NotJson_Throws()
    {
        Assert.Throws<ManifestTemplateException>(() => ManifestTemplate.Fill("{ nope", Values("x.example.com")));
    }
}
