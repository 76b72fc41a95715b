-- Process steps find their complaint by its process instance (never by a process variable a client could set),
-- and one process instance handles one complaint.
create unique index cmp_complaint_instance_idx on cmp_complaint (process_instance_id);
