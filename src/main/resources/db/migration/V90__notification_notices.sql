-- In-app messages 站内消息 to people, and the sends that failed. See ADR 0019.

-- Where each work order belongs, fed only by the rectification events: the region of an answer to a rater whose
-- send failed, so that the office of that region sees it.
create table ntf_order (
    order_id        bigint       primary key,
    order_no        varchar(64)  not null,
    region_code     char(12)     not null,
    department_code varchar(18),
    staff_no        varchar(64)
);

-- One row per message and addressee: a user (user id), a department (its code, in its region), a staff member (staff
-- number) or the office of a region (OFFICE role, that region exactly). The text is rendered from the topic and its
-- arguments in the reader's language. A re-delivered event finds its message_key and adds nothing.
create table ntf_message (
    id              bigserial    primary key,
    message_key     varchar(300) not null unique,
    addressee_kind  varchar(12)  not null check (addressee_kind in ('USER', 'DEPARTMENT', 'STAFF', 'OFFICE')),
    addressee       varchar(64)  not null,
    region_code     char(12),
    topic           varchar(40)  not null,
    order_id        bigint,
    order_no        varchar(64),
    step            varchar(40),
    deadline        timestamptz,
    event_at        timestamptz  not null,
    created_at      timestamptz  not null
);
create index ntf_message_inbox on ntf_message (addressee_kind, addressee, id);

-- Who read which message, once (a department's message is read by each of its handlers on their own).
create table ntf_message_read (
    message_id bigint      not null references ntf_message (id),
    user_id    bigint      not null,
    read_at    timestamptz not null,
    primary key (message_id, user_id)
);
create index ntf_message_read_user on ntf_message_read (user_id, message_id);

-- Every send that threw, with the masked recipient: the delivery stays incomplete and is retried; once its
-- delivery_key is in ntf_delivery, it was sent and the failure is resolved. retried = false: not retried at all
-- (nobody to send to), the office has to reach the rater another way.
create table ntf_send_failure (
    id            bigserial    primary key,
    delivery_key  varchar(100) not null,
    purpose       varchar(20)  not null,
    reference     varchar(64),
    region_code   char(12),
    mobile_masked varchar(20),
    error         varchar(500) not null,
    attempt       integer      not null,
    retried       boolean      not null,
    failed_at     timestamptz  not null
);
create index ntf_send_failure_key on ntf_send_failure (delivery_key, id);
create index ntf_send_failure_region on ntf_send_failure (region_code, id);

-- Messages, reads and failures are records: never changed, never deleted (the runtime role gets SELECT and INSERT).
create function ntf_message_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'in-app messages are append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger ntf_message_append_only before update or delete on ntf_message
    for each row execute function ntf_message_refuse_change();
create trigger ntf_message_no_truncate before truncate on ntf_message
    for each statement execute function ntf_message_refuse_change();

create function ntf_message_read_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'reads of in-app messages are append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger ntf_message_read_append_only before update or delete on ntf_message_read
    for each row execute function ntf_message_read_refuse_change();
create trigger ntf_message_read_no_truncate before truncate on ntf_message_read
    for each statement execute function ntf_message_read_refuse_change();

create function ntf_send_failure_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'failed sends are append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger ntf_send_failure_append_only before update or delete on ntf_send_failure
    for each row execute function ntf_send_failure_refuse_change();
create trigger ntf_send_failure_no_truncate before truncate on ntf_send_failure
    for each statement execute function ntf_send_failure_refuse_change();
