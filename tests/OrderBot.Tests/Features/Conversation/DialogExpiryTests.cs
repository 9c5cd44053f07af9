using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

public sealed class DialogExpiryTests : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Cancel_AfterDialogExpiry_NothingToCancel()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var adapter = await _host.NewAdapterAsync(configure: s => s.Services.AddSingleton<TimeProvider>(time));
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        time.Advance(TimeSpan.FromMinutes(31));
        await adapter.ProcessAsync(adapter.MakeMessage("cancel"));

        Assert.StartsWith("There's nothing to cancel.", ReplyAssert.Next(adapter).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedCountry_BeforeDialogExpiry_Answers()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var adapter = await _host.NewAdapterAsync(configure: s => s.Services.AddSingleton<TimeProvider>(time));
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        time.Advance(TimeSpan.FromMinutes(29));
        await adapter.ProcessAsync(adapter.MakeMessage("FR"));

        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteChangeCountry_FromSettingsCard_ShowsCountryPrompt()
    {
        var adapter = await _host.NewAdapterAsync();
        await adapter.ProcessAsync(adapter.MakeMessage("settings"));
        var data = ReplyAssert.ExecuteData(ReplyAssert.Card(ReplyAssert.Next(adapter)), CardActions.Verbs.SettingsCountry);

        var response = await adapter.ProcessAsync(ConversationBotTests.Execute(CardActions.Verbs.SettingsCountry, data));

        Assert.Equal(ConversationBot.PostedBelow, response!.Value!.Value.GetString());
        Assert.Equal("Which country are your orders in?", ReplyAssert.Fallback(ReplyAssert.Next(adapter)));
    }

    [Theory]
    [InlineData("00:00:00", null, "Conversation:DialogExpiry")]
    [InlineData("00:30:00", "France", "Conversation:DefaultSchneiderCountry")]
    public void Validate_BadValue_NamesTheKey(string expiry, string? country, string key)
    {
        var options = new ConversationOptions { DialogExpiry = TimeSpan.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), DefaultSchneiderCountry = country };

        var result = new ConversationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.Equal(ValidateOptionsResult.Success, new ConversationOptionsValidator().Validate(null, new ConversationOptions()));
}
