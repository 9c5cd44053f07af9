using OrderBot.Features.Alerts.Webhooks;

namespace OrderBot.Tests.Features.Alerts.Webhooks;

public sealed class IngramSignatureTests
{
    /// <summary>The test vector of Ingram's "how to use the webhook secret key" page (reference §1.12).</summary>
    private const string Vector = "rpThdKKje4+oJUaWj7cxoJWuMZMBkRG9RupuVRegCnk/tjgP8BV5WY5eKOCNFUZllVdKC1Ri9n/54HwsiMQ/CQ==";

    [Fact]
    public void Sign_DocumentedTestVector_GivesTheDocumentedSignature() =>
        Assert.Equal(Vector, IngramSignature.Sign("test-secret", "N01CIB9VVFYKR9J6ZW"));

    [Theory]
    [InlineData(Vector, "N01CIB9VVFYKR9J6ZW", true)]
    [InlineData(" " + Vector + " ", "N01CIB9VVFYKR9J6ZW", true)]
    [InlineData(Vector, "N01CIB9VVFYKR9J6ZX", false)]
    [InlineData("rpThdKKje4+oJUaWj7cxoJWuMZMBkRG9RupuVRegCnk/tjgP8BV5WY5eKOCNFUZllVdKC1Ri9n/54HwsiMQ/CA==", "N01CIB9VVFYKR9J6ZW", false)]
    [InlineData("not base64!", "N01CIB9VVFYKR9J6ZW", false)]
    [InlineData("", "N01CIB9VVFYKR9J6ZW", false)]
    [InlineData(null, "N01CIB9VVFYKR9J6ZW", false)]
    [InlineData("cnBUaGQ=", "N01CIB9VVFYKR9J6ZW", false)]
    public void IsValid_Signatures_OnlyTheEventIdSignedWithTheSecretPasses(string? signature, string eventId, bool expected) =>
        Assert.Equal(expected, IngramSignature.IsValid(signature, eventId, ["test-secret"]));

    [Fact]
    public void IsValid_DuringARotation_EitherSecretPassesAndNoOtherDoes()
    {
        Assert.True(IngramSignature.IsValid(Vector, "N01CIB9VVFYKR9J6ZW", ["new-secret", "test-secret"]));
        Assert.True(IngramSignature.IsValid(IngramSignature.Sign("new-secret", "E1"), "E1", ["new-secret", "test-secret"]));
        Assert.False(IngramSignature.IsValid(IngramSignature.Sign("old-old", "E1"), "E1", ["new-secret", "test-secret"]));
        Assert.False(IngramSignature.IsValid(Vector, "N01CIB9VVFYKR9J6ZW", []));
    }
}
