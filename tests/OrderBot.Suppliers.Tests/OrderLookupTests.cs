using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests;

public sealed class OrderLookupTests
{
    [Fact]
    public async Task FindByPoAsync_BothSuppliers_AreAskedInParallel()
    {
        // Each fake waits until the other has been called: sequential asking would never complete.
        var schneider = new GatedSupplier(SupplierId.Schneider);
        var ingram = new GatedSupplier(SupplierId.Ingram);
        schneider.Partner = ingram;
        ingram.Partner = schneider;
        var lookup = new OrderLookup([schneider, ingram], NullLogger<OrderLookup>.Instance);

        var result = await lookup.FindByPoAsync("201120/1", SupplierScope.Default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, result.Orders.Count());
        Assert.False(result.IsPartial);
    }

    [Fact]
    public async Task FindByPoAsync_OneSupplierThrows_PartialAnswerNamesIt()
    {
        var lookup = new OrderLookup(
            [new FixedSupplier(SupplierId.Schneider, Order(SupplierId.Schneider)), new ThrowingSupplier(SupplierId.Ingram, new InvalidOperationException("bug"))],
            NullLogger<OrderLookup>.Instance);

        var result = await lookup.FindByPoAsync("201120/1", SupplierScope.Default);

        Assert.True(result.IsPartial);
        Assert.Single(result.Orders);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(SupplierId.Ingram, problem.Supplier);
        Assert.Equal(SupplierProblemKind.ServerError, problem.Kind);
        Assert.Contains("Ingram Micro", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindByPoAsync_OneSupplierReturnsProblem_PartialAnswerKeepsIt()
    {
        var problem = new SupplierProblem(SupplierId.Schneider, SupplierProblemKind.RateLimited, "Schneider Electric is limiting requests just now.");
        var lookup = new OrderLookup(
            [new FixedSupplier(SupplierId.Schneider, problem), new FixedSupplier(SupplierId.Ingram, Order(SupplierId.Ingram))],
            NullLogger<OrderLookup>.Instance);

        var result = await lookup.FindByPoAsync("201120/1", SupplierScope.Default);

        Assert.True(result.IsPartial);
        Assert.Equal(problem, Assert.Single(result.Problems));
        Assert.Equal(SupplierId.Ingram, Assert.Single(result.Orders).Supplier);
    }

    [Fact]
    public async Task FindByPoAsync_SlowSupplierTimesOut_PartialAnswerNamesItAsTimeout()
    {
        var slow = new ThrowingSupplier(SupplierId.Schneider, new TimeoutException());
        var lookup = new OrderLookup([slow, new FixedSupplier(SupplierId.Ingram, Order(SupplierId.Ingram))], NullLogger<OrderLookup>.Instance);

        var result = await lookup.FindByPoAsync("201120/1", SupplierScope.Default);

        Assert.Equal(SupplierProblemKind.Timeout, Assert.Single(result.Problems).Kind);
        Assert.Single(result.Orders);
    }

    [Fact]
    public async Task FindByPoAsync_SupplierBlocksSynchronously_DoesNotDelayTheOther()
    {
        using var release = new ManualResetEventSlim();
        var blocking = new BlockingSupplier(SupplierId.Schneider, release);
        var ingram = new CallbackSupplier(SupplierId.Ingram, release.Set);
        var lookup = new OrderLookup([blocking, ingram], NullLogger<OrderLookup>.Instance);

        var result = await lookup.FindByPoAsync("201120/1", SupplierScope.Default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, result.Orders.Count());
    }

    [Fact]
    public async Task FindByPoAsync_CallerCancels_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var lookup = new OrderLookup([new FixedSupplier(SupplierId.Schneider, Order(SupplierId.Schneider))], NullLogger<OrderLookup>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup.FindByPoAsync("201120/1", SupplierScope.Default, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task FindByPoAsync_OnlyOneSupplier_AsksOnlyIt()
    {
        var ingram = new CallbackSupplier(SupplierId.Ingram, () => throw new InvalidOperationException("must not be asked"));
        var lookup = new OrderLookup([new FixedSupplier(SupplierId.Schneider, Order(SupplierId.Schneider)), ingram], NullLogger<OrderLookup>.Instance);

        var result = await lookup.FindByPoAsync("201120/1", SupplierScope.Default, SupplierId.Schneider);

        Assert.Equal(SupplierId.Schneider, Assert.Single(result.Results).Supplier);
    }

    private static Order Order(SupplierId supplier) => new()
    {
        Supplier = supplier,
        OrderNumber = supplier == SupplierId.Schneider ? "0100111111" : "20-RF55A",
        CustomerPo = "201120/1",
        Status = new StatusInfo(OrderStatus.InProgress, "X", null),
    };

    private abstract class FakeSupplier(SupplierId id) : IOrderSupplier
    {
        public SupplierId Id => id;

        public Task<SupplierResult> FindByPoAsync(string po, SupplierScope scope, CancellationToken cancellationToken = default) => AnswerAsync(cancellationToken);

        public Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) => AnswerAsync(cancellationToken);

        public Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) => AnswerAsync(cancellationToken);

        public Task<SupplierResult> SearchAsync(OrderSearch search, SupplierScope scope, CancellationToken cancellationToken = default) => AnswerAsync(cancellationToken);

        protected abstract Task<SupplierResult> AnswerAsync(CancellationToken cancellationToken);
    }

    private sealed class FixedSupplier : FakeSupplier
    {
        private readonly SupplierResult _result;

        public FixedSupplier(SupplierId id, Order order)
            : base(id) => _result = SupplierResult.Found(id, [order], 1);

        public FixedSupplier(SupplierId id, SupplierProblem problem)
            : base(id) => _result = SupplierResult.Failed(problem, 1);

        protected override Task<SupplierResult> AnswerAsync(CancellationToken cancellationToken) => Task.FromResult(_result);
    }

    private sealed class ThrowingSupplier(SupplierId id, Exception exception) : FakeSupplier(id)
    {
        protected override Task<SupplierResult> AnswerAsync(CancellationToken cancellationToken) => Task.FromException<SupplierResult>(exception);
    }

    /// <summary>Answers only once its partner has been asked too.</summary>
    private sealed class GatedSupplier(SupplierId id) : FakeSupplier(id)
    {
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GatedSupplier? Partner { get; set; }

        protected override async Task<SupplierResult> AnswerAsync(CancellationToken cancellationToken)
        {
            _asked.TrySetResult();
            await Partner!._asked.Task.WaitAsync(cancellationToken);
            return SupplierResult.Found(Id, [Order(Id)], 1);
        }
    }

    /// <summary>Blocks its thread (no await) until the other supplier has been asked.</summary>
    private sealed class BlockingSupplier(SupplierId id, ManualResetEventSlim release) : FakeSupplier(id)
    {
        protected override Task<SupplierResult> AnswerAsync(CancellationToken cancellationToken)
        {
            release.Wait(cancellationToken);
            return Task.FromResult(SupplierResult.Found(Id, [Order(Id)], 1));
        }
    }

    private sealed class CallbackSupplier(SupplierId id, Action onAsked) : FakeSupplier(id)
    {
        protected override Task<SupplierResult> AnswerAsync(CancellationToken cancellationToken)
        {
            onAsked();
            return Task.FromResult(SupplierResult.Found(Id, [Order(Id)], 1));
        }
    }
}
