-- Exchange with other platforms (domain §11, ADR 0031–0034): our own SM2 key pairs, the registered peer platforms,
-- the signatures already seen (replay), and the outbox of facts to push to the upper platform.

-- Our SM2 key pairs 本平台密钥: one current, earlier ones kept for decrypting until their overlap ends. The private
-- key is stored encrypted with the personal-data key and never leaves this table in clear.
create table xch_own_key (
    id              serial       primary key,
    public_key      varchar(130) not null unique,
    private_key_enc bytea        not null,
    origin          varchar(10)  not null check (origin in ('GENERATED', 'CONFIGURED')),
    created_at      timestamptz  not null,
    -- set when another key became current; usable for decrypting and verifying until usable_until
    replaced_at     timestamptz,
    usable_until    timestamptz
);
create unique index xch_own_key_one_current on xch_own_key ((true)) where replaced_at is null;

-- Peer platforms 对接平台, registered by an administrator: lower platforms that push to us, the upper platform we
-- push to. The secret 应用密钥 is stored encrypted and never shown again.
create table xch_peer (
    app_id              varchar(64)  primary key,
    name                varchar(100) not null,
    direction           varchar(5)   not null check (direction in ('LOWER', 'UPPER')),
    region_code         char(12)     not null,
    public_key          varchar(130) not null,
    -- the peer's previous public key during its rotation overlap
    previous_public_key varchar(130),
    previous_key_until  timestamptz,
    secret_enc          bytea        not null,
    sign_mode           varchar(12)  not null check (sign_mode in ('SM2_ENCRYPT', 'SM2_SIGN')),
    -- UPPER: where to push (the peer's national endpoint) and the app id it issued us (null: hcp.exchange.app-id)
    endpoint            varchar(500),
    our_app_id          varchar(64),
    enabled             boolean      not null default true,
    created_at          timestamptz  not null,
    created_by          varchar(100) not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(100) not null,
    check (direction = 'LOWER' or endpoint is not null)
);
create unique index xch_peer_one_upper on xch_peer ((true)) where direction = 'UPPER' and enabled;

-- Signatures already accepted within the replay window: a second request with the same one is a replay.
create table xch_seen_request (
    app_id      varchar(64) not null,
    sign_digest bytea       not null,
    seen_at     timestamptz not null,
    primary key (app_id, sign_digest)
);
create index xch_seen_request_at on xch_seen_request (seen_at);

-- The outbox 上报队列: one row per fact to push upward, written in the transaction of the fact itself. Pushed in
-- id order per case_key (a service record before its evaluation, a work order's steps in order).
create table xch_outbox (
    id              bigserial    primary key,
    kind            varchar(13)  not null check (kind in ('SERVICE', 'EVALUATE', 'RECTIFICATION', 'APPEAL')),
    -- what to read when pushing: cas_case.id (with service_no), evl_evaluation.id, rct_audit.id (with
    -- evaluation_id), apl_decision.id (with evaluation_id)
    ref_id          bigint       not null,
    ref_sub         bigint,
    case_key        varchar(64)  not null,
    region_code     char(12)     not null,
    occurred_at     timestamptz  not null,
    queued_at       timestamptz  not null,
    status          varchar(7)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    last_attempt_at timestamptz,
    next_attempt_at timestamptz  not null,
    sent_at         timestamptz,
    -- the upper platform's answer to the last failed attempt
    error_code      varchar(64),
    error_message   varchar(1000),
    -- set by 补报: who asked for the re-send and when
    resend_by       varchar(100),
    resend_at       timestamptz
);
create index xch_outbox_unsent on xch_outbox (next_attempt_at, id) where status <> 'SENT';
create index xch_outbox_case on xch_outbox (case_key, id) where status <> 'SENT';
create index xch_outbox_region_time on xch_outbox (region_code, occurred_at);
