using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Tests.Schema;

public sealed class EchoTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("abc", "abc")]
    [InlineData("abcdef", "abc…")]
    public void Cap_Text_KeepsShortTextAndCutsLongWithEllipsis(string? text, string expected) =>
        Assert.Equal(expected, EchoText.Cap(text, 3));

    [Fact]
    public void Cap_CutInsideSurrogatePair_DropsTheHalfCharacter() =>
        Assert.Equal("ab…", EchoText.Cap("ab\U0001F600cd", 3));

    [Fact]
    public void Cap_Default_Is100CharactersAndAnEllipsis() =>
        Assert.Equal(101, EchoText.Cap(new string('x', 100_000)).Length);
}
