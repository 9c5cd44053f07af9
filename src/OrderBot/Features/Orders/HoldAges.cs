using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>
/// When an order's hold began, as far as OrderBot knows: the suppliers' answers carry no hold date, so only the
/// watcher can tell, from the poll that first saw the hold. <see cref="AtLeast"/>: the watcher's first look already
/// found it on hold, so the hold is at least that old.
/// </summary>
public sealed record HoldAge(DateTimeOffset Since, bool AtLeast);

/// <summary>The hold ages the watcher knows (registered by the alerts feature; without it, none are known).</summary>
public interface IHoldAges
{
    Task<HoldAge?> OfAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default);
}
