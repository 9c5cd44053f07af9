using Microsoft.Extensions.Hosting;
using OrderBot.Features.Conversation;

namespace OrderBot.Features.Help;

/// <summary>Composition of help: <c>builder.AddHelp()</c>.</summary>
public static class HelpExtensions
{
    /// <summary>Registers the help intent, small talk and the help card's example buttons, with the conversation core.</summary>
    public static IHostApplicationBuilder AddHelp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConversationCore();
        builder.Services.AddConversationHandler<HelpHandler>();
        builder.Services.AddConversationHandler<SmalltalkHandler>();
        return builder;
    }
}
