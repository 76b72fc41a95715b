-- What an event log entry comes from, so the evidence record finds the ISO 10002 clause of a step without reading
-- its summary: the diagram version and task of a completed task (the clause is in the task's documentation there)
-- and the template of an e-mail.
alter table cmp_event add column process_definition_id varchar(64);
alter table cmp_event add column task_definition_key varchar(255);
alter table cmp_event add column mail_template varchar(100);

-- e-mail entries written before: their summary starts with "E-mail '<template>'", written by the application
update cmp_event set mail_template = substring(summary, 9, position('''' in substring(summary, 9)) - 1)
where event_type in ('MAIL_SENT', 'MAIL_NOT_DELIVERED') and summary like 'E-mail ''%''%';
