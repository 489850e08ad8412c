-- id: first_contact_resolution
-- version: 2
-- title: First-contact resolution
-- needs: tickets(ticket_id, opened_at, resolved_at, contacts, first_contact_resolved, channel)
-- view: bar(channel, fcr)
-- headline: fcr percent
-- better: higher
-- show: channel category | Channel
-- show: resolved integer | Resolved tickets
-- show: first_contact integer | Resolved on first contact
-- show: fcr percent | First-contact resolution
-- columns: channel varchar, resolved integer, first_contact integer, fcr double
-- Of the tickets opened in the period and resolved, the share resolved on the first contact, by
-- channel: as the helpdesk says or, without that, when the ticket took one contact. Tickets still
-- open, and resolved tickets with neither piece of information, are left out.

-- Unresolved tickets have not been resolved on any contact yet; resolved tickets with neither a
-- flag nor a contact count: nothing says how they were resolved (version 1 counted them as not
-- resolved on first contact).
select coalesce(channel, 'unknown') as channel,
       count(*)::integer as resolved,
       count(*) filter (where coalesce(first_contact_resolved, contacts = 1))::integer as first_contact,
       (count(*) filter (where coalesce(first_contact_resolved, contacts = 1)) / count(*))::double as fcr
from tickets
where resolved_at is not null
  and (first_contact_resolved is not null or contacts is not null)
  and opened_at >= getvariable('period_start')
  and opened_at < getvariable('period_end') + interval 1 day
group by grouping sets ((coalesce(channel, 'unknown')), ())
order by channel nulls first
