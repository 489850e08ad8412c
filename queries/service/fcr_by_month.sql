-- id: fcr_by_month
-- version: 2
-- title: First-contact resolution over time
-- needs: tickets(ticket_id, opened_at, resolved_at, contacts, first_contact_resolved)
-- view: line(month, fcr)
-- headline: fcr percent
-- better: higher
-- show: month month | Month
-- show: resolved integer | Resolved tickets
-- show: first_contact integer | Resolved on first contact
-- show: fcr percent | First-contact resolution
-- columns: month date, resolved integer, first_contact integer, fcr double
-- Of the tickets resolved, the share resolved on the first contact, by the month the ticket was
-- opened. A ticket counts as resolved first time when the helpdesk says so or, without that, when
-- it took one contact; tickets with neither are left out.

-- As first_contact_resolution, by month opened: the export's flag, or one contact without a flag.
-- Resolved tickets with neither a flag nor a contact count are left out (version 1 counted them as
-- not resolved on first contact).
select date_trunc('month', opened_at)::date as month,
       count(*)::integer as resolved,
       count(*) filter (where coalesce(first_contact_resolved, contacts = 1))::integer as first_contact,
       (count(*) filter (where coalesce(first_contact_resolved, contacts = 1)) / count(*))::double as fcr
from tickets
where resolved_at is not null
  and (first_contact_resolved is not null or contacts is not null)
  and opened_at >= getvariable('period_start')
  and opened_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', opened_at)::date), ())
order by month nulls first
