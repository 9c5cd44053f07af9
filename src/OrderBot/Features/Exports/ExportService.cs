using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OrderBot.Features.Exports;

/// <summary>Writes a table as a file, keeps it, and makes its signed link.</summary>
public sealed class ExportService
{
    private readonly IExportStore _store;
    private readonly TimeProvider _time;
    private readonly ExportOptions _options;
    private readonly IServer? _server;
    private byte[]? _key;

    public ExportService(IExportStore store, TimeProvider time, IOptions<ExportOptions> options, IServer? server = null)
    {
        _store = store;
        _time = time;
        _options = options.Value;
        _server = server;
    }

    public ExportOptions Options => _options;

    public async Task<ExportFile> SaveAsync(ExportTable table, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var capped = table.Rows.Count > _options.MaxRows ? table with { Rows = [.. table.Rows.Take(_options.MaxRows)] } : table;
        var file = new ExportFile(
            Guid.NewGuid().ToString("N"),
            capped.FileName(format),
            ExportWriter.ContentType(format),
            ExportWriter.Write(capped, format),
            _time.GetUtcNow() + _options.LinkLifetime);
        await _store.SaveAsync(file, cancellationToken);
        return file;
    }

    /// <summary>The configured key, else the generated one kept in the store.</summary>
    public async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
        {
            return known;
        }

        _key = _options.SigningKey is { Length: > 0 } configured && ExportOptionsValidator.TryKey(configured, out var bytes)
            ? bytes
            : await _store.GetOrCreateSigningKeyAsync(cancellationToken);
        return _key;
    }

    public async Task<Uri> LinkAsync(ExportFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = ExportLinks.Path(await KeyAsync(cancellationToken), file.Id, file.ExpiresAt);
        return new Uri(BaseUrl(), path);
    }

    private Uri BaseUrl()
    {
        if (_options.PublicBaseUrl is { } configured)
        {
            return configured;
        }

        var address = _server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:3978";
        return new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
    }
}
