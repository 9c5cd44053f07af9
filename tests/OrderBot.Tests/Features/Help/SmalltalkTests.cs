using OrderBot.Features.Help;

namespace OrderBot.Tests.Features.Help;

/// <summary>Small talk answered in the language it was said in; words every language uses in the user's saved one.</summary>
public sealed class SmalltalkTests
{
    [Theory]
    [InlineData("thanks", "thanks", null, "You're welcome.")]
    [InlineData("thanks", "thank you", "de", "You're welcome.")]
    [InlineData("thanks", "merci beaucoup", null, "De rien.")]
    [InlineData("thanks", "danke", null, "Gern geschehen.")]
    [InlineData("bye", "au revoir", null, "Au revoir !")]
    [InlineData("hello", "hola", null, "¡Hola! Dígame un número de pedido o de PO, p. ej. \"where is PO 201120/1\".")]
    [InlineData("ok", "ok", "de", "Alles klar.")]
    [InlineData("ok", "ok", null, "Good. Anything else, just ask.")]
    [InlineData(null, "hey", null, "Hello! Ask me about an order, e.g. \"where is PO 201120/1\".")]
    public void Answer_InTheLanguageSaid(string? say, string text, string? saved, string expected)
    {
        Assert.Equal(expected, Smalltalk.Answer(say, text, saved));
    }
}
