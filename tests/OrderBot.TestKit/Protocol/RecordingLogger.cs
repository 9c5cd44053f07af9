using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrderBot.TestKit.Protocol;

/// <summary>One recorded log line, with the key/values of every scope that was open when it was written.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public IReadOnlyList<KeyValuePair<string, object?>> Scopes { get; init; } = [];

    /// <summary>The value of <paramref name="key"/> in the innermost open scope that has it, or null.</summary>
    public object? Scope(string key) => Scopes.LastOrDefault(pair => pair.Key == key).Value;
}

/// <summary>Logger provider that keeps every line, for asserting what was (and was not) logged.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, RecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            provider._scopes.ForEachScope(
                (scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs);
                    }
                    else if (scope is not null)
                    {
                        list.Add(new KeyValuePair<string, object?>("Scope", scope.ToString()));
                    }
                },
                scopes);
            provider._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception) { Scopes = scopes });
        }
    }
}
