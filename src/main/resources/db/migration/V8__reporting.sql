-- Reporting (ISO 10002 8.2, 8.4): each stage's time and SLA result recorded when the stage ends, so figures over
-- any period come from the register alone (closed complaints included, after the engine's history is gone).

alter table cmp_complaint add column assessed_at timestamp with time zone;
alter table cmp_complaint add column assessment_sla_met boolean;
-- time to decide counts to the first decision; a review decision later moves decided_at, not this
alter table cmp_complaint add column first_decided_at timestamp with time zone;

update cmp_complaint set first_decided_at =
    (select min(d.decided_at) from cmp_decision d where d.complaint_id = cmp_complaint.id);

-- roll-up of closed complaints (their reported columns never change after closing): counts per received day
-- and dimension, and durations in 2 % buckets; complaints not yet rolled up are read one by one
alter table cmp_complaint add column rolled_up boolean default false not null;
create index cmp_complaint_rollup_idx on cmp_complaint (rolled_up, received_at);

create table cmp_report_day (
    received_day date       not null,
    dimension varchar(20)  not null,
    key1      varchar(200) not null,
    key2      varchar(40)  not null,
    n         bigint       not null,
    constraint cmp_report_day_pk primary key (received_day, dimension, key1, key2)
);

create table cmp_report_duration (
    received_day date    not null,
    measure varchar(12) not null,
    bucket  integer     not null,
    n       bigint      not null,
    constraint cmp_report_duration_pk primary key (received_day, measure, bucket)
);

-- one node rolls up at a time: it holds this row's lock
create table cmp_report_lock (id integer primary key);
insert into cmp_report_lock (id) values (1);

-- the backlog at a period's end (received before it, closed after it) is counted from this index alone; it also
-- serves the retention job, which looked for closed_at only
create index cmp_complaint_closed_received_idx on cmp_complaint (closed_at, received_at);
drop index cmp_complaint_closed_idx;
