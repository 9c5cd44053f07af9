using OrderBot.State;

namespace OrderBot.Tests.State;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task UpsertAsync_Unchanged_IsNotWrittenAgainUntilTheMemoExpires()
    {
        await Conversations.UpsertAsync(Reference("a:memo", "https://x/"));
        Time.Advance(TimeSpan.FromMinutes(1));

        await Conversations.UpsertAsync(Reference("a:memo", "https://x/"));
        var skipped = await Conversations.GetAsync("a:memo");
        Time.Advance(TimeSpan.FromMinutes(10));
        await Conversations.UpsertAsync(Reference("a:memo", "https://x/"));
        var rewritten = await Conversations.GetAsync("a:memo");

        Assert.Equal(Start, skipped?.UpdatedAt);
        Assert.Equal(Start.AddMinutes(11), rewritten?.UpdatedAt);
    }

    [StoreFact]
    public async Task UpsertAsync_MarkedInactiveByAnotherInstance_IsReactivatedOnceTheMemoExpires()
    {
        await Conversations.UpsertAsync(Reference("a:other", "https://x/"));
        Assert.True(await NewStore().Conversations.MarkInactiveAsync("a:other", "bot removed"));

        Time.Advance(TimeSpan.FromMinutes(10));
        await Conversations.UpsertAsync(Reference("a:other", "https://x/"));

        Assert.True((await Conversations.GetAsync("a:other"))?.IsActive);
    }

    [StoreFact]
    public async Task ProbeWriteAsync_HealthyStore_Succeeds() =>
        await Store.Health.ProbeWriteAsync(TimeSpan.FromSeconds(1));
}
