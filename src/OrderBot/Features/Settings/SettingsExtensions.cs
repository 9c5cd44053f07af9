using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrderBot.Features.Conversation;

namespace OrderBot.Features.Settings;

/// <summary>Composition of the settings commands: <c>builder.AddSettings()</c>.</summary>
public static class SettingsExtensions
{
    /// <summary>Registers "settings" and "set my country to FR …", with the conversation core they plug into.</summary>
    public static IHostApplicationBuilder AddSettings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConversationCore();
        builder.Services.TryAddSingleton<SettingsCommands>();
        builder.Services.AddConversationHandler<SettingsHandler>();
        return builder;
    }
}
