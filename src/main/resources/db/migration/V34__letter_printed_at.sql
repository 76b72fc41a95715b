-- when a waiting letter was last downloaded for printing: its text and PDF are laid out again for that day, so the
-- date it bears and the date by which to react to a decision count from the day it goes out; posting a letter
-- printed for another day is refused until it is printed again
alter table cmp_letter add column printed_at timestamp with time zone;
