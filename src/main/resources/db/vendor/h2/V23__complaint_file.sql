-- The staff complaint file: who added an attachment. H2 (demo and tests) searches the text with LIKE;
-- the full-text and expression indexes are PostgreSQL's (db/vendor/postgresql).

-- the member of staff who added an attachment (a scanned letter); null: the complainant sent it with the complaint
alter table cmp_attachment add column added_by varchar(100);

create index cmp_complaint_stage_received_idx on cmp_complaint (stage, received_at);
