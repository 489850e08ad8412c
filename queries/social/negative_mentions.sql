-- id: negative_mentions
-- version: 1
-- title: Most negative recent mentions
-- needs: social_mentions(posted_at, text, sentiment)
-- view: table
-- param: days integer = 30 | How many days before the end of the period count as recent
-- input: days 1..366 days
-- param: top integer = 20 | How many mentions to list
-- input: top 1..500 mentions
-- show: posted_at date | Posted
-- show: sentiment number | Sentiment (-1 to 1)
-- show: text text | Mention
-- columns: posted_at timestamp, sentiment double, text varchar
-- The most negative social mentions posted in the last days of the period (as many days as you set,
-- or the whole period when it is shorter), most negative first, then most recent. The ones to read
-- and answer.

-- Negative: a score below -0.1, as in sentiment_share; equal scores list the most recent first.
select posted_at::timestamp as posted_at,
       sentiment::double as sentiment,
       text::varchar as text
from social_mentions
where sentiment < -0.1
  and posted_at >= greatest(getvariable('period_start'), getvariable('period_end') - (getvariable('days') - 1))
  and posted_at < getvariable('period_end') + interval 1 day
order by sentiment, posted_at desc, text
limit getvariable('top')
