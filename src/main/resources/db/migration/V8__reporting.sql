-- Reporting (ISO 10002 8.2, 8.4): each stage's time and SLA result recorded when the stage ends, so figures over
-- any period come from the register alone (closed complaints included, after the engine's history is gone).

alter table cmp_complaint add column assessed_at timestamp with time zone;
alter table cmp_complaint add column assessment_sla_met boolean;
-- time to decide counts to the first decision; a review decision later moves decided_at, not this
alter table cmp_complaint add column first_decided_at timestamp with time zone;

update cmp_complaint set first_decided_at =
    (select min(d.decided_at) from cmp_decision d where d.complaint_id = cmp_complaint.id);

-- the reports read only these columns of the complaints received in a period: PostgreSQL answers them from the
-- index alone (index-only scan) instead of reading every complaint's free texts
create index cmp_complaint_report_idx on cmp_complaint (received_at, channel, category, product_or_service, priority, outcome,
    closure_reason, root_cause, in_scope, ack_sla_met, assessment_sla_met, response_sla_met, review_round,
    external_referral, acknowledged_at, first_decided_at, closed_at, response_deadline, deadline_revised_at);
