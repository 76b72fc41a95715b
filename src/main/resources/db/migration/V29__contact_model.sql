-- Complainants without e-mail, representatives and accessibility needs (ISO 10002 4.5, 7.2). Anyone may complain
-- by the channel that suits them, so the e-mail address is no longer required: at least one of e-mail, postal
-- address and phone is, and the way the complainant prefers to be reached is recorded. Complaints recorded before
-- this version all have an e-mail address, which stays their preferred way.
alter table cmp_complaint alter column complainant_email drop not null;

alter table cmp_complaint add column postal_address varchar(1000);
alter table cmp_complaint add column preferred_contact varchar(10) default 'email' not null;
alter table cmp_complaint add column accessibility_needs varchar(20);
alter table cmp_complaint add column accessibility_note varchar(1000);

-- a complaint made on the complainant's behalf: every communication goes to the representative as recorded
alter table cmp_complaint add column representative_name varchar(200);
alter table cmp_complaint add column representative_email varchar(254);
alter table cmp_complaint add column representative_phone varchar(40);
alter table cmp_complaint add column representative_postal_address varchar(1000);
alter table cmp_complaint add column representative_relation varchar(100);
alter table cmp_complaint add column representative_consent boolean default false not null;

alter table cmp_complaint add constraint cmp_complaint_reachable
    check (complainant_email is not null or postal_address is not null or complainant_phone is not null);
alter table cmp_complaint add constraint cmp_complaint_preferred_contact
    check (preferred_contact in ('email', 'post', 'phone'));
alter table cmp_complaint add constraint cmp_complaint_accessibility_needs
    check (accessibility_needs is null
        or accessibility_needs in ('large-print', 'plain-language', 'interpreter', 'other'));
