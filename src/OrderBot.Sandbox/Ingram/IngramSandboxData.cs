using System.Globalization;

namespace OrderBot.Sandbox.Ingram;

/// <summary>
/// The sandbox's orders: the showcase (shared with the Schneider sandbox), the WATCH-1 timeline that moves with the
/// clock, and seeded bulk data covering every country, status code and hold code of the spec. Thread-safe.
/// </summary>
public sealed class IngramSandboxData
{
    private readonly Lock _gate = new();
    private readonly IngramSandboxOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly DateTimeOffset _startedAt;
    private List<IngramSandboxOrder> _orders = [];

    internal IngramSandboxData(IngramSandboxOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        _startedAt = timeProvider.GetUtcNow();
        Reset();
    }

    /// <summary>All orders as they are now (timeline applied), as copies.</summary>
    public IReadOnlyList<IngramSandboxOrder> Snapshot()
    {
        var step = TimelineStep();
        lock (_gate)
        {
            return _orders.Select(o => Materialize(o, step)).ToList();
        }
    }

    /// <summary>Raised after a control change or a reset (the webhook sender looks at once; the timeline it polls).</summary>
    public event Action? Changed;

    /// <summary>Rebuilds the data from the seed (control endpoint "reset").</summary>
    public void Reset()
    {
        var orders = Showcase();
        orders.AddRange(Bulk());
        lock (_gate)
        {
            _orders = orders;
        }

        Changed?.Invoke();
    }

    /// <summary>Puts every sub-order of an order on hold now. False when the order is unknown.</summary>
    public bool Hold(string orderNumber, string holdCode, string? text = null)
    {
        var code = holdCode.Trim().ToUpperInvariant();
        var status = IngramSandboxCodes.StatusForHold(code);
        var label = text ?? IngramSandboxCodes.Holds.FirstOrDefault(h => h.Code == code).Text ?? "HOLD";
        return Update(orderNumber, s => (s.StatusCode, s.Status, s.HoldCode, s.HoldReason) = (status.Code, status.Label, code, label));
    }

    public bool Release(string orderNumber) =>
        Update(orderNumber, s => (s.StatusCode, s.Status, s.HoldCode, s.HoldReason) = ("R", "RELEASED", "", ""));

    /// <summary>
    /// Sets every sub-order's status code with a blank hold reason, as the spec allows (e.g. <c>C</c> "CREDIT HOLD" with
    /// no <c>holdreasoncode</c>, <c>I</c> "BILLED", <c>V</c> "DELETED").
    /// </summary>
    public bool SetStatus(string orderNumber, string statusCode, string label) =>
        Update(orderNumber, s => (s.StatusCode, s.Status, s.HoldCode, s.HoldReason) = (statusCode, label, "", ""));

    /// <summary>Ships an order (public v5 code 4, "SHIPPED").</summary>
    public bool Ship(string orderNumber) =>
        Update(orderNumber, s => (s.StatusCode, s.Status, s.HoldCode, s.HoldReason) = ("4", "SHIPPED", "", ""));

    private bool Update(string orderNumber, Action<IngramSandboxSubOrder> change)
    {
        lock (_gate)
        {
            var order = _orders.FirstOrDefault(o => string.Equals(o.OrderNumber, orderNumber.Trim(), StringComparison.OrdinalIgnoreCase));
            if (order is null)
            {
                return false;
            }

            // A control change pins the order: it no longer follows the WATCH-1 timeline.
            var replaced = new IngramSandboxOrder
            {
                OrderNumber = order.OrderNumber,
                Country = order.Country,
                CustomerNumber = order.CustomerNumber,
                CustomerPo = order.CustomerPo,
                EntryTimestamp = order.EntryTimestamp,
                SubOrders = order.SubOrders.Select(s => s.Copy()).ToList(),
                Lines = order.Lines,
                OrderType = order.OrderType,
                EndUserPo = order.EndUserPo,
                ShipTo = order.ShipTo,
            };
            replaced.SubOrders.ForEach(change);
            _orders[_orders.IndexOf(order)] = replaced;
        }

        Changed?.Invoke();
        return true;
    }

    private int TimelineStep()
    {
        var elapsed = _timeProvider.GetUtcNow() - _startedAt;
        return _options.TimelineStep <= TimeSpan.Zero || elapsed < TimeSpan.Zero ? 0 : (int)(elapsed / _options.TimelineStep);
    }

    private static IngramSandboxOrder Materialize(IngramSandboxOrder order, int step)
    {
        var subs = order.SubOrders.Select(s => s.Copy()).ToList();
        if (order.FollowsTimeline)
        {
            // WATCH-1: step 0 open, 1 credit hold C3, 3 released, 5 invoiced.
            var (code, label, hold, reason) = step switch
            {
                0 => ("", "OPEN", "", ""),
                1 or 2 => ("C", "CREDIT HOLD", "C3", "CREDIT LIMIT EXCEEDED"),
                3 or 4 => ("R", "RELEASED", "", ""),
                _ => ("I", "BILLED", "", ""),
            };
            subs.ForEach(s => (s.StatusCode, s.Status, s.HoldCode, s.HoldReason) = (code, label, hold, reason));
        }

        return order.With(subs, step);
    }

    private List<IngramSandboxOrder> Showcase()
    {
        var customer = _options.CustomerNumber;
        var day = _startedAt.AddDays(-3);
        IngramSandboxOrder Make(string number, string po, DateTimeOffset entry, params IngramSandboxSubOrder[] subs) => new()
        {
            OrderNumber = number, Country = "UK", CustomerNumber = customer, CustomerPo = po, EntryTimestamp = entry, SubOrders = [.. subs],
            Lines = IngramSandboxCatalog.Showcase(number, _startedAt),
        };
        IngramSandboxSubOrder Sub(string number, string code, string label, string hold = "", string reason = "") => new()
        {
            Number = number, StatusCode = code, Status = label, HoldCode = hold, HoldReason = reason,
        };

        return
        [
            Make("20-RF55A", "201120/1", day,
                Sub("20-RF55A-11", "S", "SALES HOLD", "SP", "PRICE CHANGE - REQUOTE"),
                Sub("20-RF55A-12", "R", "RELEASED")),
            Make("20-RF56B", "201120/1", day.AddHours(2), Sub("20-RF56B-11", "I", "BILLED")),
            Make("20-RD12H", "CUSTPO", DateTimeOffset.Parse("2020-04-04T14:28:18Z", CultureInfo.InvariantCulture),
                Sub("20-RD12H-11", "C", "CREDIT HOLD", "CH", "HARD-9 CUST NOT FLOOR ORD")),
            Make("20-RD12J", "CUSTPO", DateTimeOffset.Parse("2020-04-04T15:02:41Z", CultureInfo.InvariantCulture), Sub("20-RD12J-11", "R", "RELEASED")),
            Make("20-RD12K", "CUSTPO", DateTimeOffset.Parse("2020-04-05T09:11:07Z", CultureInfo.InvariantCulture), Sub("20-RD12K-11", "I", "BILLED")),
            Make("20-IM088", "IM-ONLY-88", day.AddDays(1), Sub("20-IM088-11", "R", "RELEASED")),
            new IngramSandboxOrder
            {
                OrderNumber = "20-TL001", Country = "UK", CustomerNumber = customer, CustomerPo = "WATCH-1",
                EntryTimestamp = _startedAt.AddHours(-1), SubOrders = [Sub("20-TL001-11", "", "OPEN")], FollowsTimeline = true,
                Lines = IngramSandboxCatalog.Showcase("20-TL001", _startedAt),
            },
            // Details showcase: LTL freight with a PRO number beside a parcel, and a partial shipment with a backorder.
            Make("20-LT001", "201130/LTL", day.AddHours(5), Sub("20-LT001-11", "4", "SHIPPED")),
            // A drop-ship order: delivered to the end user's address, under the end user's own PO.
            DropShip(
                Make("20-PS001", "201130/PART", day.AddHours(6), Sub("20-PS001-11", "4", "SHIPPED"), Sub("20-PS001-12", "R", "RELEASED")),
                "EU-4471",
                ["NORTHWIND CLINIC", "12 HIGH STREET", "NORTHAMPTON", "NN1 1AA", "UK"]),
            // Deleted at Ingram: a whole order (status V, hold reason VO) and one sub-order of an order that goes on.
            Make("20-VO001", "201201/DEL", day.AddHours(7), Sub("20-VO001-11", "V", "DELETED", "VO", "DELETED ORDER")),
            Make("20-VO002", "201201/DEL", day.AddHours(8), Sub("20-VO002-11", "R", "RELEASED"), Sub("20-VO002-12", "V", "DELETED", "VO", "DELETED ORDER")),
        ];
    }

    private static IngramSandboxOrder DropShip(IngramSandboxOrder order, string endUserPo, IReadOnlyList<string> shipTo) => new()
    {
        OrderNumber = order.OrderNumber,
        Country = order.Country,
        CustomerNumber = order.CustomerNumber,
        CustomerPo = order.CustomerPo,
        EntryTimestamp = order.EntryTimestamp,
        SubOrders = order.SubOrders,
        Lines = order.Lines,
        OrderType = "D",
        EndUserPo = endUserPo,
        ShipTo = shipTo,
    };

#pragma warning disable CA5394 // Seeded, deterministic test data: predictability is the point.
    private IEnumerable<IngramSandboxOrder> Bulk()
    {
        var random = new Random(_options.Seed);
        var statuses = IngramSandboxCodes.Statuses;
        var holds = IngramSandboxCodes.Holds;
        for (var i = 0; i < _options.BulkOrders; i++)
        {
            var country = IngramSandboxCodes.Countries[i % IngramSandboxCodes.Countries.Length];
            // The first orders walk every hold code, the next every status code; the rest are random.
            var (code, label) = i < holds.Length
                ? IngramSandboxCodes.StatusForHold(holds[i].Code)
                : statuses[(i - holds.Length) < statuses.Length ? i - holds.Length : random.Next(statuses.Length)];
            var hold = i < holds.Length ? holds[i] : code is "C" or "D" or "O" or "S" ? holds[random.Next(holds.Length)] : ("", "");
            var number = string.Create(CultureInfo.InvariantCulture, $"{IngramSandboxCodes.Prefix(country)}-B{i:D5}");
            yield return new IngramSandboxOrder
            {
                OrderNumber = number,
                Country = country,
                CustomerNumber = _options.CustomerNumber,
                CustomerPo = string.Create(CultureInfo.InvariantCulture, $"PO-{i:D5}"),
                EntryTimestamp = _startedAt.AddMinutes(-random.Next(1, 90 * 24 * 60)),
                SubOrders =
                [
                    new IngramSandboxSubOrder { Number = number + "-11", StatusCode = code, Status = label, HoldCode = hold.Item1, HoldReason = hold.Item2 },
                ],
                Lines = IngramSandboxCatalog.Bulk(_options.Seed, i, number + "-11"),
            };
        }
    }
#pragma warning restore CA5394
}
