-- E-mail intake (ISO 10002 4.5): every message of the complaints mailbox is taken in once, by its Message-ID.
create table cmp_inbound_mail (
    message_id   varchar(300)  primary key,
    received_at  timestamp with time zone not null,
    complaint_id bigint        references cmp_complaint (id),
    outcome      varchar(30)   not null,
    note         varchar(500)
);
