using System.Collections.Concurrent;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;

namespace OrderBot.TestKit.Protocol;

/// <summary>Test-only store. Production uses the app's persistent store: references must survive restarts.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, StoredConversationReference> _items = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public InMemoryConversationReferenceStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    public int UpsertCount { get; private set; }

    public IReadOnlyDictionary<string, StoredConversationReference> Items => _items;

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var id = reference.Conversation?.Id ?? throw new ArgumentException("conversation.id is required", nameof(reference));
        _items[id] = new StoredConversationReference(reference, true, null, _time.GetUtcNow());
        UpsertCount++;
        return Task.CompletedTask;
    }

    public Task<StoredConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_items.TryGetValue(conversationId, out var item) ? item : null);

    public Task MarkInactiveAsync(string conversationId, string reason, CancellationToken cancellationToken = default)
    {
        _items.AddOrUpdate(
            conversationId,
            _ => new StoredConversationReference(new ConversationReference { Conversation = new ConversationAccount { Id = conversationId } }, false, reason, _time.GetUtcNow()),
            (_, existing) => existing with { IsActive = false, InactiveReason = reason, UpdatedAt = _time.GetUtcNow() });
        return Task.CompletedTask;
    }
}
