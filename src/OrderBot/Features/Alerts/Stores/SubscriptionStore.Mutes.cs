using OrderBot.Suppliers.Model;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Features.Alerts.Stores;

internal sealed partial class SubscriptionStore
{
    public async Task<bool> MuteAsync(string conversationId, SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var count = await ExecuteAsync(
            """
            INSERT INTO mute (conversation_id, supplier, order_number, created_at) VALUES (@conversation, @supplier, @order, @now)
            ON CONFLICT (conversation_id, supplier, order_number) DO NOTHING
            """,
            c =>
            {
                BindMute(c, conversationId, supplier, orderNumber);
                Bind(c, "now", NowMs);
            },
            cancellationToken);
        return count > 0;
    }

    public async Task<bool> UnmuteAsync(string conversationId, SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var count = await ExecuteAsync(
            "DELETE FROM mute WHERE conversation_id = @conversation AND supplier = @supplier AND order_number = @order",
            c => BindMute(c, conversationId, supplier, orderNumber),
            cancellationToken);
        return count > 0;
    }

    public async Task<bool> IsMutedAsync(string conversationId, SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var rows = await QueryAsync(
            "SELECT 1 FROM mute WHERE conversation_id = @conversation AND supplier = @supplier AND order_number = @order",
            c => BindMute(c, conversationId, supplier, orderNumber),
            _ => true,
            cancellationToken);
        return rows.Count > 0;
    }

    // Order numbers are keyed trimmed and upper-cased: users type "so-123" for "SO-123".
    private static void BindMute(System.Data.Common.DbCommand command, string conversationId, SupplierId supplier, string orderNumber)
    {
        Bind(command, "conversation", conversationId);
        Bind(command, "supplier", SupplierNames.Key(supplier));
        Bind(command, "order", orderNumber.Trim().ToUpperInvariant());
    }
}
