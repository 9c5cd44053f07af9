using OrderBot.Cli;
using OrderBot.Hosting;
using OrderBot.Protocol.Hosting;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Schneider;

// `orderbot <command>`: the command line shares this executable with the bot server.
if (await CommandLine.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
Program.Compose(builder);
var app = builder.Build();
app.MapOrderBotHealth();
app.MapBotMessages("/api/messages");
await app.RunAsync();
return 0;

/// <summary>The bot server; <see cref="Compose"/> is shared with the command line.</summary>
public partial class Program
{
    /// <summary>Every module, in the order their background services must start (state migrates first).</summary>
    internal static void Compose(WebApplicationBuilder builder)
    {
        builder.UseDefaultAddressWhenUnset("http://localhost:3978");
        builder.AddOrderBotState();
        builder.AddSandboxSuppliersWhenUnconfigured();
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        builder.Services.AddSingleton<OrderLookup>();
        builder.AddBotProtocol();
        builder.Services.AddSingleton<OrderBot.Protocol.Routing.IConversationReferenceStore, ConversationReferenceBridge>();
        builder.AddOrderBotOperability();
    }
}
