using OrderBot.Protocol.Auth;

namespace OrderBot.Protocol.Tests.Auth;

public sealed class TokenRulesTests
{
    private const string Channel = "https://api.botframework.com";

    [Theory]
    [InlineData("https://api.botframework.com", false, TokenPath.Channel)]
    [InlineData("https://API.botframework.com", false, TokenPath.Unknown)]
    [InlineData("https://api.botframework.com/", false, TokenPath.Unknown)]
    [InlineData("https://sts.windows.net/other/", true, TokenPath.Unknown)]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", false, TokenPath.Unknown)]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", true, TokenPath.Emulator)]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", true, TokenPath.Emulator)]
    [InlineData("", true, TokenPath.Unknown)]
    [InlineData(null, true, TokenPath.Unknown)]
    public void SelectPath_Issuer_ChoosesPath(string? issuer, bool allowEmulator, TokenPath expected) =>
        Assert.Equal(expected, TokenRules.SelectPath(issuer, Channel, allowEmulator));

    [Theory]
    [InlineData(new[] { "msteams" }, "msteams", true)]
    [InlineData(new[] { "skype", "msteams" }, "msteams", true)]
    [InlineData(new[] { "MSTEAMS" }, "msteams", true)]
    [InlineData(new[] { "skype" }, "msteams", false)]
    [InlineData(new string[0], "msteams", false)]
    [InlineData(new[] { "msteams" }, "", false)]
    [InlineData(new[] { "msteams" }, null, false)]
    public void IsEndorsed_Endorsements_MustContainChannel(string[] endorsements, string? channelId, bool expected) =>
        Assert.Equal(expected, TokenRules.IsEndorsed(endorsements, channelId));

    [Fact]
    public void IsEndorsed_KeyWithoutEndorsements_IsNotEndorsed() =>
        Assert.False(TokenRules.IsEndorsed(null, "msteams"));

    [Theory]
    [InlineData(null, "APP", null, true)]
    [InlineData("1.0", "APP", null, true)]
    [InlineData("1.0", "OTHER", "APP", false)]
    [InlineData("2.0", null, "APP", true)]
    [InlineData("2.0", "APP", "OTHER", false)]
    [InlineData("3.0", "APP", "APP", false)]
    public void EmulatorAppIdMatches_Version_ChecksRightClaim(string? version, string? appid, string? azp, bool expected) =>
        Assert.Equal(expected, TokenRules.EmulatorAppIdMatches(version, appid, azp, "APP"));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://SMBA.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://evil.example/", "https://smba.trafficmanager.net/teams/", false)]
    [InlineData(null, "https://smba.trafficmanager.net/teams/", false)]
    public void ServiceUrlMatches_Claim_ComparesCaseInsensitively(string? claim, string serviceUrl, bool expected) =>
        Assert.Equal(expected, TokenRules.ServiceUrlMatches(claim, serviceUrl));

    [Theory]
    [InlineData(null, "http://localhost:62784", true)]
    [InlineData(null, "http://127.0.0.1:5000/", true)]
    [InlineData(null, "http://[::1]:5000/", true)]
    [InlineData(null, "https://evil.example/", false)]
    [InlineData(null, "http://localhost.evil.example/", false)]
    [InlineData(null, "https://tunnel.example/", true, "https://tunnel.example/")]
    [InlineData("https://tunnel.example/", "https://tunnel.example/", false)]
    [InlineData("https://tunnel.example/", "https://tunnel.example/", true, "https://tunnel.example/")]
    [InlineData("http://attacker.example/", "http://attacker.example/", false)]
    [InlineData("http://localhost:1/", "http://localhost:1/", true)]
    [InlineData("https://tunnel.example/", "http://localhost:1/", false)]
    [InlineData(null, "https://tunnel.example/bot-evil/", false, "https://tunnel.example/bot")]
    [InlineData(null, "https://tunnel.example/bot/", true, "https://tunnel.example/bot")]
    [InlineData(null, null, false)]
    public void EmulatorServiceUrlAllowed_LoopbackOrTrustedWhateverTheClaim(string? claim, string? serviceUrl, bool expected, string? trusted = null) =>
        Assert.Equal(expected, TokenRules.EmulatorServiceUrlAllowed(claim, serviceUrl, trusted is null ? [] : [trusted]));

    [Theory]
    [InlineData("APP", true)]
    [InlineData("api://APP", true)]
    [InlineData("OTHER", false)]
    [InlineData("https://api.botframework.com", false)]
    public void EmulatorAudienceMatches_MustNameThisApp(string audience, bool expected) =>
        Assert.Equal(expected, TokenRules.EmulatorAudienceMatches([audience], "APP"));

    [Fact]
    public void ReadEndorsements_ListOfObjects_ReturnsStrings() =>
        Assert.Equal(["msteams", "skype"], TokenRules.ReadEndorsements(new List<object> { "msteams", "skype" })!);
}
