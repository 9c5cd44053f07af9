using OrderBot.Cards;
using OrderBot.Features.Alerts;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>
/// The watcher's diff over every status of both suppliers' code tables (old status × new status → events), plus the
/// transitions users reported. Orders are built the way the mappers build them: the status from the code table, and
/// the hold a hold status means on its own.
/// </summary>
public sealed class OrderDiffTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Every Schneider status code the table knows (our spec's plus the spellings servers send).</summary>
    private static readonly string[] SchneiderCodes =
    [
        "Open", "Created", "InProgress", "InProcess", "OnHold", "Blocked", "Backordered", "PartiallyShipped", "FullyShipped",
        "Shipped", "Delivered", "Invoiced", "Cancelled", "Canceled", "SomethingNew",
    ];

    /// <summary>Every pair of Ingram codes (ours and the public v5 ones): one test, every failing pair named.</summary>
    [Fact]
    public void Compare_EveryIngramStatusToEveryStatus_EventsFollowTheRules()
    {
        var codes = IngramStatusCodes.All.Select(c => c.Code).Append("ZZ").ToList();

        var failures = Pairs(codes).Where(p => !FollowsRules(Ingram(p.From), Ingram(p.To))).Select(p => $"'{p.From}'→'{p.To}'").ToList();

        Assert.True(failures.Count == 0, "Wrong events for: " + string.Join(", ", failures));
        Assert.Equal((IngramStatusCodes.All.Count + 1) * (IngramStatusCodes.All.Count + 1), Pairs(codes).Count());
    }

    [Fact]
    public void Compare_EverySchneiderStatusToEveryStatus_EventsFollowTheRules()
    {
        var failures = Pairs(SchneiderCodes).Where(p => !FollowsRules(Schneider(p.From), Schneider(p.To))).Select(p => $"{p.From}→{p.To}").ToList();

        Assert.True(failures.Count == 0, "Wrong events for: " + string.Join(", ", failures));
    }

    [Fact]
    public void Compare_IngramReleasedToBilled_ShippedOnceThenNothing()
    {
        var snapshot = OrderSnapshot.Of(Ingram("R"), 3);

        var events = OrderDiff.Compare(snapshot, Ingram("I"));
        var again = OrderDiff.Compare(OrderSnapshot.Of(Ingram("I"), 4, snapshot, Now), Ingram("F"));

        Assert.Equal([AlertKind.Shipped], events.Select(e => e.Kind));
        Assert.Empty(again);
    }

    [Fact]
    public void Compare_ShippedWithoutTrackingThenTrackingArrives_TrackingAlertOnce()
    {
        var shipped = Schneider("FullyShipped");
        var seen = OrderSnapshot.Of(shipped, 1, OrderSnapshot.Of(Schneider("InProgress"), 0), Now);
        var tracked = WithTracking(shipped, "1Z999AA10123456784");

        var events = OrderDiff.Compare(seen, tracked);
        var later = OrderDiff.Compare(OrderSnapshot.Of(tracked, 2, seen, Now), WithTracking(shipped, "1Z999AA10123456784", "1Z999AA10123456785"));

        Assert.Equal([AlertKind.TrackingAdded], events.Select(e => e.Kind));
        Assert.Empty(later);
        Assert.Equal(Now, seen.ShippedSeenAt);
    }

    [Fact]
    public void Compare_FirstParcelBeforeAnyShippedStatus_ShippedOnce()
    {
        var open = Schneider("InProgress");
        var snapshot = OrderSnapshot.Of(open, 0);
        var parcel = WithTracking(open, "00340434161094042557");

        var events = OrderDiff.Compare(snapshot, parcel);
        var thenShippedStatus = OrderDiff.Compare(OrderSnapshot.Of(parcel, 1, snapshot, Now), WithTracking(Schneider("FullyShipped"), "00340434161094042557"));

        Assert.Equal([AlertKind.Shipped], events.Select(e => e.Kind));
        Assert.Empty(thenShippedStatus);
    }

    [Fact]
    public void Compare_OpenLineDatePasses_NowLateOnceThenNothing()
    {
        var due = new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero);
        var order = Schneider("InProgress") with
        {
            HasDetails = true,
            EstimatedDelivery = due,
            Items = [new OrderItem { ItemNumber = "000010", QuantityOrdered = 2, EstimatedDelivery = due, Status = SchneiderLocal.MapItem("Open", "Open") }],
        };
        var onTime = OrderSnapshot.Of(order, 0, null, due.AddDays(-1));
        var dayAfter = DateOnly.FromDateTime(due.AddDays(1).UtcDateTime);

        var events = OrderDiff.Compare(onTime, order, dayAfter);
        var late = OrderSnapshot.Of(order, 1, onTime, due.AddDays(1));
        var again = OrderDiff.Compare(late, order, dayAfter.AddDays(1));
        var shipped = OrderDiff.Compare(onTime, order with { Status = SchneiderLocal.MapOrder("FullyShipped", null) }, dayAfter);

        var alert = Assert.Single(events);
        Assert.Equal(AlertKind.NowLate, alert.Kind);
        Assert.Equal("late:2026-12-10", alert.State);
        Assert.Equal(false, onTime.Late);
        Assert.Equal(true, late.Late);
        Assert.Empty(again);
        Assert.DoesNotContain(shipped, e => e.Kind == AlertKind.NowLate);
        Assert.Empty(OrderDiff.Compare(onTime, order, DateOnly.FromDateTime(due.UtcDateTime))); // due today is not late
    }

    [Fact]
    public void Compare_SnapshotFromBeforeLateness_RecordsWithoutAlerting()
    {
        var due = new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero);
        var order = Schneider("InProgress") with { EstimatedDelivery = due };
        var old = OrderSnapshot.Of(order, 0) with { Late = null };

        Assert.Empty(OrderDiff.Compare(old, order, new DateOnly(2026, 12, 20)));
        Assert.Equal(true, OrderSnapshot.Of(order, 0, old, due.AddDays(10)).Late);
    }

    [Fact]
    public void Compare_SchneiderItemGoesOnHold_HoldAppearedForThatItem()
    {
        var open = Schneider("InProgress");
        var itemStatus = SchneiderLocal.MapItem("OnHold", "On hold");
        var held = open with { Holds = [SchneiderStatusTable.StatusHold(itemStatus, "000020")!] };

        var events = OrderDiff.Compare(OrderSnapshot.Of(open, 0), held);

        var hold = Assert.Single(events);
        Assert.Equal(AlertKind.HoldAppeared, hold.Kind);
        Assert.Equal("item:000020", hold.Hold!.Key);
        Assert.Equal("item 000020", hold.Hold.Scope);
    }

    [Fact]
    public void Compare_CodedHoldBecomesStatusOnlyHold_OneAppearedOneReleased()
    {
        var coded = Ingram("C") with { Holds = [new Hold("C3", "CREDIT LIMIT EXCEEDED", HoldCategory.Credit, "Credit limit exceeded.", "Pay.")] };
        var statusOnly = Ingram("C");

        var events = OrderDiff.Compare(OrderSnapshot.Of(coded, 0), statusOnly);

        Assert.Equal([AlertKind.HoldAppeared, AlertKind.HoldReleased], events.Select(e => e.Kind));
        Assert.Equal(["hold:status:C", "released:C3"], events.Select(e => e.State));
    }

    [Fact]
    public void Compare_HeldOrderCancelled_OnlyCancelled()
    {
        var events = OrderDiff.Compare(OrderSnapshot.Of(Ingram("S"), 0), Ingram("V") with { EstimatedDelivery = Now.AddDays(9) });

        Assert.Equal([AlertKind.Cancelled], events.Select(e => e.Kind));
    }

    [Fact]
    public void Compare_EtaLaterThenEarlier_OnlyTheLaterDateIsNews()
    {
        var open = Schneider("InProgress") with { EstimatedDelivery = new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero) };
        var later = open with { EstimatedDelivery = new DateTimeOffset(2026, 12, 14, 0, 0, 0, TimeSpan.Zero) };
        var earlier = open with { EstimatedDelivery = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero) };

        var slipped = Assert.Single(OrderDiff.Compare(OrderSnapshot.Of(open, 0), later));
        Assert.Equal(AlertKind.EtaSlipped, slipped.Kind);
        Assert.Equal("eta:2026-12-14", slipped.State);
        Assert.Empty(OrderDiff.Compare(OrderSnapshot.Of(later, 1), earlier));
    }

    [Fact]
    public void Compare_SnapshotWrittenBeforeShippedExisted_NoSecondShippedAlert()
    {
        // A snapshot stored by the previous release: hasTracking meant "shipped or tracked".
        var legacy = OrderSnapshot.FromJson("""{"version":4,"status":"Shipped","holds":[],"hasTracking":true}""")!;

        Assert.Empty(OrderDiff.Compare(legacy, Schneider("Invoiced")));
    }

    [Fact]
    public void Compare_NoSnapshot_BaselineNeverAlerts()
    {
        Assert.Empty(OrderDiff.Compare(null, Ingram("C")));
    }

    /// <summary>
    /// The rules, stated from the issue: a hold (by key) that appears alerts; one that goes alerts as released unless the
    /// order was cancelled; leaving the warehouse (partly shipped, shipped, billed/invoiced) alerts once; cancelling
    /// alerts and nothing else; and the same look twice alerts nothing.
    /// </summary>
    private static bool FollowsRules(Order before, Order now)
    {
        var snapshot = OrderSnapshot.Of(before, 7);
        var events = OrderDiff.Compare(snapshot, now);
        var kinds = events.Select(e => e.Kind).ToList();

        var wasHeld = before.Holds.Select(h => h.Key).ToHashSet();
        var isHeld = now.Holds.Select(h => h.Key).ToHashSet();
        var cancelledNow = now.Status.Status == OrderStatus.Cancelled && before.Status.Status != OrderStatus.Cancelled;
        var expected = new List<AlertKind>();
        expected.AddRange(isHeld.Except(wasHeld).Select(_ => AlertKind.HoldAppeared));
        if (now.Status.Status != OrderStatus.Cancelled)
        {
            expected.AddRange(wasHeld.Except(isHeld).Select(_ => AlertKind.HoldReleased));
        }

        if (cancelledNow)
        {
            expected.Add(AlertKind.Cancelled);
        }
        else if (Left(now) && !Left(before) && before.Status.Status != OrderStatus.Cancelled)
        {
            expected.Add(AlertKind.Shipped);
        }

        // Exactly once: the snapshot the watcher stores after this look yields nothing when the order stays as it is.
        return expected.SequenceEqual(kinds)
            && events.Where(e => e.Kind == AlertKind.HoldAppeared).All(e => e.Hold!.Explanation.Length > 0)
            && events.Count == events.Select(e => e.State).Distinct().Count()
            && OrderDiff.Compare(OrderSnapshot.Of(now, 8, snapshot, Now), now).Count == 0;
    }

    private static IEnumerable<(string From, string To)> Pairs(IReadOnlyList<string> codes) =>
        codes.SelectMany(from => codes.Select(to => (from, to)));

    private static bool Left(Order order) => order.Status.Status is OrderStatus.PartiallyShipped or OrderStatus.Shipped or OrderStatus.Invoiced;

    private static Order Ingram(string code)
    {
        var status = IngramStatusCodes.Lookup(code, null);
        return new Order
        {
            Supplier = SupplierId.Ingram,
            OrderNumber = "20-DIFF1",
            Status = status,
            Holds = IngramStatusCodes.StatusHold(status) is { } hold ? [hold] : [],
        };
    }

    /// <summary>A configured local list (as from a Schneider contact): OnHold is a hold, FullyShipped shipped, Cancelled cancelled.</summary>
    private static readonly SchneiderStatusTable SchneiderLocal = SchneiderStatusTable.For(new SchneiderCountryOptions
    {
        OrderStatuses =
        [
            new() { Code = "OnHold", Status = OrderStatus.OnHold },
            new() { Code = "FullyShipped", Status = OrderStatus.Shipped },
            new() { Code = "PartiallyShipped", Status = OrderStatus.PartiallyShipped },
            new() { Code = "Invoiced", Status = OrderStatus.Invoiced },
            new() { Code = "Cancelled", Status = OrderStatus.Cancelled },
        ],
        ItemStatuses = [new() { Code = "OnHold", Status = OrderStatus.OnHold }],
    });

    private static Order Schneider(string code)
    {
        var status = SchneiderLocal.MapOrder(code, null);
        return new Order
        {
            Supplier = SupplierId.Schneider,
            OrderNumber = "0100999777",
            Status = status,
            Holds = SchneiderStatusTable.StatusHold(status) is { } hold ? [hold] : [],
        };
    }

    private static Order WithTracking(Order order, params string[] numbers) => order with
    {
        HasDetails = true,
        Items =
        [
            new OrderItem
            {
                ItemNumber = "000010",
                Shipments = [new Shipment { Tracking = [.. numbers.Select(n => new Tracking(n, new Uri($"https://www.ups.com/track?tracknum={n}")))] }],
            },
        ],
    };
}
