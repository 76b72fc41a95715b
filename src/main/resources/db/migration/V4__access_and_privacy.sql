-- Confidentiality (ISO 10002 4.10), objectivity (4.7) and data protection (GDPR retention, erasure, legal hold).

-- only complaint managers (and the people they assign) see a confidential complaint
alter table cmp_complaint add column confidential boolean default false not null;
-- staff user ids the complaint names: never offered its tasks (comma-separated)
alter table cmp_complaint add column named_staff varchar(1000);
-- a legal hold stops anonymisation, at retention and on request
alter table cmp_complaint add column legal_hold boolean default false not null;
alter table cmp_complaint add column legal_hold_reason varchar(500);
-- set when the complainant's personal data left the system; the statistics stay
alter table cmp_complaint add column anonymised_at timestamp with time zone;
create index cmp_complaint_closed_idx on cmp_complaint (closed_at);
