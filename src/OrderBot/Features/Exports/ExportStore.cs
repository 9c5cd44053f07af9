using System.Data.Common;
using System.Security.Cryptography;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Features.Exports;

/// <summary>An export file kept until its link expires.</summary>
public sealed record ExportFile(string Id, string FileName, string ContentType, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>Export files and the link signing key, in the state database (migration 5), so any instance serves a link.</summary>
public interface IExportStore
{
    Task SaveAsync(ExportFile file, CancellationToken cancellationToken = default);

    Task<ExportFile?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The generated signing key: created once (the first instance wins), the same for every instance after.</summary>
    Task<byte[]> GetOrCreateSigningKeyAsync(CancellationToken cancellationToken = default);
}

internal sealed class SqlExportStore(StateDatabase database, TimeProvider time) : IExportStore
{
    private const string KeyName = "exports.signingKey";

    public async Task SaveAsync(ExportFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await ExecuteAsync(
            """
            DELETE FROM export_file WHERE expires_at < @now;
            INSERT INTO export_file (id, file_name, content_type, content, created_at, expires_at)
            VALUES (@id, @name, @type, @content, @now, @expires)
            """,
            c =>
            {
                Bind(c, "id", file.Id);
                Bind(c, "name", file.FileName);
                Bind(c, "type", file.ContentType);
                Bind(c, "content", file.Content);
                Bind(c, "now", time.GetUtcNow().ToUnixTimeMilliseconds());
                Bind(c, "expires", file.ExpiresAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    public async Task<ExportFile?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, file_name, content_type, content, expires_at FROM export_file WHERE id = @id";
        Bind(command, "id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ExportFile(reader.GetString(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)))
            : null;
    }

    public async Task<byte[]> GetOrCreateSigningKeyAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(
            "INSERT INTO bot_secret (name, value, created_at) VALUES (@name, @value, @now) ON CONFLICT (name) DO NOTHING",
            c =>
            {
                Bind(c, "name", KeyName);
                Bind(c, "value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                Bind(c, "now", time.GetUtcNow().ToUnixTimeMilliseconds());
            },
            cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM bot_secret WHERE name = @name";
        Bind(command, "name", KeyName);
        var value = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("The export signing key could not be stored.");
        return Convert.FromBase64String(value);
    }

    private async Task ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind(command);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException exception) when (exception is not StoreWriteException)
        {
            throw new StoreWriteException("The state store could not write the export: " + exception.Message, exception);
        }
    }

    private static void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
