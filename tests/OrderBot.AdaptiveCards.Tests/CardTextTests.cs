namespace OrderBot.AdaptiveCards.Tests;

public sealed class CardTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("HARD-9 CUST NOT FLOOR ORD", "HARD-9 CUST NOT FLOOR ORD")]
    [InlineData("- item", "\\- item")]
    [InlineData("a - b + c # d > e", "a - b + c # d \\> e")]
    [InlineData("~~gone~~", "\\~\\~gone\\~\\~")]
    [InlineData("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_")]
    [InlineData("[click](https://evil.example)", "\\[click\\](https\\://evil.example)")]
    [InlineData("<at>Boss</at>", "\\<at\\>Boss\\</at\\>")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("+ item", "\\+ item")]
    [InlineData("`code` \\", "\\`code\\` \\\\")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("2.5 mm cable", "2.5 mm cable")]
    [InlineData("see www.evil.example", "see www\\.evil.example")]
    [InlineData("http://x", "http\\://x")]
    [InlineData("time 10:30", "time 10:30")]
    [InlineData("{{DATE(2026-01-01T00:00:00Z)}}", "\\{{DATE(2026-01-01T00:00:00Z)}}")]
    [InlineData("{a}", "{a}")]
    [InlineData("line one\n- line two\r\n3. three", "line one - line two  3. three")]
    [InlineData("\n# heading after a break", "\\# heading after a break")]
    [InlineData("  padded\t", "padded")]
    [InlineData("bell\u0007", "bell")]
    public void Escape_HostileText_IsShownLiterally(string? input, string expected)
    {
        Assert.Equal(expected, CardText.Escape(input));
    }

    [Fact]
    public void Escape_AnyString_LeavesNoUnescapedMarkdownOrLineBreaks()
    {
        // Parentheses stay as they are: with "[" escaped they cannot form a link.
        const string specials = "\\`*_[]<>~";
        var hostile = "**x** [a](javascript:alert(1)) <at>all</at> ![img](http://i) ~~s~~ |t| \\*already\\* \n# h\n> q";

        var escaped = CardText.Escape(hostile);

        Assert.DoesNotContain('\n', escaped);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\')
            {
                Assert.Contains(escaped[i + 1], specials + ".:{#-+");
                i++;
            }
            else
            {
                Assert.DoesNotContain(escaped[i], specials);
            }
        }
    }
}
