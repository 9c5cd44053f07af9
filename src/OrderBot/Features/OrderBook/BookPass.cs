using System.Globalization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>
/// One sync pass over an account's book: full (the whole <c>OrderBook:Days</c> window) or recent (from the oldest
/// open or held order on), its fixed order-date range, and where its reader stands. Its text form is the cursor
/// <c>book_sync</c> keeps after every page, so a crashed pass resumes with the same range at the same page.
/// </summary>
internal sealed record BookPass(bool Full, DateTimeOffset From, DateTimeOffset To, string? ReaderCursor)
{
    /// <summary>The reader cursor after the last page: every page is stored, only completing remains.</summary>
    public const string Done = "$done";

    public bool AllRead => ReaderCursor == Done;

    public string Kind => Full ? "full" : "recent";

    public string Encode() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind}|{From.ToUnixTimeMilliseconds()}|{To.ToUnixTimeMilliseconds()}|{ReaderCursor}");

    public static BookPass Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var parts = cursor.Split('|', 4);
        if (parts.Length != 4
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var to))
        {
            throw new FormatException($"'{cursor}' is not an order book cursor.");
        }

        return new BookPass(parts[0] == "full", DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to), parts[3].Length == 0 ? null : parts[3]);
    }

    /// <summary>
    /// The adaptive refresh rule — whether an account is due, and for which pass:
    /// <list type="bullet">
    /// <item>never completed, or a pass under way (its cursor is kept): due now (a new full pass, or the resumed one);</item>
    /// <item>open or held orders in the book: due <paramref name="interval"/> after the last completed pass; a recent
    /// pass (from the oldest open or held order's date, so every order that can still change is re-read, and new ones
    /// too), unless the last full pass is 6 × <paramref name="interval"/> old: then full, which also drops orders that
    /// left the window or vanished;</item>
    /// <item>only final orders (shipped, invoiced, cancelled — they rarely change): a full pass every 6 × <paramref name="interval"/>.</item>
    /// </list>
    /// Schneider's search has no date filter, so a recent pass would read every page anyway: its passes are all full.
    /// Null: not due.
    /// </summary>
    public static BookPass? Plan(
        SupplierId supplier, BookSyncState? state, int openOrders, DateTimeOffset? oldestOpen, DateTimeOffset now, int days, TimeSpan interval)
    {
        if (state?.Cursor is { } cursor)
        {
            return Decode(cursor);
        }

        var to = CeilingSecond(now);
        var windowStart = FloorSecond(now - TimeSpan.FromDays(days));
        var full = new BookPass(true, windowStart, to, null);
        if (state?.CompletedAt is not { } completed || state.FullCompletedAt is not { } fullCompleted)
        {
            return full;
        }

        var slow = interval * 6;
        if (openOrders == 0)
        {
            return now - completed >= slow ? full : null;
        }

        if (now - completed < interval)
        {
            return null;
        }

        if (supplier == SupplierId.Schneider || now - fullCompleted >= slow || oldestOpen is not { } oldest)
        {
            return full;
        }

        var from = FloorSecond(oldest > windowStart ? oldest : windowStart);
        return new BookPass(false, from, to, null);
    }

    private static DateTimeOffset FloorSecond(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    private static DateTimeOffset CeilingSecond(DateTimeOffset value)
    {
        var floor = FloorSecond(value);
        return floor == value ? value : floor.AddSeconds(1);
    }
}
