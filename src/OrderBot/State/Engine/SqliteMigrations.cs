namespace OrderBot.State.Engine;

/// <summary>
/// The SQLite schema. Times are Unix milliseconds (UTC) in INTEGER columns in both engines: exact round trips,
/// plain numeric comparisons, and one SQL text for the store.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial", """
            CREATE TABLE conversation_reference (
                conversation_id     TEXT    NOT NULL PRIMARY KEY,
                channel_id          TEXT    NOT NULL,
                service_url         TEXT    NOT NULL,
                tenant_id           TEXT    NULL,
                conversation_type   TEXT    NULL,
                team_id             TEXT    NULL,
                teams_channel_id    TEXT    NULL,
                user_id             TEXT    NULL,
                user_aad_object_id  TEXT    NULL,
                bot_id              TEXT    NULL,
                reference_json      TEXT    NOT NULL,
                is_active           INTEGER NOT NULL,
                inactive_reason     TEXT    NULL,
                updated_at          INTEGER NOT NULL
            );
            CREATE TABLE dialog_state (
                conversation_id TEXT    NOT NULL,
                user_id         TEXT    NOT NULL,
                state_json      TEXT    NOT NULL,
                version         INTEGER NOT NULL,
                expires_at      INTEGER NOT NULL,
                updated_at      INTEGER NOT NULL,
                PRIMARY KEY (conversation_id, user_id)
            );
            CREATE TABLE setting (
                scope         TEXT    NOT NULL,
                setting_key   TEXT    NOT NULL,
                setting_value TEXT    NOT NULL,
                updated_at    INTEGER NOT NULL,
                PRIMARY KEY (scope, setting_key)
            );
            CREATE TABLE subscription (
                id                 INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                conversation_id    TEXT    NOT NULL,
                dedupe_key         TEXT    NOT NULL,
                kind               TEXT    NOT NULL,
                supplier           TEXT    NULL,
                account            TEXT    NULL,
                country            TEXT    NULL,
                po_number          TEXT    NULL,
                order_number       TEXT    NULL,
                hold_filter        TEXT    NULL,
                created_by_user_id TEXT    NOT NULL,
                created_by_name    TEXT    NULL,
                created_at         INTEGER NOT NULL,
                is_active          INTEGER NOT NULL,
                UNIQUE (conversation_id, dedupe_key)
            );
            CREATE INDEX ix_subscription_active ON subscription (is_active);
            CREATE TABLE mute (
                conversation_id TEXT    NOT NULL,
                supplier        TEXT    NOT NULL,
                order_number    TEXT    NOT NULL,
                created_at      INTEGER NOT NULL,
                PRIMARY KEY (conversation_id, supplier, order_number)
            );
            CREATE TABLE watched_order (
                supplier        TEXT    NOT NULL,
                order_number    TEXT    NOT NULL,
                snapshot_json   TEXT    NULL,
                last_status     TEXT    NULL,
                last_hold_codes TEXT    NOT NULL,
                last_eta        INTEGER NULL,
                last_polled_at  INTEGER NULL,
                next_poll_at    INTEGER NOT NULL,
                is_final        INTEGER NOT NULL,
                lease_owner     TEXT    NULL,
                lease_until     INTEGER NULL,
                updated_at      INTEGER NOT NULL,
                PRIMARY KEY (supplier, order_number)
            );
            CREATE INDEX ix_watched_order_due ON watched_order (next_poll_at) WHERE is_final = 0;
            CREATE TABLE lease (
                name       TEXT    NOT NULL PRIMARY KEY,
                owner      TEXT    NOT NULL,
                expires_at INTEGER NOT NULL
            );
            CREATE TABLE outbox (
                id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                event_key       TEXT    NOT NULL UNIQUE,
                conversation_id TEXT    NOT NULL,
                payload_json    TEXT    NOT NULL,
                status          TEXT    NOT NULL,
                attempts        INTEGER NOT NULL,
                created_at      INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                lease_owner     TEXT    NULL,
                lease_until     INTEGER NULL,
                last_error      TEXT    NULL,
                activity_id     TEXT    NULL,
                completed_at    INTEGER NULL
            );
            CREATE INDEX ix_outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';
            CREATE TABLE processed_activity (
                activity_key TEXT    NOT NULL PRIMARY KEY,
                expires_at   INTEGER NOT NULL
            );
            """),
        new(2, "alerts-locale-final-polling", """
            ALTER TABLE subscription ADD COLUMN locale TEXT NULL;
            ALTER TABLE subscription ADD COLUMN time_zone TEXT NULL;
            ALTER TABLE subscription ADD COLUMN mention_creator INTEGER NOT NULL DEFAULT 0;
            DROP INDEX ix_watched_order_due;
            CREATE INDEX ix_watched_order_next_poll ON watched_order (next_poll_at);
            """),
        new(3, "inbound-events", """
            CREATE TABLE inbound_event (
                source          TEXT    NOT NULL,
                event_id        TEXT    NOT NULL,
                payload_json    TEXT    NOT NULL,
                status          TEXT    NOT NULL,
                attempts        INTEGER NOT NULL,
                received_at     INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                lease_owner     TEXT    NULL,
                lease_until     INTEGER NULL,
                outcome         TEXT    NULL,
                completed_at    INTEGER NULL,
                PRIMARY KEY (source, event_id)
            );
            CREATE INDEX ix_inbound_event_pending ON inbound_event (next_attempt_at) WHERE status = 'pending';
            CREATE TABLE inbound_change (
                change_key TEXT    NOT NULL PRIMARY KEY,
                event_id   TEXT    NOT NULL,
                expires_at INTEGER NOT NULL
            );
            """),
        new(5, "digest-exports", """
            CREATE TABLE digest_subscription (
                conversation_id    TEXT    NOT NULL PRIMARY KEY,
                user_id            TEXT    NOT NULL,
                user_name          TEXT    NULL,
                settings_scope     TEXT    NULL,
                time_zone          TEXT    NOT NULL,
                locale             TEXT    NULL,
                local_time         TEXT    NOT NULL,
                days               TEXT    NOT NULL,
                created_at         INTEGER NOT NULL,
                is_active          INTEGER NOT NULL,
                last_digest_day    TEXT    NULL,
                previous_digest_day TEXT  NULL,
                last_digest_at     INTEGER NULL,
                baseline_json      TEXT    NULL,
                lease_owner        TEXT    NULL,
                lease_until        INTEGER NULL
            );
            CREATE TABLE export_file (
                id           TEXT    NOT NULL PRIMARY KEY,
                file_name    TEXT    NOT NULL,
                content_type TEXT    NOT NULL,
                content      BLOB     NOT NULL,
                created_at   INTEGER NOT NULL,
                expires_at   INTEGER NOT NULL
            );
            CREATE INDEX ix_export_file_expires ON export_file (expires_at);
            CREATE TABLE bot_secret (
                name       TEXT    NOT NULL PRIMARY KEY,
                value      TEXT    NOT NULL,
                created_at INTEGER NOT NULL
            );
            """),
    ];
}
