using Microsoft.Extensions.Configuration;
using System.Reflection;
using OrderBot.Features.Conversation;
using OrderBot.Features.Alerts;
using OrderBot.Protocol.Auth;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.State;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Tests.Hosting;

/// <summary>appsettings.example.json documents every setting: each options property must appear under its section.</summary>
public sealed class SettingsDocumentationTests
{
    private static readonly IConfiguration Example = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryRoot.Path, "appsettings.example.json"), optional: false)
        .Build();

    public static TheoryData<string, Type> Sections => new()
    {
        { "", typeof(BotAuthOptions) },
        { "Bot", typeof(BotOptions) },
        { "Suppliers:Schneider", typeof(SchneiderOptions) },
        { "Suppliers:Ingram", typeof(IngramOptions) },
        { "Sandbox:Schneider", typeof(SchneiderSandboxOptions) },
        { "Sandbox:Ingram", typeof(IngramSandboxOptions) },
        { "Storage", typeof(StorageOptions) },
        { "Conversation", typeof(ConversationOptions) },
        { "MessageExtension", typeof(OrderBot.Features.MessageExtension.MessageExtensionOptions) },
        { "Find", typeof(OrderBot.Features.Find.FindOptions) },
        { "Alerts", typeof(AlertsOptions) },
        { "Alerts:IngramWebhooks", typeof(OrderBot.Features.Alerts.Webhooks.IngramWebhookOptions) },
        { "Telemetry", typeof(OrderBot.Hosting.TelemetryOptions) },
        { "Digest", typeof(OrderBot.Features.Digest.DigestOptions) },
        { "Exports", typeof(OrderBot.Features.Exports.ExportOptions) },
        { "OrderBook", typeof(OrderBot.Features.OrderBook.OrderBookOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Example_EveryOptionsProperty_IsDocumented(string section, Type optionsType)
    {
        var scope = section.Length == 0 ? (IConfiguration)Example : Example.GetSection(section);
        var documented = scope.GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settable = optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
            .Select(p => p.Name);

        var missing = settable.Where(name => !documented.Contains(name)).ToList();

        Assert.True(missing.Count == 0, $"appsettings.example.json lacks {section}: {string.Join(", ", missing)}");
    }
}
