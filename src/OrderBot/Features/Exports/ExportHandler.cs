using System.Globalization;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Schema;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Exports;

/// <summary>
/// "export open orders to excel", "csv of the serials on PO 201120/1", and the Export buttons (verb
/// <see cref="Verb"/>): the rows as a file — a Teams file offer in personal chat, a signed download link elsewhere.
/// </summary>
public sealed class ExportHandler : IIntentHandler, IActionHandler
{
    public const string Verb = Cards.CardActions.Verbs.OrderExport;

    private readonly OrderStatusService _orders;
    private readonly OrderLookup _lookup;
    private readonly ExportService _exports;
    private readonly ConversationOptions _conversation;
    private readonly TimeProvider _time;

    public ExportHandler(OrderStatusService orders, OrderLookup lookup, ExportService exports, Microsoft.Extensions.Options.IOptions<ConversationOptions> conversation, TimeProvider time)
    {
        _orders = orders;
        _lookup = lookup;
        _exports = exports;
        _conversation = conversation.Value;
        _time = time;
    }

    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.OrderExport];

    IReadOnlyCollection<string> IActionHandler.Verbs { get; } = [Verb];

    public async Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recognized);
        var format = Format(recognized.Entities.GetValueOrDefault(EntityKeys.Format), recognized.Text);
        if (recognized.AnyIdentifier is { } identifier)
        {
            return await ExportOrderAsync(scope, identifier, recognized.Po is not null, recognized.Supplier, format, cancellationToken);
        }

        return await ExportListAsync(scope, OrderListQuery.FromRecognized(recognized), format, cancellationToken);
    }

    /// <summary>An Export button: data <c>query</c> (a list) or <c>supplier</c> + <c>order</c> (its lines), and <c>format</c>.</summary>
    public async Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var format = Format(data.GetValueOrDefault(Cards.CardActions.Keys.Format), string.Empty);
        if (OrderListQuery.TryDecode(data.GetValueOrDefault(Cards.CardActions.Keys.Query), out var list))
        {
            return await ExportListAsync(scope, list, format, cancellationToken);
        }

        if (data.GetValueOrDefault(Cards.CardActions.Keys.Order) is { Length: > 0 } order)
        {
            SupplierId? supplier = SupplierNames.TryParseKey(data.GetValueOrDefault(Cards.CardActions.Keys.Supplier) ?? string.Empty, out var s) ? s : null;
            return await ExportOrderAsync(scope, order, byPo: false, supplier, format, cancellationToken);
        }

        return Reply.FromText("That export button has expired. Ask me again, e.g. \"export open orders to excel\".");
    }

    internal static ExportFormat Format(string? entity, string text) =>
        string.Equals(entity, "csv", StringComparison.OrdinalIgnoreCase)
        || (entity is null && text.Contains("csv", StringComparison.OrdinalIgnoreCase))
            ? ExportFormat.Csv
            : ExportFormat.Xlsx;

    private async Task<Reply> ExportListAsync(TurnScope scope, OrderListQuery query, ExportFormat format, CancellationToken cancellationToken)
    {
        using var typing = scope.Turn.StartTyping(cancellationToken);
        var result = await _orders.SearchAsync(query, scope.Settings, scope.Card.TimeZone, cancellationToken);
        if (result.AllFailed)
        {
            return Reply.FromText($"I couldn't export {query.Title()}: {string.Join(" ", result.Problems.Select(p => p.Message))}");
        }

        var (limited, notes) = OrderListLimits.Apply(query, result.Orders.OrderByDescending(o => o.OrderDate), scope.Card, null);
        var missing = result.Problems.Select(p => p.Message).ToList();
        var table = ExportTable.FromOrders(query.Title(), limited);
        return await DeliverAsync(scope, table, format, query.Title(), [.. notes, .. missing], cancellationToken);
    }

    private async Task<Reply> ExportOrderAsync(TurnScope scope, string identifier, bool byPo, SupplierId? supplier, ExportFormat format, CancellationToken cancellationToken)
    {
        using var typing = scope.Turn.StartTyping(cancellationToken);
        var suppliers = supplier is { } only ? [only] : _lookup.Suppliers;
        var found = new List<Order>();
        foreach (var each in suppliers)
        {
            var supplierScope = scope.Settings.ScopeFor(each, null, each == SupplierId.Schneider ? _conversation.DefaultSchneiderCountry : null)
                with { Deadline = _time.GetUtcNow() + _conversation.TurnDeadline };
            var hits = byPo
                ? await _lookup.FindByPoAsync(identifier, supplierScope, each, cancellationToken)
                : await _lookup.GetOrderAsync(identifier, supplierScope, each, cancellationToken);
            foreach (var hit in hits.Orders)
            {
                var full = hit.HasDetails ? hit : (await _lookup.GetDetailsAsync(hit, supplierScope, cancellationToken)).Orders.FirstOrDefault() ?? hit;
                found.Add(full);
            }
        }

        if (found.Count == 0)
        {
            return Reply.FromText($"I found no order {identifier} to export (searched {string.Join(" and ", suppliers.Select(SupplierNames.Display))}).");
        }

        var table = found.Select(ExportTable.FromLines).Aggregate((a, b) => a with { Rows = [.. a.Rows, .. b.Rows] });
        var name = (byPo ? "PO " : "order ") + identifier;
        return await DeliverAsync(scope, table with { Name = (byPo ? "PO-" : "order-") + identifier + "-lines" }, format, $"the lines of {name}", [], cancellationToken);
    }

    private async Task<Reply> DeliverAsync(TurnScope scope, ExportTable table, ExportFormat format, string what, IReadOnlyList<string> notes, CancellationToken cancellationToken)
    {
        var file = await _exports.SaveAsync(table, format, cancellationToken);
        var rows = Math.Min(table.Rows.Count, _exports.Options.MaxRows);
        var count = $"{rows.ToString("N0", CultureInfo.InvariantCulture)} row{(rows == 1 ? string.Empty : "s")}";
        var capped = table.Rows.Count > rows ? $" (the first {count} of {table.Rows.Count.ToString("N0", CultureInfo.InvariantCulture)})" : string.Empty;
        var notesText = notes.Count == 0 ? string.Empty : " " + string.Join(" ", notes);
        if (scope.Asker.IsPersonal)
        {
            var offer = Activity.CreateMessage();
            offer.Attachments = [FileConsent.Offer(file, $"{what}: {count}")];
            await scope.Turn.SendAsync(offer, cancellationToken);
            return Reply.FromText($"{file.FileName} is ready: {what}, {count}{capped}. Choose Allow on the file offer and I'll put it in your OneDrive.{notesText}");
        }

        var link = await _exports.LinkAsync(file, cancellationToken);
        var minutes = (int)_exports.Options.LinkLifetime.TotalMinutes;
        var text = $"{file.FileName} is ready: {what}, {count}{capped}. [Download it]({link.AbsoluteUri}) — the link works for {minutes} minutes.{notesText}";

        // A card, so a button's answer is posted as a message of its own (an invoke's short answer would not keep the link).
        var card = new AdaptiveCards.AdaptiveCard
        {
            FallbackText = text,
            Body =
            [
                new AdaptiveCards.TextBlock(AdaptiveCards.CardText.Escape($"{file.FileName} is ready")) { Weight = AdaptiveCards.TextWeight.Bolder },
                new AdaptiveCards.TextBlock(AdaptiveCards.CardText.Escape($"{what}: {count}{capped}. The link works for {minutes} minutes.{notesText}")) { IsSubtle = true },
                new AdaptiveCards.ActionSet { Actions = [new AdaptiveCards.OpenUrlAction { Title = "Download", Url = link }] },
            ],
        };
        return Reply.FromCard(card, text);
    }
}
