using OrderBot.Suppliers.Ingram;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramOptionsTests
{
    private static List<string> Validate(IngramOptions options) =>
        new IngramOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_SandboxDefaults_Succeeds()
    {
        Assert.Empty(Validate(new IngramOptions { BaseUrl = new Uri("http://127.0.0.1:5000") }));
    }

    [Fact]
    public void Validate_NoBaseUrl_NamesTheKey()
    {
        Assert.Contains(Validate(new IngramOptions()), m => m.StartsWith("Suppliers:Ingram:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ProductionWithoutSecret_NamesTheKeys()
    {
        var failures = Validate(new IngramOptions { BaseUrl = new Uri("https://api.ingrammicro.com:443") });

        Assert.Contains(failures, m => m.Contains("Suppliers:Ingram:ClientSecret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_PageSizeOutOfRange_NamesTheKey(int size)
    {
        var failures = Validate(new IngramOptions { BaseUrl = new Uri("http://127.0.0.1:5000"), PageSize = size });

        Assert.Contains(failures, m => m.StartsWith("Suppliers:Ingram:PageSize", StringComparison.Ordinal));
    }

    [Fact]
    public void EffectiveTokenUrl_Default_IsOauth30OnTheApiHost()
    {
        var options = new IngramOptions { BaseUrl = new Uri("https://api.ingrammicro.com:443/sandbox") };

        Assert.Equal(new Uri("https://api.ingrammicro.com/oauth/oauth30/token"), options.EffectiveTokenUrl);
    }

    [Fact]
    public void BuildQueryString_EveryParameter_EscapedAndPresent()
    {
        var query = new IngramSearchQuery
        {
            CustomerNumber = "20-123456",
            Country = "UK",
            OrderNumber = "20-RD12H",
            CustomerOrderNumber = "201120/1 A&B",
            OrderStatus = "S",
            StartCreate = new DateTimeOffset(2020, 10, 3, 15, 54, 39, TimeSpan.Zero),
            EndCreate = new DateTimeOffset(2020, 11, 3, 16, 54, 39, TimeSpan.FromHours(1)),
            PageSize = 100,
            PageNumber = 2,
        };

        Assert.Equal(
            "?customerNumber=20-123456&isocountrycode=UK&ordernumber=20-RD12H&customerordernumber=201120%2F1%20A%26B&orderstatus=S"
            + "&startcreatetimestamp=2020-10-03T15%3A54%3A39Z&endcreatetimestamp=2020-11-03T15%3A54%3A39Z&pagesize=100&pagenumber=2",
            IngramClient.BuildQueryString(query));
    }

    [Theory]
    [InlineData("20-RD12H-11", "20-RD12H")]
    [InlineData(" 20-rd12h ", "20-RD12H")]
    [InlineData("20-RD12H", "20-RD12H")]
    public void BaseOrderNumber_SubOrder_StripsSuffix(string input, string expected)
    {
        Assert.Equal(expected, IngramSupplier.BaseOrderNumber(input));
    }
}
