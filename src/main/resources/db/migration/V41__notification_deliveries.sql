-- One row per notification delivered from an event: a re-delivered or resubmitted event finds its key here and
-- sends nothing again. Written in the same transaction as the send, so a failed send leaves no row behind.
create table ntf_delivery (
    delivery_key varchar(100) primary key,
    purpose      varchar(20)  not null,
    reference    varchar(64),
    delivered_at timestamptz  not null
);
