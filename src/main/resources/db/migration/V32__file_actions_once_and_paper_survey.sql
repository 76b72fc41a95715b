-- Actions on the complaint file are taken once (ISO 10002 4.9): a form sent twice (a double click, a reload) or an
-- API call repeated with its Idempotency-Key finds the first one's row here and answers what it answered, changing
-- nothing. Keys are the sender's per member of staff; rows are kept a day, long enough for any retry. They hold no
-- personal data: the reference, the action and what the page or API answered (a notice, a note's time).
create table cmp_file_action_key (
    actor           varchar(64)   not null,
    idempotency_key varchar(64)   not null,
    action          varchar(30)   not null,
    reference       varchar(40)   not null,
    created_at      timestamp with time zone not null,
    outcome         varchar(1000),
    constraint cmp_file_action_key_pk primary key (actor, idempotency_key)
);
create index cmp_file_action_key_created_idx on cmp_file_action_key (created_at);

-- survey answers that came back on paper or by phone are recorded by staff (ISO 10002 4.5, 8.3): who recorded them
-- and how they came in; null for answers the complainant gave through the link themselves
alter table cmp_survey add column answered_by varchar(64);
alter table cmp_survey add column answer_channel varchar(10);
alter table cmp_survey add constraint cmp_survey_answer_channel_ck
    check (answer_channel is null or answer_channel in ('letter', 'phone'));
