-- Channels told apart (ISO 10002 4.5, 7.2): the register accepts only the six channels the reports and the metrics
-- count, so a value no report shows cannot slip in. Complaints filed through the JSON API before this version were
-- recorded as 'web' and stay so: nothing recorded which of them came through the API.
alter table cmp_complaint add constraint cmp_complaint_channel
    check (channel in ('web', 'api', 'email', 'phone', 'letter', 'in-person'));
