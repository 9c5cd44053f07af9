using System.Text.RegularExpressions;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Schema;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.MessageExtension;

public sealed partial class MessageExtensionHandler
{
    internal const string NothingWatched = "No orders are watched here yet. " + Hint;

    /// <summary>
    /// Free text through the recognizer: an identifier ("201120/1", "PO CUSTPO") is answered as in chat; filters
    /// ("on hold at ingram") list the matching orders. <paramref name="share"/>: one card for the whole answer (a PO's
    /// summary) instead of one result per order.
    /// </summary>
    private async Task<Results> SearchAsync(TurnScope scope, string text, CancellationToken cancellationToken, bool share = false)
    {
        var recognized = _recognizer.Recognize(text, scope.Recognizer);
        if (recognized.Intent == Intents.OrderFind && _finder is not null && Find.FindQuery.From(recognized) is { } find && !share)
        {
            return await FindAsync(scope, find, cancellationToken);
        }

        if (OrderQuestion.From(recognized) is { } found)
        {
            var question = found with { Kind = OrderAnswerKind.Status };
            if (_orders.LacksSchneiderCountry(question, scope.Settings))
            {
                return Results.Say(NeedsCountry);
            }

            var answer = await _orders.AnswerAsync(question, scope.Settings, scope.Card, 1, Budget, cancellationToken);
            return share && answer.Reply.Card is { } card
                ? new Results([WithPreview(card, Preview(answer, scope.Card, question.SearchedFor))])
                : new Results(ResultsOf(answer, scope.Card, question.SearchedFor));
        }

        if (recognized.Intent == Intents.OrderList && !share)
        {
            return await ListAsync(scope, OrderListQuery.FromRecognized(recognized), cancellationToken);
        }

        return Results.Say(Hint);
    }

    /// <summary>
    /// "serial SN12345", "tracking 1Z…": one result per order found (the order as it is now when one was found, else
    /// as last read); none: what was searched, in the message.
    /// </summary>
    private async Task<Results> FindAsync(TurnScope scope, Find.FindQuery query, CancellationToken cancellationToken)
    {
        var outcome = await _finder!.FindAsync(query, scope.Settings, scope.Card, Budget, cancellationToken);
        var orders = Find.FindAnswer.FoundOrders(outcome);
        if (orders.Count == 0)
        {
            return Results.Say($"{Find.FindAnswer.Lead(outcome, scope.Card)} {Find.FindAnswer.Searched(outcome, scope.Card)}");
        }

        var results = orders.Take(_options.Value.MaxResults).Select(o => OrderResult(o, scope.Card)).ToList();
        var problems = outcome.AsPo?.Problems ?? [];
        if (problems.Count > 0)
        {
            results.Insert(0, Unavailable(problems, scope.Card, query.SearchedFor));
        }

        return new Results(results);
    }

    internal const string NeedsCountry = "To search Schneider Electric I need a country: add it to the search (\"201120/1 in FR\") or tell OrderBot \"set my Schneider country to FR\".";

    private async Task<Results> ListAsync(TurnScope scope, OrderListQuery query, CancellationToken cancellationToken)
    {
        var probe = new OrderQuestion(query.Title(), OrderAnswerKind.Status, null, null, "list", query.Supplier, query.Country);
        if (_orders.LacksSchneiderCountry(probe, scope.Settings))
        {
            return Results.Say(NeedsCountry);
        }

        var list = await _orders.ListAsync(query, scope.Settings, scope.Card.TimeZone, Budget, cancellationToken);
        var result = list.Found;
        var problems = result.Problems.ToList();
        if (result.AllFailed)
        {
            return new Results([Unavailable(problems, scope.Card, query.Title())]);
        }

        var (orders, _) = OrderListLimits.Apply(query, result.Orders.OrderByDescending(o => o.OrderDate), scope.Card);
        // The book holds every order, not a supplier's newest page: the flyout shows the first of them.
        var attachments = (list.AnyBook ? orders.Take(_options.Value.MaxResults) : orders).Select(o => OrderResult(o, scope.Card)).ToList();
        if (problems.Count > 0)
        {
            attachments.Insert(0, Unavailable(problems, scope.Card, query.Title()));
        }

        var asOf = BookWording.AsOf(list, scope.Card);
        return attachments.Count == 0 ? Results.Say($"No {query.Title()} {(asOf.Length > 0 ? asOf.Trim() : "right now")}.") : new Results(attachments);
    }

    /// <summary>The orders watched in this conversation, newest subscription first, each looked up now.</summary>
    private async Task<Results> WatchedAsync(TurnScope scope, CancellationToken cancellationToken)
    {
        var watched = new List<(SupplierId Supplier, string OrderNumber)>();
        foreach (var key in scope.Card.Watching.Keys.Take(_options.Value.MaxResults))
        {
            if (key.Split(':', 2) is [var supplierKey, var number] && SupplierNames.TryParseKey(supplierKey, out var supplier))
            {
                watched.Add((supplier, number));
            }
        }

        if (watched.Count == 0)
        {
            return Results.Say(NothingWatched);
        }

        var answers = await Task.WhenAll(watched.Select(w =>
            _orders.AnswerOrderWithinAsync(w.Supplier, w.OrderNumber, scope.Settings, scope.Card, Budget, cancellationToken)));
        return new Results([.. answers.SelectMany((a, i) => ResultsOf(a, scope.Card, $"order {watched[i].OrderNumber}"))]);
    }

    /// <summary>
    /// One result per order, each the order card; a supplier that could not be asked comes first, named, so nobody
    /// reads the list as complete. No order: the chat's own answer (nothing found, or who is unavailable).
    /// </summary>
    private static List<Attachment> ResultsOf(OrderAnswer answer, CardContext context, string searchedFor)
    {
        if (answer.Orders.Count == 0)
        {
            return answer.Reply.Card is { } card ? [WithPreview(card, Preview(answer, context, searchedFor))] : [];
        }

        var results = answer.Orders.Select(o => OrderResult(o, context)).ToList();
        if (answer.Problems.Count > 0)
        {
            results.Insert(0, Unavailable(answer.Problems, context, searchedFor));
        }

        return results;
    }

    private static Attachment OrderResult(Order order, CardContext context) =>
        WithPreview(OrderStatusCard.Build(order, context), Preview(order));

    private static Attachment Unavailable(IReadOnlyList<SupplierProblem> problems, CardContext context, string searchedFor) =>
        WithPreview(
            SupplierUnavailableCard.Build(problems, context, searchedFor),
            new ThumbnailCard
            {
                Title = $"Partial answer for {searchedFor}: {CardParts.Names(problems.Select(p => p.Supplier))} missing",
                Text = Plain(string.Join(" ", problems.Select(p => CardParts.ProblemSentence(p, context)))),
            });

    /// <summary>
    /// "PO 201120/1 · Ingram 20-RD12K" / "On hold: waiting for credit approval" — short, because the flyout shows two
    /// lines of title (the card itself carries the full heading).
    /// </summary>
    internal static ThumbnailCard Preview(Order order)
    {
        var heading = $"{(order.Supplier == SupplierId.Ingram ? "Ingram" : "Schneider")} {order.OrderNumber}";
        var status = OrderStatusKeys.Display(order.Status.Status);
        return new ThumbnailCard
        {
            Title = order.CustomerPo is { Length: > 0 } po ? $"PO {po} · {heading}" : heading,
            Text = order.Holds is [var hold, ..] ? $"{status}: {hold.Explanation}" : status,
        };
    }

    private static ThumbnailCard Preview(OrderAnswer answer, CardContext context, string searchedFor)
    {
        if (answer.Orders is [var order])
        {
            return Preview(order);
        }

        var text = answer.Problems.Count > 0
            ? string.Join(" ", answer.Problems.Select(p => CardParts.ProblemSentence(p, context)))
            : answer.Orders.Count > 1 ? $"{answer.Orders.Count} orders" : $"Nothing found for {searchedFor}.";
        return new ThumbnailCard { Title = searchedFor, Text = Plain(text) };
    }

    private static Attachment WithPreview(AdaptiveCard card, ThumbnailCard preview)
    {
        var attachment = Reply.ToAttachment(card);
        attachment.Preview = preview.ToAttachment();
        return attachment;
    }

    /// <summary>Card text without its markdown escapes: a preview is a thumbnail card, shown as plain text.</summary>
    private static string Plain(string text) => Escaped().Replace(text, "$1");

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escaped();
}
