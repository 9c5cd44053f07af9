using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers;

/// <summary>
/// Asks every configured supplier at once and merges the answers. One supplier failing, throwing or
/// timing out yields a partial answer that names it; the caller always gets a <see cref="LookupResult"/>.
/// </summary>
public sealed partial class OrderLookup
{
    private readonly IReadOnlyList<IOrderSupplier> _suppliers;
    private readonly ILogger<OrderLookup> _logger;
    private readonly TimeProvider _time;

    private readonly LookupCache? _cache;

    public OrderLookup(IEnumerable<IOrderSupplier> suppliers, ILogger<OrderLookup> logger, TimeProvider? timeProvider = null)
        : this(suppliers, logger, timeProvider, cache: null)
    {
    }

    internal OrderLookup(IEnumerable<IOrderSupplier> suppliers, ILogger<OrderLookup> logger, TimeProvider? timeProvider, LookupCache? cache)
    {
        ArgumentNullException.ThrowIfNull(suppliers);
        _suppliers = [.. suppliers];
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _cache = cache;
    }

    public IReadOnlyList<SupplierId> Suppliers => [.. _suppliers.Select(s => s.Id)];

    /// <summary>Whether asking <paramref name="supplier"/> for shipments adds tracking to a search hit.</summary>
    public bool ProvidesShipmentDetails(SupplierId supplier) =>
        _suppliers.Any(s => s.Id == supplier && s.ProvidesShipmentDetails);

    /// <summary>"Where is PO X": every match from every supplier (or only <paramref name="only"/>).</summary>
    public Task<LookupResult> FindByPoAsync(string po, SupplierScope scope, SupplierId? only = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(po);
        return AskAllAsync(only, scope, Cached("po", po, scope, (s, ct) => s.FindByPoAsync(po, scope, ct)), cancellationToken);
    }

    /// <summary>An order by supplier order number; asks every supplier unless told which.</summary>
    public Task<LookupResult> GetOrderAsync(string orderNumber, SupplierScope scope, SupplierId? only = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        return AskAllAsync(only, scope, Cached("order", orderNumber, scope, (s, ct) => s.GetOrderAsync(orderNumber, scope, ct)), cancellationToken);
    }

    /// <summary>Items and shipments of an order at one supplier.</summary>
    public Task<LookupResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, SupplierId supplier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        return AskAllAsync(supplier, scope, Cached("shipments", orderNumber, scope, (s, ct) => s.GetOrderWithShipmentsAsync(orderNumber, scope, ct)), cancellationToken);
    }

    /// <summary>A search hit with its items and shipments, from the supplier that found it.</summary>
    public Task<LookupResult> GetDetailsAsync(Order hit, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return AskAllAsync(hit.Supplier, scope, (s, ct) => s.GetDetailsAsync(hit, scope, ct), cancellationToken);
    }

    /// <summary>Orders by attributes across suppliers.</summary>
    public Task<LookupResult> SearchAsync(OrderSearch search, SupplierScope scope, SupplierId? only = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        return AskAllAsync(only, scope, (s, ct) => s.SearchAsync(search, scope, ct), cancellationToken);
    }

    private async Task<LookupResult> AskAllAsync(
        SupplierId? only,
        SupplierScope scope,
        Func<IOrderSupplier, CancellationToken, Task<SupplierResult>> ask,
        CancellationToken cancellationToken)
    {
        var asked = only is { } id ? _suppliers.Where(s => s.Id == id) : _suppliers;
        var results = await Task.WhenAll(asked.Select(s => scope.Deadline is { } deadline
            ? AskByAsync(s, deadline, scope.LateWindow, scope.BudgetWait, ask, cancellationToken)
            : AskOneAsync(s, ask, cancellationToken)));
        return new LookupResult(results);
    }

    /// <summary>
    /// One supplier, answered by <paramref name="deadline"/>: what has not arrived then is "did not answer in time"
    /// (never "not found"). The deadline also flows to the supplier's pipeline (<see cref="CallDeadline"/>), so a
    /// rate-limit pause that ends later is answered at once instead of waited out. The late call is stopped, or, when
    /// the scope allows a late answer, left running for <see cref="SupplierScope.LateWindow"/> more and handed back
    /// in <see cref="SupplierResult.Late"/>.
    /// </summary>
    private async Task<SupplierResult> AskByAsync(
        IOrderSupplier supplier,
        DateTimeOffset deadline,
        TimeSpan? lateWindow,
        TimeSpan? budgetWait,
        Func<IOrderSupplier, CancellationToken, Task<SupplierResult>> ask,
        CancellationToken cancellationToken)
    {
        var remaining = deadline - _time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return NoAnswerInTime(supplier.Id);
        }

        // The call's own source, not linked: a late call must outlive the turn (whose token ends with the request).
        // Until the deadline, the turn's cancellation still stops it.
        var call = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        Task<SupplierResult> answer;

        // A call that queues for our own budget past the deadline says so at once (SupplierGate): with a late window
        // the question is answered now ("I'll add it at T") and the call keeps its place; without one it gives up.
        var queued = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<DateTimeOffset, bool>? onQueued = lateWindow is { } allowed && allowed > TimeSpan.Zero
            ? at =>
            {
                queued.TrySetResult(at);
                return true;
            }
            : null;
        var detached = new StrongBox<bool>();
        using (cancellationToken.Register(static c => ((CancellationTokenSource)c!).Cancel(), call))
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using (CallDeadline.Use(deadline, deadline + lateWindow, onQueued, budgetWait))
            {
                Detached.Value = detached;
                answer = AskOneAsync(supplier, ask, call.Token);
                Detached.Value = null;
            }

            var expiry = Task.Delay(remaining, _time, timer.Token);
            var first = await Task.WhenAny(answer, expiry, queued.Task);
            if (first == answer || answer.IsCompleted)
            {
                await timer.CancelAsync();
                call.Dispose();
                return await answer;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (first == queued.Task)
            {
                await timer.CancelAsync();
                detached.Value = true;
                var until = await queued.Task;
                Log.QueuedForBudget(_logger, supplier.Id, until);
                call.CancelAfter(deadline + lateWindow!.Value - _time.GetUtcNow());
                return BudgetUsed(supplier.Id, until) with { Late = LateAsync(supplier.Id, answer, call) };
            }
        }

        Log.NoAnswerInTime(_logger, supplier.Id);
        if (lateWindow is { } window && window > TimeSpan.Zero)
        {
            detached.Value = true;
            call.CancelAfter(window);
            return NoAnswerInTime(supplier.Id) with { Late = LateAsync(supplier.Id, answer, call) };
        }

        await call.CancelAsync();

        // A supplier that already had its answer when the deadline fired finishes without looking at the token: that
        // answer was in time and is kept. One still calling ends at the cancellation (bounded, in case it ignores it).
        await Task.WhenAny(answer, Task.Delay(SettleGrace, TimeProvider.System, CancellationToken.None));
        call.Dispose();
        if (answer.IsCompletedSuccessfully && answer.Result.Problem?.Kind is not SupplierProblemKind.Timeout)
        {
            return answer.Result;
        }

        // The stopped call ends with a cancellation nobody awaits; observe it so it is not reported as unobserved.
        _ = answer.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return NoAnswerInTime(supplier.Id);
    }

    /// <summary>How long a call stopped at the deadline may take to settle before it is left behind.</summary>
    private static readonly TimeSpan SettleGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>The late call's answer; a stop at the end of the late window is "did not answer in time" again.</summary>
    private static async Task<SupplierResult> LateAsync(SupplierId supplier, Task<SupplierResult> answer, CancellationTokenSource call)
    {
        try
        {
            return await answer;
        }
        catch (OperationCanceledException)
        {
            return NoAnswerInTime(supplier);
        }
        finally
        {
            call.Dispose();
        }
    }

    /// <summary>Our own budget for the supplier has no call before <paramref name="until"/>; its late answer follows.</summary>
    private static SupplierResult BudgetUsed(SupplierId supplier, DateTimeOffset until) => SupplierResult.Failed(new SupplierProblem(
        supplier,
        SupplierProblemKind.BudgetUsed,
        $"I've used this minute's {SupplierNames.Display(supplier)} allowance.",
        until,
        "local rate budget, queued past the turn deadline") { AnswerFollows = true });

    private static SupplierResult NoAnswerInTime(SupplierId supplier) => SupplierResult.Failed(new SupplierProblem(
        supplier,
        SupplierProblemKind.Timeout,
        $"{SupplierNames.Display(supplier)} did not answer in time.",
        Detail: "turn deadline"));

    private async Task<SupplierResult> AskOneAsync(
        IOrderSupplier supplier,
        Func<IOrderSupplier, CancellationToken, Task<SupplierResult>> ask,
        CancellationToken cancellationToken)
    {
        try
        {
            // Task.Run: a supplier that blocks synchronously before its first await must not delay the other.
            return await Task.Run(() => ask(supplier, cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The seam promises values for expected outcomes; anything else is a bug or an unexpected fault.
            // It still must not fail the turn: the other supplier's answer is worth showing.
            Log.SupplierFailed(_logger, exception, supplier.Id);
            var problem = new SupplierProblem(
                supplier.Id,
                exception is TimeoutException or OperationCanceledException ? SupplierProblemKind.Timeout : SupplierProblemKind.ServerError,
                $"{SupplierNames.Display(supplier.Id)} could not be reached just now.",
                Detail: exception.GetType().Name);
            return SupplierResult.Failed(problem);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Supplier {Supplier} failed unexpectedly")]
        public static partial void SupplierFailed(ILogger logger, Exception exception, SupplierId supplier);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Supplier {Supplier} did not answer by the turn's deadline")]
        public static partial void NoAnswerInTime(ILogger logger, SupplierId supplier);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Supplier {Supplier} call queued for our own budget until {Until}; answered without it, the late answer follows")]
        public static partial void QueuedForBudget(ILogger logger, SupplierId supplier, DateTimeOffset until);
    }
}
