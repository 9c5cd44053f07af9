using OrderBot.Features.Alerts;
using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>Which accounts a book stands in for: complete and fresh ones only, matched by supplier, account and country.</summary>
public sealed class BookCoverageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);
    private static readonly BookAccount Ingram = new(SupplierId.Ingram, "20-123456", "GB");
    private static readonly BookAccount SchneiderAll = new(SupplierId.Schneider, "all", "FR");

    [Theory]
    [InlineData(null, false)] // never completed: not usable alone yet
    [InlineData(-31, false)] // stale: its sync is failing or stopped, polling takes over
    [InlineData(-30, true)]
    [InlineData(-1, true)]
    public void Covers_ByAgeOfLastCompletedSync(int? minutesAgo, bool covered)
    {
        var state = new BookAccountState(Ingram, minutesAgo is { } m ? Now.AddMinutes(m) : null, 10, false, null);

        var coverage = BookCoverage.Of([state], Now, StaleAfter);

        Assert.Equal(covered, coverage.Covers(SupplierId.Ingram, "20-123456", "GB"));
    }

    [Theory]
    [InlineData(SupplierId.Ingram, "20-123456", "GB", true)]
    [InlineData(SupplierId.Ingram, " 20-123456 ", "gb", true)]
    [InlineData(SupplierId.Ingram, "20-123456", "UK", true)]
    [InlineData(SupplierId.Ingram, "20-123456", null, true)]
    [InlineData(SupplierId.Ingram, "20-999999", "GB", false)]
    [InlineData(SupplierId.Ingram, "20-123456", "FR", false)]
    [InlineData(SupplierId.Ingram, null, "GB", false)]
    [InlineData(SupplierId.Schneider, "20-123456", "GB", false)]
    [InlineData(SupplierId.Schneider, "PUR-1", "FR", true)] // a book of every purchaser covers each of them
    [InlineData(SupplierId.Schneider, "PUR-1", "DE", false)]
    public void Covers_MatchesSupplierAccountAndCountry(SupplierId supplier, string? account, string? country, bool covered)
    {
        var coverage = BookCoverage.Of(
            [new BookAccountState(Ingram, Now.AddMinutes(-5), 10, false, null), new BookAccountState(SchneiderAll, Now.AddMinutes(-5), 10, false, null)],
            Now,
            StaleAfter);

        Assert.Equal(covered, coverage.Covers(supplier, account, country));
    }

    [Fact]
    public void None_CoversNothing()
    {
        Assert.False(BookCoverage.None.Covers(SupplierId.Ingram, "20-123456", "GB"));
        Assert.Empty(BookCoverage.None.Of(SupplierId.Ingram, null));
    }

    [Fact]
    public void ScopeOf_NamesExactlyTheAccount()
    {
        var scope = BookCoverage.ScopeOf(Ingram);

        Assert.Equal("GB", scope.Country);
        Assert.Equal("20-123456", scope.IngramCustomerNumber);
        Assert.Null(scope.SchneiderPurchaserId);
        Assert.True(scope.Background);
    }
}
