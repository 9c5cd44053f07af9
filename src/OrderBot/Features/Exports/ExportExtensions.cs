using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Conversation;
using OrderBot.Protocol.Hosting;

namespace OrderBot.Features.Exports;

/// <summary>Composition of exports: <c>builder.AddExports()</c> and <c>app.MapExports()</c>.</summary>
public static class ExportExtensions
{
    /// <summary>Registers section <c>Exports</c> (validated at start), the export handler, the file consent invoke and the upload client.</summary>
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ExportOptions>()
            .Bind(builder.Configuration.GetSection(ExportOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExportStore, SqlExportStore>();
        services.TryAddSingleton<ExportService>();
        services.TryAddSingleton<FileConsent>();
        services.AddHttpClient(FileConsent.UploadClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddConversationHandler<ExportHandler>();
        services.AddBotRoutes((router, sp) => router.OnInvoke(FileConsent.InvokeName, sp.GetRequiredService<FileConsent>().OnInvokeAsync));
        return builder;
    }

    /// <summary>
    /// <c>GET /api/exports/{id}?exp=…&amp;sig=…</c>: the file behind a signed link. A signature that does not match is
    /// 403, a link past its time 410, a file no longer kept 404. Anonymous by design: the signature is the permission.
    /// </summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/exports/{id}", async (string id, HttpContext http, ExportService exports, IExportStore store, TimeProvider time) =>
        {
            var key = await exports.KeyAsync(http.RequestAborted);
            var check = ExportLinks.Check(key, id, http.Request.Query["exp"], http.Request.Query["sig"], time.GetUtcNow());
            if (check == LinkCheck.Forged)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (check == LinkCheck.Expired)
            {
                return Results.Text("This download link has expired. Ask OrderBot for the export again.", "text/plain", statusCode: StatusCodes.Status410Gone);
            }

            var file = await store.GetAsync(id, http.RequestAborted);
            return file is null
                ? Results.NotFound()
                : Results.File(file.Content, file.ContentType, file.FileName);
        });
        return endpoints;
    }
}
