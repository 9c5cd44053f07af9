using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>An <see cref="IOrderSupplier"/> whose orders the test edits between cycles; counts calls and scopes.</summary>
internal sealed class ScriptedSupplier : IOrderSupplier
{
    private readonly Dictionary<string, Order> _orders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public ScriptedSupplier(SupplierId id)
    {
        Id = id;
    }

    public SupplierId Id { get; }

    public int Calls { get; private set; }

    /// <summary>Like Ingram (true): the watcher may take a search hit as a poll of that order.</summary>
    public bool SearchHitsAreComplete { get; set; }

    public bool AllBackground { get; private set; } = true;

    /// <summary>Order numbers whose GetOrder throws (a bug in a mapper, say).</summary>
    public HashSet<string> Broken { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When true, every call hangs until its token is cancelled (a supplier whose socket stalled).</summary>
    public bool Stalled { get; set; }

    /// <summary>Completed when a stalled call has started.</summary>
    public TaskCompletionSource StallReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set(Order order)
    {
        lock (_gate)
        {
            _orders[order.OrderNumber] = order;
        }
    }

    public Order Get(string number)
    {
        lock (_gate)
        {
            return _orders[number];
        }
    }

    public Task<SupplierResult> FindByPoAsync(string po, SupplierScope scope, CancellationToken cancellationToken = default) =>
        Answer(scope, o => string.Equals(o.CustomerPo, po.Trim(), StringComparison.OrdinalIgnoreCase), cancellationToken);

    public Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        if (Broken.Contains(orderNumber))
        {
            throw new InvalidOperationException("scripted failure");
        }

        return Answer(scope, o => string.Equals(o.OrderNumber, orderNumber, StringComparison.OrdinalIgnoreCase), cancellationToken);
    }

    public Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) =>
        GetOrderAsync(orderNumber, scope, cancellationToken);

    public Task<SupplierResult> SearchAsync(OrderSearch search, SupplierScope scope, CancellationToken cancellationToken = default) =>
        Answer(scope, o =>
            (scope.IngramCustomerNumber is null || o.Account == scope.IngramCustomerNumber)
            && (scope.SchneiderPurchaserId is null || o.Account == scope.SchneiderPurchaserId)
            && (scope.Country is null || o.Country == scope.Country)
            && (search.From is null || o.OrderDate >= search.From), cancellationToken);

    private Task<SupplierResult> Answer(SupplierScope scope, Func<Order, bool> match, CancellationToken cancellationToken)
    {
        if (Stalled)
        {
            return StallAsync(cancellationToken);
        }

        lock (_gate)
        {
            Calls++;
            AllBackground &= scope.Background;
            return Task.FromResult(SupplierResult.Found(Id, [.. _orders.Values.Where(match)], calls: 1));
        }
    }

    private async Task<SupplierResult> StallAsync(CancellationToken cancellationToken)
    {
        StallReached.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    public static Order Open(SupplierId supplier, string number, string po, DateTimeOffset? eta = null, string? account = null, string? country = null) => new()
    {
        Supplier = supplier,
        OrderNumber = number,
        CustomerPo = po,
        Account = account,
        Country = country,
        OrderDate = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        Status = new StatusInfo(OrderStatus.Open, string.Empty, null),
        EstimatedDelivery = eta,
    };

    public static Hold CreditHold { get; } = new("C3", "CREDIT LIMIT EXCEEDED", HoldCategory.Credit, "Your credit limit is exceeded.", "Pay open invoices or ask for a higher limit.");

    public static Order WithHold(Order order, Hold hold) => order with
    {
        Status = new StatusInfo(OrderStatus.OnHold, "C", "CREDIT HOLD"),
        Holds = [hold],
    };

    public static Order Released(Order order) => order with
    {
        Status = new StatusInfo(OrderStatus.InProgress, "R", "RELEASED"),
        Holds = [],
    };

    public static Order Shipped(Order order) => order with
    {
        Status = new StatusInfo(OrderStatus.Shipped, "S", "SHIPPED"),
        Holds = [],
        HasDetails = true,
        Items =
        [
            new OrderItem
            {
                ItemNumber = "000010",
                Shipments = [new Shipment { Tracking = [new Tracking("00111102011034111111", new Uri("https://example.test/track/1"))] }],
            },
        ],
    };
}
