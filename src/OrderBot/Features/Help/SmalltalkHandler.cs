using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Help;

/// <summary>"thanks", "merci", "hi there", "tschüss": a short human answer, in the language it was said in.</summary>
public sealed class SmalltalkHandler : IIntentHandler
{
    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.Smalltalk];

    public Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recognized);
        return Task.FromResult(Reply.FromText(Smalltalk.Answer(recognized.Say, recognized.Text, scope.Settings.Get(SettingKeys.Language))));
    }
}

/// <summary>The answers to small talk, per kind (<c>hello</c>, <c>thanks</c>, <c>bye</c>, <c>ok</c>) and language. Pure.</summary>
public static class Smalltalk
{
    private static readonly Dictionary<(string Say, string Language), string> Answers = new()
    {
        [("hello", "en")] = "Hello! Ask me about an order, e.g. \"where is PO 201120/1\".",
        [("hello", "fr")] = "Bonjour ! Donnez-moi un numéro de commande ou de PO, p. ex. \"where is PO 201120/1\".",
        [("hello", "de")] = "Hallo! Nennen Sie mir eine Bestell- oder PO-Nummer, z. B. \"where is PO 201120/1\".",
        [("hello", "es")] = "¡Hola! Dígame un número de pedido o de PO, p. ej. \"where is PO 201120/1\".",
        [("thanks", "en")] = "You're welcome.",
        [("thanks", "fr")] = "De rien.",
        [("thanks", "de")] = "Gern geschehen.",
        [("thanks", "es")] = "De nada.",
        [("bye", "en")] = "Bye — ask me any time.",
        [("bye", "fr")] = "Au revoir !",
        [("bye", "de")] = "Tschüss!",
        [("bye", "es")] = "¡Adiós!",
        [("ok", "en")] = "Good. Anything else, just ask.",
        [("ok", "fr")] = "Parfait.",
        [("ok", "de")] = "Alles klar.",
        [("ok", "es")] = "Perfecto.",
    };

    /// <summary>Words that say which language the small talk was in (the rest is English).</summary>
    private static readonly Dictionary<string, string> LanguageWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["merci"] = "fr", ["bonjour"] = "fr", ["salut"] = "fr", ["revoir"] = "fr", ["bonsoir"] = "fr", ["d'accord"] = "fr", ["parfait"] = "fr",
        ["danke"] = "de", ["hallo"] = "de", ["tschüss"] = "de", ["tschuss"] = "de", ["guten"] = "de", ["morgen"] = "de", ["servus"] = "de",
        ["gracias"] = "es", ["hola"] = "es", ["adiós"] = "es", ["adios"] = "es", ["vale"] = "es", ["perfecto"] = "es", ["buenos"] = "es",
    };

    /// <summary>The answer in the language the words were in; words any language uses ("ok", "super") in the user's saved one.</summary>
    public static string Answer(string? say, string text, string? savedLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kind = say is "hello" or "thanks" or "bye" or "ok" ? say : "hello";
        var language = LanguageOf(text) ?? savedLanguage?.ToLowerInvariant();
        return Answers.TryGetValue((kind, language ?? "en"), out var answer) ? answer : Answers[(kind, "en")];
    }

    internal static string? LanguageOf(string text)
    {
        foreach (var word in text.Split([' ', ',', '.', '!', '?', ';', '¡', '¿'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (LanguageWords.TryGetValue(word, out var language))
            {
                return language;
            }
        }

        return EnglishWords.Overlaps(text.ToLowerInvariant().Split([' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries)) ? "en" : null;
    }

    /// <summary>Words only English uses for small talk; "ok", "super", "cool" say nothing of the language.</summary>
    private static readonly HashSet<string> EnglishWords =
        ["thanks", "thank", "cheers", "hi", "hello", "hey", "bye", "goodbye", "morning", "great", "perfect", "welcome", "got"];
}
