-- Satisfaction with the complaints-handling process (ISO 10002 8.3, ISO 10004): after closure a share of
-- complainants gets a single-use link to a short survey. Same DDL on H2 and PostgreSQL.

-- one invitation per complaint: its delivery (the outbox) and, once answered, the scores. Only scores, dates and
-- the language are kept after anonymisation; the comment is personal and goes with the complainant's data.
create table cmp_survey (
    complaint_id    bigint        primary key references cmp_complaint (id),
    language        varchar(2)    not null,
    -- when the complaint was closed and chosen for the survey; reports count invitations by this date
    invited_at      timestamp with time zone not null,
    -- PENDING (to be sent), SENT, CANCELLED (complainant anonymised before it went out), FAILED (not deliverable
    -- within its validity period)
    status          varchar(10)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    -- the kind of the last delivery failure (exception types and SMTP reply code, never the server's text)
    last_failure    varchar(300),
    sent_at         timestamp with time zone,
    expires_at      timestamp with time zone,
    answered_at     timestamp with time zone,
    handling_score  integer,
    outcome_score   integer,
    ease_score      integer,
    comment         varchar(2000),
    constraint cmp_survey_status_ck check (status in ('PENDING', 'SENT', 'CANCELLED', 'FAILED')),
    constraint cmp_survey_handling_ck check (handling_score between 1 and 5),
    constraint cmp_survey_outcome_ck check (outcome_score between 1 and 5),
    constraint cmp_survey_ease_ck check (ease_score between 1 and 5)
);
-- the sender's query: what is due now
create index cmp_survey_due_idx on cmp_survey (status, next_attempt_at);
-- the reports' periods
create index cmp_survey_invited_idx on cmp_survey (invited_at);
create index cmp_survey_answered_idx on cmp_survey (answered_at);

-- the SHA-256 of the link's token (the token itself is only in the e-mail). A table of its own: it is written and
-- committed before the e-mail goes out, while the sender holds the lock on the cmp_survey row, so a link that
-- reached the complainant always works, even if the sender stopped right after sending.
create table cmp_survey_token (
    token_hash   varchar(64)   primary key,
    complaint_id bigint        not null unique references cmp_complaint (id),
    expires_at   timestamp with time zone not null
);
