using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>
/// A single-order or PO question with the order book: the book is read first, then the supplier asked live. When the
/// book can answer on its own — it holds a copy of the order, or every account in scope has completed a sync without
/// a problem, so a PO it lacks is known to be absent as of that sync — the live call waits for no budget
/// (<see cref="SupplierScope.BudgetWait"/> zero: only a permit free now): the question is answered at once from the
/// book, worded with its age, rather than kept waiting on the limiter for a call that would only refresh it. Nor does
/// the call keep a place in the queue to update the card later (no late window): the book's answer is whole, and the
/// budget, when it frees, goes to the next question — asked live — instead of to refreshing this one.
/// </summary>
public sealed partial class OrderStatusService
{
    /// <summary>What the book holds for one question at one supplier, read before the live ask.</summary>
    /// <param name="Orders">Its copies of the order(s) asked about.</param>
    /// <param name="AsOf">How old those copies are, or (none held) the oldest completed sync of the accounts read.</param>
    /// <param name="Covers">Every account in scope has completed a sync, the last without a problem.</param>
    private sealed record BookCopy(IReadOnlyList<Order> Orders, DateTimeOffset? AsOf, bool Covers)
    {
        /// <summary>The book answers on its own: a copy with a known age, or a complete book that lacks the order.</summary>
        public bool Answers => AsOf is not null && (Orders.Count > 0 || Covers);
    }

    /// <summary>The book's copy for a status question (details stay live, so null for the others, and without a book).</summary>
    private async Task<BookCopy?> ReadCopyAsync(OrderQuestion question, SupplierScope scope, SupplierId supplier, CancellationToken cancellationToken)
    {
        if (_book is null || question.Kind != OrderAnswerKind.Status)
        {
            return null;
        }

        var asked = new BookQuery { Scope = scope with { Deadline = null }, Supplier = supplier, Limit = 100 };
        BookView[] views = question.Po is { } po ? [await _book.QueryAsync(asked with { CustomerPo = po }, cancellationToken)]
            : question.OrderNumber is { } number ? [await _book.QueryAsync(asked with { OrderNumber = number }, cancellationToken)]
            :
            [
                await _book.QueryAsync(asked with { CustomerPo = question.Ref }, cancellationToken),
                await _book.QueryAsync(asked with { OrderNumber = question.Ref }, cancellationToken),
            ];
        var orders = views.SelectMany(v => v.Orders).DistinctBy(o => o.OrderNumber, StringComparer.OrdinalIgnoreCase).ToList();
        var ages = views.Where(v => orders.Count == 0 || v.Orders.Count > 0).Select(v => v.AsOf).OfType<DateTimeOffset>().ToList();
        return new BookCopy(orders, ages.Count == 0 ? null : ages.Min(), views.All(Covers));
    }

    /// <summary>
    /// One supplier's live answer to a single-order or PO question, with the book: what it found is recorded; when it
    /// could not answer (our budget used, no answer in time, down), the book's copy answers instead, with its age —
    /// or, when the book covers the scope and holds no such order, the answer says so, with the book's age.
    /// <paramref name="copy"/>: the book as read before the live ask (null: read now).
    /// </summary>
    private async Task<(IReadOnlyList<SupplierResult> Results, BookRead? Read)> BookedAsync(
        OrderQuestion question, SupplierScope scope, SupplierId supplier, IReadOnlyList<SupplierResult> results, CancellationToken cancellationToken, BookCopy? copy = null)
    {
        if (_book is null)
        {
            return (results, null);
        }

        var seen = results.Where(r => r.Succeeded).SelectMany(r => r.Orders).ToList();
        if (seen.Count > 0)
        {
            await RecordAsync(seen, cancellationToken);
        }

        // Details (lines, serials, tracking) stay live: the book's copy stands in only for a status.
        if (question.Kind != OrderAnswerKind.Status || results.Any(r => r.Succeeded) || results.Select(r => r.Problem).OfType<SupplierProblem>().FirstOrDefault() is not { } problem
            || problem.Kind is SupplierProblemKind.InvalidRequest or SupplierProblemKind.NotConfigured)
        {
            return (results, null);
        }

        copy ??= await ReadCopyAsync(question, scope, supplier, cancellationToken);
        if (copy is not { Answers: true, AsOf: { } asOf })
        {
            return (results, null); // no copy, or none whose age is known: the supplier's problem is the answer
        }

        if (copy.Orders.Count == 0)
        {
            // The supplier's problem stays in the answer (it was not asked); the book adds that it has no such order.
            return (results, new BookRead(supplier, BookSource.NotInBook, asOf, [], problem));
        }

        var first = results[0];
        var found = SupplierResult.Found(supplier, copy.Orders, 0, "OrderBot's order book") with { ScopeNote = first.ScopeNote, Late = first.Late };
        return ([found], new BookRead(supplier, BookSource.BookAfterLive, asOf, [], problem));
    }
}
