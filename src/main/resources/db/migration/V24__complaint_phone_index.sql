-- the duplicate warning (intake.DuplicateCheck) looks up earlier complaints by phone number as well as by e-mail
-- address, at every registration
create index cmp_complaint_phone_idx on cmp_complaint (complainant_phone);
