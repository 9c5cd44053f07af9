using Microsoft.Extensions.DependencyInjection;

namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// Innermost handler of every supplier HttpClient: reads the whole body, capped, before the response leaves the
/// handler chain. It sits inside the resilience pipeline, so the body is read under the attempt's token — a body
/// that drips or stalls half-way is cut by the same attempt timeout as slow headers, and one that is larger than
/// the cap fails at once instead of filling memory. Callers then read an in-memory body.
/// </summary>
public sealed class BoundedResponseHandler : DelegatingHandler
{
    private const int ChunkSize = 16 * 1024;

    private readonly long _maxBytes;

    public BoundedResponseHandler(long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _maxBytes = maxBytes;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            response.Content = await BufferAsync(response.Content, _maxBytes, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The body as an in-memory copy of at most <paramref name="maxBytes"/> bytes, headers kept.</summary>
    public static async Task<HttpContent> BufferAsync(HttpContent? content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return new ByteArrayContent([]);
        }

        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new SupplierResponseTooLargeException(maxBytes, declared);
        }

        byte[] body;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new SupplierResponseTooLargeException(maxBytes, null);
                }

                buffer.Write(chunk, 0, read);
            }

            body = buffer.ToArray();
        }
        catch (IOException exception)
        {
            // The connection closed before the body was complete (Content-Length not reached, reset mid-body).
            throw new SupplierResponseUnreadableException("The answer ended before it was complete.", exception);
        }
        finally
        {
            content.Dispose();
        }

        var copy = new ByteArrayContent(body);
        foreach (var header in content.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}

/// <summary>A supplier body could not be read whole (cut short, or above the size cap): "an unreadable answer".</summary>
public class SupplierResponseUnreadableException : Exception
{
    public SupplierResponseUnreadableException()
    {
    }

    public SupplierResponseUnreadableException(string message)
        : base(message)
    {
    }

    public SupplierResponseUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A supplier body was larger than the configured cap; it was not read further.</summary>
public sealed class SupplierResponseTooLargeException : SupplierResponseUnreadableException
{
    public SupplierResponseTooLargeException()
    {
    }

    public SupplierResponseTooLargeException(string message)
        : base(message)
    {
    }

    public SupplierResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SupplierResponseTooLargeException(long maxBytes, long? declared)
        : base(declared is { } d
            ? $"The answer declares {d} bytes, above the {maxBytes}-byte cap."
            : $"The answer is larger than the {maxBytes}-byte cap.")
    {
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }
}

/// <summary>Registration of <see cref="BoundedResponseHandler"/>: one helper for every supplier client.</summary>
public static class BoundedResponseRegistration
{
    /// <summary>Default cap: far above any real page (an Ingram page of 100 orders is ~200 KB), far below harm.</summary>
    public const long DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Adds the bounded read as the innermost handler. Call it after <c>AddResilienceHandler</c> so the attempt
    /// timeout covers the body; the client's own buffer is capped too, in case a handler is ever added below it.
    /// </summary>
    public static IHttpClientBuilder AddBoundedResponses(this IHttpClientBuilder builder, Func<IServiceProvider, long> maxBytes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(maxBytes);
        return builder
            .ConfigureHttpClient((sp, http) => http.MaxResponseContentBufferSize = maxBytes(sp))
            .AddHttpMessageHandler(sp => new BoundedResponseHandler(maxBytes(sp)));
    }
}
