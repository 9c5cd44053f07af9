using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Lookup;

/// <summary>The answer cache in front of the suppliers: shared identical questions, Refresh and the watcher bypass it, failures are never kept.</summary>
public sealed class LookupCacheTests : IDisposable
{
    private readonly CountingSupplier _ingram = new(SupplierId.Ingram);
    private readonly IHost _host;
    private readonly OrderLookup _lookup;

    public LookupCacheTests()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IOrderSupplier>(_ingram);
        builder.AddOrderLookup();
        _host = builder.Build();
        _lookup = _host.Services.GetRequiredService<OrderLookup>();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task FindByPo_FiftyIdenticalQuestionsAtOnce_OneSupplierCallSharedByAll()
    {
        _ingram.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = Enumerable.Range(0, 50).Select(_ => _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB" })).ToList();
        await Task.Delay(100);
        _ingram.Gate.SetResult();

        var results = await Task.WhenAll(asked);

        Assert.Equal(1, _ingram.Calls);
        Assert.All(results, r => Assert.Equal("20-RF55A", Assert.Single(r.Orders).OrderNumber));
        Assert.Equal(1, results.Sum(r => r.Results.Sum(x => x.Calls)));
    }

    [Fact]
    public async Task FindByPo_AgainSoon_FromTheCache_RefreshAndWatcherAskTheSupplier()
    {
        await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB" });
        await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB" });
        Assert.Equal(1, _ingram.Calls);

        await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB", Fresh = true });
        Assert.Equal(2, _ingram.Calls);

        await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB", Background = true });
        Assert.Equal(3, _ingram.Calls);

        // Another scope is another question.
        await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "DE" });
        Assert.Equal(4, _ingram.Calls);
    }

    [Fact]
    public async Task FindByPo_SupplierFailed_NotKept_NextQuestionAsksAgain()
    {
        _ingram.Fail = true;
        var failed = await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB" });
        _ingram.Fail = false;
        var answered = await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB" });

        Assert.True(failed.AllFailed);
        Assert.Single(answered.Orders);
        Assert.Equal(2, _ingram.Calls);
    }

    [Fact]
    public async Task ForgetOrder_AfterTheWatcherSawItChange_EveryAnswerShowingItAsksAgain_OthersStay()
    {
        await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB" });
        await _lookup.GetOrderAsync("20-RF55A", new SupplierScope { Country = "GB" });
        await _lookup.FindByPoAsync("OTHER-PO", new SupplierScope { Country = "GB" });
        Assert.Equal(3, _ingram.Calls);
        var invalidator = _host.Services.GetRequiredService<IAnswerCacheInvalidator>();

        // Another order's change forgets nothing; a change of 20-RF55A (any case) forgets the PO and the order answer.
        await invalidator.ForgetOrderAsync(SupplierId.Schneider, "20-RF55A");
        await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB" });
        Assert.Equal(3, _ingram.Calls);
        await invalidator.ForgetOrderAsync(SupplierId.Ingram, "20-rf55a ");
        await _lookup.FindByPoAsync("201120/1", new SupplierScope { Country = "GB" });
        await _lookup.GetOrderAsync("20-RF55A", new SupplierScope { Country = "GB" });
        Assert.Equal(5, _ingram.Calls);
        await _lookup.FindByPoAsync("OTHER-PO", new SupplierScope { Country = "GB" });
        Assert.Equal(5, _ingram.Calls);
    }

    private sealed class CountingSupplier(SupplierId id) : IOrderSupplier
    {
        private int _calls;

        public SupplierId Id => id;

        public int Calls => _calls;

        public bool Fail { get; set; }

        public TaskCompletionSource? Gate { get; set; }

        public async Task<SupplierResult> FindByPoAsync(string po, SupplierScope scope, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return Fail
                ? SupplierResult.Failed(new SupplierProblem(id, SupplierProblemKind.ServerError, "Ingram Micro answered 503."), calls: 1)
                : SupplierResult.Found(id, [new Order { Supplier = id, OrderNumber = po == "OTHER-PO" ? "20-ZZ999" : "20-RF55A", CustomerPo = po, Status = new StatusInfo(OrderStatus.OnHold, "S", "SALES HOLD") }], calls: 1);
        }

        public Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) =>
            FindByPoAsync(orderNumber, scope, cancellationToken);

        public Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) =>
            FindByPoAsync(orderNumber, scope, cancellationToken);

        public Task<SupplierResult> SearchAsync(OrderSearch search, SupplierScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult(SupplierResult.Found(id, []));
    }
}
