-- PostgreSQL gets a partial index on the unsealed audit entries here (db/vendor/postgresql). H2 has no partial
-- indexes; it finds the unsealed entries in id order through cmp_audit_unsealed_idx (chain_seq, id) of V5.
-- The version stays the same on both databases, so a later migration can follow it on either.
select 1;
