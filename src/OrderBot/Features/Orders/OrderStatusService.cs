using Microsoft.Extensions.Options;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>The answer to an order question, and what kind of answer it is.</summary>
/// <param name="Reply">What to show.</param>
/// <param name="Kind">Which answer this is, one of <see cref="AnswerKinds"/> (for telemetry).</param>
public sealed record OrderAnswer(Reply Reply, string Kind)
{
    /// <summary>True when a supplier could not be asked but the others' answer went out.</summary>
    public bool Partial { get; init; }

    /// <summary>The orders the answer is about (empty when none were found).</summary>
    public IReadOnlyList<Order> Orders { get; init; } = [];

    /// <summary>
    /// Supplier calls still running after the deadline (asked with a late window): when one ends with an answer, the
    /// question can be answered again, complete, and the posted card updated.
    /// </summary>
    public IReadOnlyList<Task<SupplierResult>> Late { get; init; } = [];

    /// <summary>The suppliers that could not be asked (named in the answer), empty when every one answered.</summary>
    public IReadOnlyList<SupplierProblem> Problems { get; init; } = [];

    public static OrderAnswer Of(Reply reply, string kind, bool partial = false) => new(reply, kind) { Partial = partial };
}

/// <summary>
/// Answers "where is PO / order X": asks the suppliers in scope (each with its own country and account from the
/// question, the user, the channel or the default), then picks the card that fits what came back.
/// </summary>
public sealed partial class OrderStatusService
{
    private readonly OrderLookup _lookup;
    private readonly IOptions<ConversationOptions> _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IOrderReadObserver> _readers;
    private readonly OrderBook.IOrderBook? _book;
    private readonly Microsoft.Extensions.Logging.ILogger<OrderStatusService>? _logger;

    /// <summary>Without a <c>book</c> (none exists, or <c>OrderBook:Enabled</c> is false) every answer is asked live.</summary>
    public OrderStatusService(
        OrderLookup lookup,
        IOptions<ConversationOptions> options,
        TimeProvider? time = null,
        IEnumerable<IOrderReadObserver>? readers = null,
        OrderBook.IOrderBook? book = null,
        Microsoft.Extensions.Logging.ILogger<OrderStatusService>? logger = null,
        IOptions<OrderBook.OrderBookOptions>? bookOptions = null)
    {
        _lookup = lookup;
        _options = options;
        _time = time ?? TimeProvider.System;
        _readers = [.. readers ?? []];
        _book = bookOptions?.Value.Enabled == false ? null : book;
        _logger = logger;
    }

    /// <summary>Tells the observers (<see cref="IOrderReadObserver"/>) about the orders of an answer that came with their details.</summary>
    private async Task ObserveAsync(IEnumerable<Order> orders, CancellationToken cancellationToken)
    {
        if (_readers.Count == 0)
        {
            return;
        }

        var detailed = orders.Where(o => o.HasDetails).ToList();
        if (detailed.Count == 0)
        {
            return;
        }

        foreach (var reader in _readers)
        {
            await reader.OrdersReadAsync(detailed, cancellationToken);
        }
    }

    /// <summary>When the answer being built must go out: every supplier call of this question shares it;
    /// <paramref name="budget"/> overrides the turn's deadline for surfaces with a shorter limit (message extensions).</summary>
    private DateTimeOffset Deadline(TimeSpan? budget = null) => _time.GetUtcNow() + (budget ?? _options.Value.TurnDeadline);

    /// <summary>The suppliers a question goes to: the one named, else all configured.</summary>
    public IReadOnlyList<SupplierId> SuppliersFor(SupplierId? named) =>
        named is { } one ? [.. _lookup.Suppliers.Where(s => s == one)] : _lookup.Suppliers;

    /// <summary>True when Schneider would be asked without any country to search.</summary>
    public bool LacksSchneiderCountry(OrderQuestion question, EffectiveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(settings);
        return SuppliersFor(question.Supplier).Contains(SupplierId.Schneider)
            && string.IsNullOrWhiteSpace(settings.ScopeFor(SupplierId.Schneider, question.Country, _options.Value.DefaultSchneiderCountry).Country);
    }

    /// <summary>
    /// Answers a typed question. The caller has checked <see cref="LacksSchneiderCountry"/> first (once: the chat
    /// asks for the country, the message extension says it needs one). <paramref name="allowLate"/>: a supplier still working at the deadline is left running
    /// for <see cref="ConversationOptions.LateAnswerWindow"/> and handed back in <see cref="OrderAnswer.Late"/>.
    /// </summary>
    public Task<OrderAnswer> AnswerAsync(OrderQuestion question, EffectiveSettings settings, CardContext context, int page, CancellationToken cancellationToken, bool allowLate = false) =>
        AnswerAsync(question, settings, context, page, null, cancellationToken, allowLate);

    /// <summary>The same, every supplier call within <paramref name="budget"/> (null: the turn's deadline).</summary>
    public async Task<OrderAnswer> AnswerAsync(OrderQuestion question, EffectiveSettings settings, CardContext context, int page, TimeSpan? budget, CancellationToken cancellationToken, bool allowLate = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        var deadline = Deadline(budget);
        var late = allowLate && _options.Value.LateAnswerWindow > TimeSpan.Zero ? _options.Value.LateAnswerWindow : (TimeSpan?)null;
        var (result, book) = await FindAsync(question, settings, deadline, late, cancellationToken);
        var answer = WithBookNote(await AnswerFoundAsync(question, result, settings, context, page, deadline, cancellationToken), book, context);
        await ObserveAsync(result.Orders, cancellationToken);
        return answer with { Late = [.. result.Results.Select(r => r.Late).OfType<Task<SupplierResult>>()] };
    }

    private async Task<OrderAnswer> AnswerFoundAsync(OrderQuestion question, LookupResult result, EffectiveSettings settings, CardContext context, int page, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var orders = result.Orders.ToList();
        var problems = result.Problems.ToList();
        if (orders.Count == 0)
        {
            var none = result.AllFailed
                ? OrderAnswer.Of(Reply.FromCard(SupplierUnavailableCard.Build([.. result.Problems], context, question.Text)), AnswerKinds.Unavailable)
                : OrderAnswer.Of(Reply.FromCard(NothingFoundCard.Build(question.SearchedFor, result.Results, context, question.Text)), AnswerKinds.NotFound, result.IsPartial);
            return none with { Problems = problems };
        }

        // One order and a complete answer: the order itself. A PO with a supplier missing keeps the summary, which
        // names the supplier that could not be asked, so "1 order" is never mistaken for "the only order".
        if (orders.Count == 1 && (question.Po is null || !result.IsPartial))
        {
            var single = await SingleAsync(question.Kind, orders[0], settings, context, [.. result.Problems], deadline, cancellationToken,
                result.Results.FirstOrDefault(r => r.Supplier == orders[0].Supplier)?.ScopeNote);
            // The detailed order (items, shipments) when one was fetched: what a lead about tracking reads.
            return single with { Partial = result.IsPartial, Orders = single.Orders.Count > 0 ? single.Orders : orders, Problems = problems };
        }

        // Several orders: for a PO they are the PO's parts (show them together); otherwise the user must pick.
        var sharedPo = question is { RefAsSharedPo: true, Ref: { } reference } && orders.All(o => string.Equals(o.CustomerPo, reference, StringComparison.OrdinalIgnoreCase))
            ? reference
            : null;
        var answer = (question.Po ?? sharedPo) is { } po
            ? OrderAnswer.Of(Reply.FromCard(PoSummaryCard.Build(po, result, context, page, question.PagingQuery, question.Text)), AnswerKinds.PoSummary, result.IsPartial)
            : OrderAnswer.Of(Reply.FromCard(PickListCard.Build(question.SearchedFor, orders, context, question.PagingQuery, page)), AnswerKinds.PickList, result.IsPartial);
        return answer with { Orders = orders, Problems = problems };
    }

    /// <summary>One order by supplier and number (card buttons): status, or items and shipments. <c>fresh</c> (Refresh)
    /// asks the supplier even when a recent answer is cached.</summary>
    public Task<OrderAnswer> AnswerOrderAsync(SupplierId supplier, string orderNumber, OrderAnswerKind kind, EffectiveSettings settings, CardContext context, int page, CancellationToken cancellationToken, bool fresh = false) =>
        AnswerOrderAsync(supplier, orderNumber, kind, settings, context, page, Deadline(), cancellationToken, fresh);

    /// <summary>One order's status card by supplier and number, every call within <paramref name="budget"/>.</summary>
    public Task<OrderAnswer> AnswerOrderWithinAsync(SupplierId supplier, string orderNumber, EffectiveSettings settings, CardContext context, TimeSpan budget, CancellationToken cancellationToken) =>
        AnswerOrderAsync(supplier, orderNumber, OrderAnswerKind.Status, settings, context, 1, Deadline(budget), cancellationToken);

    private async Task<OrderAnswer> AnswerOrderAsync(SupplierId supplier, string orderNumber, OrderAnswerKind kind, EffectiveSettings settings, CardContext context, int page, DateTimeOffset deadline, CancellationToken cancellationToken, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = ScopeFor(supplier, null, settings, deadline) with { Fresh = fresh };
        var result = kind == OrderAnswerKind.Status
            ? await _lookup.GetOrderAsync(orderNumber, scope, supplier, cancellationToken)
            : await _lookup.GetOrderWithShipmentsAsync(orderNumber, scope, supplier, cancellationToken);
        // Details (lines, shipments) stay live; the book's copy stands in only for the status.
        var asked = new OrderQuestion(orderNumber, kind, null, orderNumber, null, supplier, null);
        var (booked, read) = await BookedAsync(asked, scope, supplier, result.Results, cancellationToken);
        result = new LookupResult(booked);
        IReadOnlyList<BookRead> book = read is null ? [] : [read];
        await ObserveAsync(result.Orders, cancellationToken);
        var order = result.Orders.FirstOrDefault();
        if (order is null)
        {
            return result.AllFailed
                ? OrderAnswer.Of(Reply.FromCard(SupplierUnavailableCard.Build([.. result.Problems], context)), AnswerKinds.Unavailable)
                : OrderAnswer.Of(Reply.FromCard(NothingFoundCard.Build($"order {orderNumber}", result.Results, context)), AnswerKinds.NotFound);
        }

        var answer = kind == OrderAnswerKind.Status
            ? OrderAnswer.Of(Reply.FromCard(OrderStatusCard.Build(order, context)), AnswerKinds.Order)
            : OrderAnswer.Of(Reply.FromCard(ItemsCard.Build(order, context, page)), AnswerKinds.Items);
        return WithBookNote(answer with { Orders = [order] }, book, context);
    }

    private async Task<OrderAnswer> SingleAsync(OrderAnswerKind kind, Order order, EffectiveSettings settings, CardContext context, IReadOnlyList<SupplierProblem> problems, DateTimeOffset deadline, CancellationToken cancellationToken, string? scopeNote = null)
    {
        var note = problems.Count == 0
            ? null
            : "Partial answer: " + string.Join(" ", problems.Select(p => CardParts.ProblemSentence(p, context)));
        if (kind == OrderAnswerKind.Status)
        {
            return OrderAnswer.Of(Reply.FromCard(OrderStatusCard.Build(order, context, scopeNote), note), AnswerKinds.Order);
        }

        var detailed = await AnswerOrderAsync(order.Supplier, order.OrderNumber, kind, settings, context, 1, deadline, cancellationToken);
        return detailed with { Reply = detailed.Reply with { Text = note } };
    }

    /// <summary>Each supplier with its own scope, all at once (and the book, when there is one: see <see cref="BookedAsync"/>).</summary>
    private async Task<(LookupResult Result, IReadOnlyList<BookRead> Book)> FindAsync(OrderQuestion question, EffectiveSettings settings, DateTimeOffset deadline, TimeSpan? late, CancellationToken cancellationToken)
    {
        var asks = SuppliersFor(question.Supplier).Select(async supplier =>
        {
            var scope = ScopeFor(supplier, question.Country, settings, deadline) with { LateWindow = late };
            // The book first: when it can answer on its own, the live ask takes only budget free now and is not left
            // running past the deadline (BookCopy.cs).
            var copy = await ReadCopyAsync(question, scope, supplier, cancellationToken);
            var asked = copy is { Answers: true } ? scope with { BudgetWait = TimeSpan.Zero, LateWindow = null } : scope;
            var live = Noted(await AskLiveAsync(question, asked, supplier, cancellationToken), settings.NarrowingNote(supplier, question.Country));
            return await BookedAsync(question, scope, supplier, live, cancellationToken, copy);
        });
        var results = await Task.WhenAll(asks);
        return (new LookupResult([.. results.SelectMany(r => r.Results)]), [.. results.Select(r => r.Read).OfType<BookRead>()]);
    }

    /// <summary>One supplier asked now; a reference is tried as PO and as order number.</summary>
    private async Task<IReadOnlyList<SupplierResult>> AskLiveAsync(OrderQuestion question, SupplierScope scope, SupplierId supplier, CancellationToken cancellationToken)
    {
        if (question.Po is { } po)
        {
            var found = await _lookup.FindByPoAsync(po, scope, supplier, cancellationToken);
            return await WithShipmentsAsync(found.Results, scope, cancellationToken);
        }

        if (question.OrderNumber is { } number)
        {
            return (await _lookup.GetOrderAsync(number, scope, supplier, cancellationToken)).Results;
        }

        var both = await Task.WhenAll(
            _lookup.FindByPoAsync(question.Ref!, scope, supplier, cancellationToken),
            _lookup.GetOrderAsync(question.Ref!, scope, supplier, cancellationToken));
        return [Merge(supplier, both[0], both[1])];
    }

    /// <summary>Each answer carries how the asker's saved settings narrowed it (the card's "where I looked").</summary>
    private static IReadOnlyList<SupplierResult> Noted(IReadOnlyList<SupplierResult> results, string? note) =>
        note is null ? results : [.. results.Select(r => r with { ScopeNote = note })];

    /// <summary>Orders matching a list's filters, each supplier asked with its own scope.</summary>
    public Task<LookupResult> SearchAsync(OrderListQuery query, EffectiveSettings settings, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        SearchAsync(query, settings, zone, null, cancellationToken);

    /// <summary>The same, every supplier call within <paramref name="budget"/> (null: the turn's deadline).</summary>
    public async Task<LookupResult> SearchAsync(OrderListQuery query, EffectiveSettings settings, TimeZoneInfo zone, TimeSpan? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = query.ToSearch(zone);
        var deadline = Deadline(budget);
        var results = await Task.WhenAll(SuppliersFor(query.Supplier).Select(async supplier =>
            Noted((await _lookup.SearchAsync(search, ScopeFor(supplier, query.Country, settings, deadline), supplier, cancellationToken)).Results, settings.NarrowingNote(supplier, query.Country))));
        var found = new LookupResult([.. results.SelectMany(r => r)]);
        await ObserveAsync(found.Orders, cancellationToken);
        return found;
    }

    private SupplierScope ScopeFor(SupplierId supplier, string? country, EffectiveSettings settings, DateTimeOffset deadline) =>
        settings.ScopeFor(supplier, country, supplier == SupplierId.Schneider ? _options.Value.DefaultSchneiderCountry : null) with { Deadline = deadline };
}
