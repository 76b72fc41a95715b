-- ISO 10002 7.7 and 7.9: what money a decision offers (refund, compensation, goodwill gesture) is named to the
-- complainant as what it is; the amount stays in monetary_remedy. Older decisions have no kind.
alter table cmp_decision add column remedy_kind varchar(30);

-- ISO 10002 7.5: "not a complaint" (an enquiry, compliment or suggestion) is told apart from "out of scope" in the
-- register and the reports; null for complaints assessed before.
alter table cmp_complaint add column scope_decision varchar(30);
alter table cmp_complaint add column not_complaint_kind varchar(30);
