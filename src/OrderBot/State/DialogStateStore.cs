using OrderBot.State.Engine;

namespace OrderBot.State;

internal sealed class DialogStateStore : SqlStore, IDialogStateStore
{
    public DialogStateStore(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    async Task<DialogState?> IDialogStateStore.GetAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(userId);
        var rows = await QueryAsync(
            """
            SELECT conversation_id, user_id, state_json, version, expires_at, updated_at FROM dialog_state
            WHERE conversation_id = @conversation AND user_id = @user AND expires_at > @now
            """,
            c =>
            {
                Bind(c, "conversation", conversationId);
                Bind(c, "user", userId);
                Bind(c, "now", NowMs);
            },
            r => new DialogState(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), FromMs(r.GetInt64(4)), FromMs(r.GetInt64(5))),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<DialogSaveResult> SaveAsync(
        string conversationId,
        string userId,
        string stateJson,
        long expectedVersion,
        TimeSpan timeToLive,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(stateJson);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);

        // Version 0 means "I read none": insert, or take over a row that has expired. Otherwise the row must still
        // carry the version the caller read, and be live. Either way a lost race returns no row: a conflict.
        var sql = expectedVersion == 0
            ? """
              INSERT INTO dialog_state (conversation_id, user_id, state_json, version, expires_at, updated_at)
              VALUES (@conversation, @user, @json, 1, @expires, @now)
              ON CONFLICT (conversation_id, user_id) DO UPDATE SET
                  state_json = excluded.state_json, version = dialog_state.version + 1,
                  expires_at = excluded.expires_at, updated_at = excluded.updated_at
              WHERE dialog_state.expires_at <= @now
              RETURNING version
              """
            : """
              UPDATE dialog_state SET state_json = @json, version = version + 1, expires_at = @expires, updated_at = @now
              WHERE conversation_id = @conversation AND user_id = @user AND version = @expected AND expires_at > @now
              RETURNING version
              """;
        var now = Time.GetUtcNow();
        var rows = await WriteReturningAsync(
            sql,
            c =>
            {
                Bind(c, "conversation", conversationId);
                Bind(c, "user", userId);
                Bind(c, "json", stateJson);
                Bind(c, "expires", Ms(now + timeToLive));
                Bind(c, "now", Ms(now));
                if (expectedVersion != 0)
                {
                    Bind(c, "expected", expectedVersion);
                }
            },
            r => r.GetInt64(0),
            cancellationToken);
        return rows.Count == 0 ? DialogSaveResult.Conflict : new DialogSaveResult(true, rows[0]);
    }

    public async Task<bool> DeleteAsync(string conversationId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(userId);
        var count = await ExecuteAsync(
            "DELETE FROM dialog_state WHERE conversation_id = @conversation AND user_id = @user",
            c =>
            {
                Bind(c, "conversation", conversationId);
                Bind(c, "user", userId);
            },
            cancellationToken);
        return count > 0;
    }
}
