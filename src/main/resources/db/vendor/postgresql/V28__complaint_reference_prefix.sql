-- The staff search looks up the start of a reference (CMP-2026-0004) as a prefix. Outside the C collation
-- PostgreSQL's ordinary index cannot answer LIKE 'prefix%', so without this one a prefix reads the whole register.
-- H2 answers a prefix from the reference's unique index and needs no version 28.
create index cmp_complaint_reference_prefix_idx on cmp_complaint (reference varchar_pattern_ops);
