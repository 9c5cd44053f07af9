using OrderBot.AdaptiveCards;
using OrderBot.AdaptiveCards.Validation;
using OrderBot.Cards;
using OrderBot.Features.Alerts;
using OrderBot.Suppliers.Model;
using static OrderBot.Tests.Cards.TestOrders;

namespace OrderBot.Tests.Cards;

public sealed class CardGoldenTests
{
    /// <summary>Every builder with fixed data; each becomes Golden/&lt;name&gt;.json.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<AdaptiveCard>> Cards = new Dictionary<string, Func<AdaptiveCard>>
    {
        ["order-status-schneider-hold"] = () => OrderStatusCard.Build(SchneiderOnHold(), London),
        ["order-status-ingram-shipped"] = () => OrderStatusCard.Build(IngramShipped(), London),
        ["order-status-ingram-held"] = () => OrderStatusCard.Build(IngramHeld(), London),
        ["items-ingram-held"] = () => ItemsCard.Build(IngramHeld(), London),
        ["order-status-hostile-text"] = () => OrderStatusCard.Build(Hostile(), London),
        ["order-status-watched"] = () => OrderStatusCard.Build(IngramShipped(), London with
        {
            Watching = new Dictionary<string, string> { [CardContext.WatchKey(SupplierId.Ingram, IngramShipped().OrderNumber)] = "42" },
        }),
        ["po-summary-partial"] = () => PoSummaryCard.Build("201120/1", PartialPoResult(), London),
        ["items-schneider"] = () => ItemsCard.Build(SchneiderOnHold(), London),
        ["items-ingram"] = () => ItemsCard.Build(IngramShipped(), London),
        ["order-list-page-2"] = () => OrderListCard.Build("Orders on hold this week", Many(20), London, "search:hold:week", page: 2),
        ["pick-list"] = () => PickListCard.Build("PO 201120/1", [SchneiderOnHold(), IngramShipped()], London, "pick:201120/1"),
        ["supplier-unavailable"] = () => SupplierUnavailableCard.Build([.. PartialPoResult().Problems], London, "where is PO 201120/1"),
        ["nothing-found"] = () => NothingFoundCard.Build("PO 999", NothingFoundResults(), London),
        ["share-tracking"] = () => ShareTrackingCard.Build(IngramShipped(), OrderBot.Features.Orders.ShareTrackingText.Build(IngramShipped(), London)!),
        ["welcome"] = () => WelcomeCard.Build("Dana Buyer"),
        ["help"] = () => HelpCard.Build(),
        ["digest"] = () => OrderBot.Features.Digest.DigestCard.Build(
            new OrderBot.Features.Digest.DigestContent
            {
                Day = new DateOnly(2026, 12, 8),
                NewHolds = [IngramHeld()],
                Shipped = [IngramShipped()],
                Late = [SchneiderOnHold()],
                Skipped = [new DateOnly(2026, 12, 7)],
            },
            London),
        ["country-prompt"] = () => CountryPromptCard.Build(current: "fr", pendingQuestion: "where is PO 201120/1"),
        ["settings"] = () => SettingsCard.Build(
            new SettingsView { Country = "FR", TimeZoneId = "Europe/Paris", Culture = "French (fr)", DateFormat = "US (Dec 14, 2026)" },
            new SettingsView { Country = "GB", IngramCustomerNumber = "20-123456" },
            "Purchasing"),
        ["did-you-mean"] = () => OrderBot.Features.Conversation.DidYouMean.For(
            new OrderBot.Features.Recognition.RecognizerResult("CUSTPO alerts?", "order.status", new Dictionary<string, string> { ["ref"] = "CUSTPO" }) { Alternatives = ["order.status", "alerts.subscribe"] },
            ["order.status", "alerts.subscribe"])!.Card!,
        ["subscriptions"] = () => SubscriptionsCard.Build(Subscriptions(), London, "alerts.list", summary: "Watching 2 things here: Schneider Electric order 6010123456; Ingram Micro order 20-WX1YZ."),
        ["alert-hold-appeared"] = () => AlertCard.Build(new OrderAlert(AlertKind.HoldAppeared, SchneiderOnHold(), CreditHold, SubscriptionId: "sub-1"), London),
        ["alert-hold-released"] = () => AlertCard.Build(new OrderAlert(AlertKind.HoldReleased, SchneiderOnHold() with { Holds = [], Status = new StatusInfo(OrderStatus.Open, "OPEN", "Open") }, CreditHold, SubscriptionId: "sub-1"), London),
        ["alert-shipped"] = () => AlertCard.Build(new OrderAlert(AlertKind.Shipped, IngramShipped(), SubscriptionId: "sub-2"), London),
        ["alert-shipped-no-tracking"] = () => AlertCard.Build(new OrderAlert(AlertKind.Shipped, IngramShipped() with { Items = [] }, SubscriptionId: "sub-2"), London),
        ["alert-tracking-added"] = () => AlertCard.Build(new OrderAlert(AlertKind.TrackingAdded, IngramShipped(), SubscriptionId: "sub-2"), London),
        ["alert-cancelled"] = () => AlertCard.Build(new OrderAlert(AlertKind.Cancelled, IngramShipped() with { Items = [], Status = new StatusInfo(OrderStatus.Cancelled, "V", "DELETED") { Meaning = "deleted by Ingram Micro" } }, SubscriptionId: "sub-2"), London),
        ["alert-eta-slipped"] = () => AlertCard.Build(new OrderAlert(AlertKind.EtaSlipped, SchneiderOnHold(), PreviousEta: new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), SubscriptionId: "sub-1"), London),
    };

    public static TheoryData<string> Names() => [.. Cards.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_FixedData_MatchesGoldenFile(string name)
    {
        GoldenFile.Check(name, Cards[name]());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_FixedData_PassesStructuralValidationWellUnderSizeLimit(string name)
    {
        var result = AdaptiveCardValidator.Validate(Cards[name]());

        Assert.True(result.IsValid, result.ToString());
        Assert.True(result.SizeBytes < AdaptiveCardValidator.DefaultMaxActivityBytes / 2, $"{name} is {result.SizeBytes} bytes");
    }

    [Fact]
    public void GoldenDirectory_EveryFile_IsAValidCardWithABuilder()
    {
        var files = Directory.GetFiles(GoldenFile.Directory(), "*.json");

        Assert.Equal(Cards.Count, files.Length);
        foreach (var file in files)
        {
            Assert.True(Cards.ContainsKey(Path.GetFileNameWithoutExtension(file)), $"{file} has no builder case");
            var result = AdaptiveCardValidator.Validate(File.ReadAllText(file));
            Assert.True(result.IsValid, $"{file}: {result}");
        }
    }

    private static Order Hostile() => SchneiderOnHold() with
    {
        CustomerPo = "[PO](https://evil.example) **1**",
        AccountName = "<at>Everyone</at>",
        Holds = [CreditHold with { SupplierText = "# CALL 0800 NOW\n- [pay here](http://evil.example)" }],
    };

    private static IReadOnlyList<SupplierResult> NothingFoundResults() =>
    [
        SupplierResult.Found(SupplierId.Schneider, [], calls: 3, scope: "Schneider Electric FR, orders of the last 12 months"),
        SupplierResult.Found(SupplierId.Ingram, [], calls: 1, scope: "Ingram Micro GB, customer 20-123456"),
    ];

    private static IReadOnlyList<SubscriptionView> Subscriptions() =>
    [
        new("sub-1", SupplierId.Schneider, "6010123456", "201120/1", new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), LastStatus: OrderStatus.OnHold),
        new("sub-2", SupplierId.Ingram, "20-WX1YZ", "201120/1", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), Muted: true, LastStatus: OrderStatus.Shipped),
    ];
}
