-- The staff complaint file: who added an attachment, and the indexes of the staff search, which must
-- answer within a second at a million complaints (reference and e-mail at once, words of the text by full text).

-- the member of staff who added an attachment (a scanned letter); null: the complainant sent it with the complaint
alter table cmp_attachment add column added_by varchar(100);

-- an e-mail address typed in any case (a reference, stored in upper case, has its unique index)
create index cmp_complaint_email_lower_idx on cmp_complaint (lower(complainant_email));
-- a phone number typed with or without a plus, spaces, dashes or brackets: its digits
create index cmp_complaint_phone_digits_idx
    on cmp_complaint (regexp_replace(complainant_phone, '[^0-9]', '', 'g'));
-- words of the name, the product or service and the description; the 'simple' configuration keeps every word as
-- typed (no stemming in one of four languages), and anonymisation rewrites the columns, so the index forgets them
create index cmp_complaint_words_idx on cmp_complaint using gin (
    to_tsvector('simple', coalesce(complainant_name, '') || ' ' || coalesce(product_or_service, '') || ' '
        || coalesce(description, '')));
-- the filters most used on their own: open complaints by stage, overdue ones by their committed date
create index cmp_complaint_stage_received_idx on cmp_complaint (stage, received_at);
create index cmp_complaint_deadline_open_idx on cmp_complaint (response_deadline) where closed_at is null;
