namespace OrderBot.State.Engine;

/// <summary>
/// The PostgreSQL schema, the same tables as <see cref="SqliteMigrations"/>. Times are Unix milliseconds (UTC) in BIGINT:
/// one SQL text for the store in both engines.
/// </summary>
internal static class PostgresMigrations
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
                is_active           BOOLEAN NOT NULL,
                inactive_reason     TEXT    NULL,
                updated_at          BIGINT  NOT NULL
            );
            CREATE TABLE dialog_state (
                conversation_id TEXT    NOT NULL,
                user_id         TEXT    NOT NULL,
                state_json      TEXT    NOT NULL,
                version         BIGINT  NOT NULL,
                expires_at      BIGINT  NOT NULL,
                updated_at      BIGINT  NOT NULL,
                PRIMARY KEY (conversation_id, user_id)
            );
            CREATE TABLE setting (
                scope         TEXT    NOT NULL,
                setting_key   TEXT    NOT NULL,
                setting_value TEXT    NOT NULL,
                updated_at    BIGINT  NOT NULL,
                PRIMARY KEY (scope, setting_key)
            );
            CREATE TABLE subscription (
                id                 BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
                created_at         BIGINT  NOT NULL,
                is_active          BOOLEAN NOT NULL,
                UNIQUE (conversation_id, dedupe_key)
            );
            CREATE INDEX ix_subscription_active ON subscription (is_active);
            CREATE TABLE mute (
                conversation_id TEXT    NOT NULL,
                supplier        TEXT    NOT NULL,
                order_number    TEXT    NOT NULL,
                created_at      BIGINT  NOT NULL,
                PRIMARY KEY (conversation_id, supplier, order_number)
            );
            CREATE TABLE watched_order (
                supplier        TEXT    NOT NULL,
                order_number    TEXT    NOT NULL,
                snapshot_json   TEXT    NULL,
                last_status     TEXT    NULL,
                last_hold_codes TEXT    NOT NULL,
                last_eta        BIGINT  NULL,
                last_polled_at  BIGINT  NULL,
                next_poll_at    BIGINT  NOT NULL,
                is_final        BOOLEAN NOT NULL,
                lease_owner     TEXT    NULL,
                lease_until     BIGINT  NULL,
                updated_at      BIGINT  NOT NULL,
                PRIMARY KEY (supplier, order_number)
            );
            CREATE INDEX ix_watched_order_due ON watched_order (next_poll_at) WHERE NOT is_final;
            CREATE TABLE lease (
                name       TEXT    NOT NULL PRIMARY KEY,
                owner      TEXT    NOT NULL,
                expires_at BIGINT  NOT NULL
            );
            CREATE TABLE outbox (
                id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_key       TEXT    NOT NULL UNIQUE,
                conversation_id TEXT    NOT NULL,
                payload_json    TEXT    NOT NULL,
                status          TEXT    NOT NULL,
                attempts        INTEGER NOT NULL,
                created_at      BIGINT  NOT NULL,
                next_attempt_at BIGINT  NOT NULL,
                lease_owner     TEXT    NULL,
                lease_until     BIGINT  NULL,
                last_error      TEXT    NULL,
                activity_id     TEXT    NULL,
                completed_at    BIGINT  NULL
            );
            CREATE INDEX ix_outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';
            CREATE TABLE processed_activity (
                activity_key TEXT    NOT NULL PRIMARY KEY,
                expires_at   BIGINT  NOT NULL
            );
            """),
        new(2, "alerts-locale-final-polling", """
            ALTER TABLE subscription ADD COLUMN locale TEXT NULL;
            ALTER TABLE subscription ADD COLUMN time_zone TEXT NULL;
            ALTER TABLE subscription ADD COLUMN mention_creator BOOLEAN NOT NULL DEFAULT FALSE;
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
                received_at     BIGINT  NOT NULL,
                next_attempt_at BIGINT  NOT NULL,
                lease_owner     TEXT    NULL,
                lease_until     BIGINT  NULL,
                outcome         TEXT    NULL,
                completed_at    BIGINT  NULL,
                PRIMARY KEY (source, event_id)
            );
            CREATE INDEX ix_inbound_event_pending ON inbound_event (next_attempt_at) WHERE status = 'pending';
            CREATE TABLE inbound_change (
                change_key TEXT    NOT NULL PRIMARY KEY,
                event_id   TEXT    NOT NULL,
                expires_at BIGINT  NOT NULL
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
                created_at         BIGINT  NOT NULL,
                is_active          BOOLEAN NOT NULL,
                last_digest_day    TEXT    NULL,
                previous_digest_day TEXT  NULL,
                last_digest_at     BIGINT  NULL,
                baseline_json      TEXT    NULL,
                lease_owner        TEXT    NULL,
                lease_until        BIGINT  NULL
            );
            CREATE TABLE export_file (
                id           TEXT    NOT NULL PRIMARY KEY,
                file_name    TEXT    NOT NULL,
                content_type TEXT    NOT NULL,
                content      BYTEA   NOT NULL,
                created_at   BIGINT  NOT NULL,
                expires_at   BIGINT  NOT NULL
            );
            CREATE INDEX ix_export_file_expires ON export_file (expires_at);
            CREATE TABLE bot_secret (
                name       TEXT    NOT NULL PRIMARY KEY,
                value      TEXT    NOT NULL,
                created_at BIGINT  NOT NULL
            );
            """),
    ];
}
