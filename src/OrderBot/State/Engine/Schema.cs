namespace OrderBot.State.Engine;

/// <summary>
/// The state schema, once for both engines: one list of migrations written against a <see cref="SqlTypes"/> type map.
/// Times are Unix milliseconds (UTC) in integer columns: exact round trips, plain numeric comparisons, and one SQL text
/// for the stores. Versions, names, tables and columns are those every existing database was created with; a new
/// step is appended, an applied one never edited.
/// </summary>
internal static class Schema
{
    /// <summary>The migrations, in order, with <paramref name="t"/>'s column types.</summary>
    public static IReadOnlyList<Migration> Migrations(SqlTypes t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return
        [
            new(1, "initial", $"""
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
                    is_active           {t.Bool} NOT NULL,
                    inactive_reason     TEXT    NULL,
                    updated_at          {t.Long} NOT NULL
                );
                CREATE TABLE dialog_state (
                    conversation_id TEXT    NOT NULL,
                    user_id         TEXT    NOT NULL,
                    state_json      TEXT    NOT NULL,
                    version         {t.Long} NOT NULL,
                    expires_at      {t.Long} NOT NULL,
                    updated_at      {t.Long} NOT NULL,
                    PRIMARY KEY (conversation_id, user_id)
                );
                CREATE TABLE setting (
                    scope         TEXT    NOT NULL,
                    setting_key   TEXT    NOT NULL,
                    setting_value TEXT    NOT NULL,
                    updated_at    {t.Long} NOT NULL,
                    PRIMARY KEY (scope, setting_key)
                );
                CREATE TABLE subscription (
                    id                 {t.Identity},
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
                    created_at         {t.Long} NOT NULL,
                    is_active          {t.Bool} NOT NULL,
                    UNIQUE (conversation_id, dedupe_key)
                );
                CREATE INDEX ix_subscription_active ON subscription (is_active);
                CREATE TABLE mute (
                    conversation_id TEXT    NOT NULL,
                    supplier        TEXT    NOT NULL,
                    order_number    TEXT    NOT NULL,
                    created_at      {t.Long} NOT NULL,
                    PRIMARY KEY (conversation_id, supplier, order_number)
                );
                CREATE TABLE watched_order (
                    supplier        TEXT    NOT NULL,
                    order_number    TEXT    NOT NULL,
                    snapshot_json   TEXT    NULL,
                    last_status     TEXT    NULL,
                    last_hold_codes TEXT    NOT NULL,
                    last_eta        {t.Long} NULL,
                    last_polled_at  {t.Long} NULL,
                    next_poll_at    {t.Long} NOT NULL,
                    is_final        {t.Bool} NOT NULL,
                    lease_owner     TEXT    NULL,
                    lease_until     {t.Long} NULL,
                    updated_at      {t.Long} NOT NULL,
                    PRIMARY KEY (supplier, order_number)
                );
                CREATE INDEX ix_watched_order_due ON watched_order (next_poll_at) WHERE {t.IsFalse("is_final")};
                CREATE TABLE lease (
                    name       TEXT    NOT NULL PRIMARY KEY,
                    owner      TEXT    NOT NULL,
                    expires_at {t.Long} NOT NULL
                );
                CREATE TABLE outbox (
                    id              {t.Identity},
                    event_key       TEXT    NOT NULL UNIQUE,
                    conversation_id TEXT    NOT NULL,
                    payload_json    TEXT    NOT NULL,
                    status          TEXT    NOT NULL,
                    attempts        INTEGER NOT NULL,
                    created_at      {t.Long} NOT NULL,
                    next_attempt_at {t.Long} NOT NULL,
                    lease_owner     TEXT    NULL,
                    lease_until     {t.Long} NULL,
                    last_error      TEXT    NULL,
                    activity_id     TEXT    NULL,
                    completed_at    {t.Long} NULL
                );
                CREATE INDEX ix_outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';
                CREATE TABLE processed_activity (
                    activity_key TEXT    NOT NULL PRIMARY KEY,
                    expires_at   {t.Long} NOT NULL
                );
                """),
            new(2, "alerts-locale-final-polling", $"""
                ALTER TABLE subscription ADD COLUMN locale TEXT NULL;
                ALTER TABLE subscription ADD COLUMN time_zone TEXT NULL;
                ALTER TABLE subscription ADD COLUMN mention_creator {t.Bool} NOT NULL DEFAULT {t.False};
                DROP INDEX ix_watched_order_due;
                CREATE INDEX ix_watched_order_next_poll ON watched_order (next_poll_at);
                """),
            new(3, "inbound-events", $"""
                CREATE TABLE inbound_event (
                    source          TEXT    NOT NULL,
                    event_id        TEXT    NOT NULL,
                    payload_json    TEXT    NOT NULL,
                    status          TEXT    NOT NULL,
                    attempts        INTEGER NOT NULL,
                    received_at     {t.Long} NOT NULL,
                    next_attempt_at {t.Long} NOT NULL,
                    lease_owner     TEXT    NULL,
                    lease_until     {t.Long} NULL,
                    outcome         TEXT    NULL,
                    completed_at    {t.Long} NULL,
                    PRIMARY KEY (source, event_id)
                );
                CREATE INDEX ix_inbound_event_pending ON inbound_event (next_attempt_at) WHERE status = 'pending';
                CREATE TABLE inbound_change (
                    change_key TEXT    NOT NULL PRIMARY KEY,
                    event_id   TEXT    NOT NULL,
                    expires_at {t.Long} NOT NULL
                );
                """),
            new(4, "find-order-identifiers", $"""
                CREATE TABLE read_order (
                    supplier     TEXT    NOT NULL,
                    order_number TEXT    NOT NULL,
                    account      TEXT    NULL,
                    country      TEXT    NULL,
                    customer_po  TEXT    NULL,
                    status_key   TEXT    NOT NULL,
                    status_code  TEXT    NOT NULL,
                    status_label TEXT    NULL,
                    shipped_at   {t.Long} NULL,
                    read_at      {t.Long} NOT NULL,
                    PRIMARY KEY (supplier, order_number)
                );
                CREATE INDEX ix_read_order_read_at ON read_order (read_at);
                CREATE TABLE order_identifier (
                    kind         TEXT    NOT NULL,
                    value        TEXT    NOT NULL,
                    supplier     TEXT    NOT NULL,
                    order_number TEXT    NOT NULL,
                    shown        TEXT    NOT NULL,
                    PRIMARY KEY (kind, value, supplier, order_number)
                );
                CREATE INDEX ix_order_identifier_order ON order_identifier (supplier, order_number);
                """),
            new(5, "digest-exports", $"""
                CREATE TABLE digest_subscription (
                    conversation_id     TEXT    NOT NULL PRIMARY KEY,
                    user_id             TEXT    NOT NULL,
                    user_name           TEXT    NULL,
                    settings_scope      TEXT    NULL,
                    time_zone           TEXT    NOT NULL,
                    locale              TEXT    NULL,
                    local_time          TEXT    NOT NULL,
                    days                TEXT    NOT NULL,
                    created_at          {t.Long} NOT NULL,
                    is_active           {t.Bool} NOT NULL,
                    last_digest_day     TEXT    NULL,
                    previous_digest_day TEXT    NULL,
                    last_digest_at      {t.Long} NULL,
                    baseline_json       TEXT    NULL,
                    lease_owner         TEXT    NULL,
                    lease_until         {t.Long} NULL
                );
                CREATE TABLE export_file (
                    id           TEXT    NOT NULL PRIMARY KEY,
                    file_name    TEXT    NOT NULL,
                    content_type TEXT    NOT NULL,
                    content      {t.Bytes} NOT NULL,
                    created_at   {t.Long} NOT NULL,
                    expires_at   {t.Long} NOT NULL
                );
                CREATE INDEX ix_export_file_expires ON export_file (expires_at);
                CREATE TABLE bot_secret (
                    name       TEXT    NOT NULL PRIMARY KEY,
                    value      TEXT    NOT NULL,
                    created_at {t.Long} NOT NULL
                );
                """),
            new(6, "order-book", $"""
                CREATE TABLE book_order (
                    account_key     TEXT    NOT NULL,
                    supplier        TEXT    NOT NULL,
                    order_number    TEXT    NOT NULL,
                    order_key       TEXT    NOT NULL,
                    country         TEXT    NULL,
                    customer_po     TEXT    NULL,
                    status          TEXT    NOT NULL,
                    on_hold         {t.Bool} NOT NULL,
                    hold_categories TEXT    NOT NULL,
                    order_date      {t.Long} NULL,
                    due_date        {t.Long} NULL,
                    is_closed       {t.Bool} NOT NULL,
                    fingerprint     TEXT    NOT NULL,
                    order_json      TEXT    NOT NULL,
                    seen_at         {t.Long} NOT NULL,
                    sync_generation {t.Long} NOT NULL,
                    PRIMARY KEY (account_key, supplier, order_number)
                );
                CREATE INDEX ix_book_order_po ON book_order (customer_po);
                CREATE INDEX ix_book_order_number ON book_order (order_key);
                CREATE INDEX ix_book_order_date ON book_order (account_key, order_date);
                CREATE INDEX ix_book_order_status ON book_order (account_key, status, order_date);
                CREATE INDEX ix_book_order_hold ON book_order (account_key, on_hold, hold_categories);
                CREATE INDEX ix_book_order_open ON book_order (account_key, is_closed, due_date);
                CREATE INDEX ix_book_order_generation ON book_order (account_key, sync_generation);
                CREATE TABLE book_sync (
                    account_key       TEXT    NOT NULL PRIMARY KEY,
                    cursor            TEXT    NULL,
                    generation        {t.Long} NOT NULL,
                    started_at        {t.Long} NULL,
                    completed_at      {t.Long} NULL,
                    full_completed_at {t.Long} NULL,
                    order_count       INTEGER NOT NULL,
                    last_problem      TEXT    NULL,
                    updated_at        {t.Long} NOT NULL
                );
                """),
            new(7, "order-book-details", $"""
                ALTER TABLE book_order ADD COLUMN detail_json TEXT NULL;
                ALTER TABLE book_order ADD COLUMN detail_fingerprint TEXT NULL;
                ALTER TABLE book_order ADD COLUMN detail_read_at {t.Long} NULL;
                ALTER TABLE book_order ADD COLUMN delivery_date {t.Long} NULL;
                ALTER TABLE book_order ADD COLUMN last_delivery_date {t.Long} NULL;
                ALTER TABLE book_order ADD COLUMN hold_since {t.Long} NULL;
                ALTER TABLE book_order ADD COLUMN hold_since_first_look {t.Bool} NOT NULL DEFAULT {t.False};
                CREATE INDEX ix_book_order_detail ON book_order (account_key, is_closed, detail_read_at);
                """),
        ];
    }
}

/// <summary>The column types of one engine; everything else in <see cref="Schema"/> is shared text.</summary>
internal sealed record SqlTypes(string Bool, string Long, string Identity, string False, string Bytes)
{
    /// <summary>SQLite: integers for booleans and times, a rowid alias for identities, BLOB bytes.</summary>
    public static SqlTypes Sqlite { get; } = new("INTEGER", "INTEGER", "INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT", "0", "BLOB");

    /// <summary>PostgreSQL: BOOLEAN, BIGINT, identity columns, BYTEA bytes.</summary>
    public static SqlTypes Postgres { get; } = new("BOOLEAN", "BIGINT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "FALSE", "BYTEA");

    /// <summary>A predicate that holds when the boolean <paramref name="column"/> is false.</summary>
    public string IsFalse(string column) => column + " = " + False;
}
