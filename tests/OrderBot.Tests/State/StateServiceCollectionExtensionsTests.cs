using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;

namespace OrderBot.Tests.State;

public sealed class StateServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "orderbot-host-" + Guid.NewGuid().ToString("N"));

    public StateServiceCollectionExtensionsTests() => Directory.CreateDirectory(_contentRoot);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    [Fact]
    public async Task AddOrderBotState_Defaults_MigratesSqliteFileUnderContentRootOnStart()
    {
        using var app = Build([]);

        await app.StartAsync();
        var conversations = app.Services.GetRequiredService<ConversationReferenceStore>();
        await conversations.UpsertAsync(new ConversationReferenceRecord
        {
            ConversationId = "a:1",
            ChannelId = "msteams",
            ServiceUrl = "https://x/",
            ReferenceJson = "{}",
        });
        await app.StopAsync();

        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "orderbot.db")));
        Assert.Same(conversations, app.Services.GetRequiredService<OrderBot.Protocol.Routing.IConversationReferenceStore>());
        Assert.Equal(7, await app.Services.GetRequiredService<StateMigrator>().GetSchemaVersionAsync());
    }

    [Fact]
    public async Task AddOrderBotState_StartedTwice_SecondStartFindsSchemaAndData()
    {
        string[] settings = ["--Storage:Sqlite:Path=state/bot.db"];
        using (var first = Build(settings))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<ISettingsStore>().SetAsync("user:1", "k", "v");
            await first.StopAsync();
        }

        using var second = Build(settings);
        await second.StartAsync();

        Assert.Equal("v", (await second.Services.GetRequiredService<ISettingsStore>().GetAllAsync("user:1"))["k"]);
        await second.StopAsync();
    }

    [Fact]
    public async Task AddOrderBotState_InvalidSetting_FailsAtStartNamingTheKey()
    {
        using var app = Build(["--Storage:PostgreSql=Username=x"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Storage:PostgreSql", error.Message, StringComparison.Ordinal);
    }

    private IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = _contentRoot });
        builder.AddOrderBotState();
        return builder.Build();
    }
}
