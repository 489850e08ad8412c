-- id: sentiment_share
-- version: 1
-- title: Sentiment of social mentions
-- needs: social_mentions(posted_at, sentiment)
-- view: area(month, share, tone)
-- headline: net_sentiment percent
-- better: higher
-- show: month month | Month
-- show: tone category | Tone
-- show: mentions integer | Mentions
-- show: share percent | Share of mentions
-- show: net_sentiment percent | Net sentiment
-- columns: month date, tone varchar, mentions integer, share double, net_sentiment double
-- The tone of the social mentions posted in the period, each scored from -1 to 1 (the export's own
-- score, or one worked out in your browser from the text): positive above 0.1, negative below -0.1,
-- neutral between. By month, the share of each tone; the headline is net sentiment, the percentage
-- positive minus the percentage negative.

-- A mention without a sentiment in the export is scored by the in-browser lexicon scorer on load.
with scored as (
  select date_trunc('month', posted_at)::date as month,
         case when sentiment > 0.1 then 'positive' when sentiment < -0.1 then 'negative' else 'neutral' end as tone
  from social_mentions
  where sentiment is not null
    and posted_at >= getvariable('period_start')
    and posted_at < getvariable('period_end') + interval 1 day
)
select null::date as month,
       null::varchar as tone,
       count(*)::integer as mentions,
       null::double as share,
       ((count(*) filter (where tone = 'positive') - count(*) filter (where tone = 'negative')) / nullif(count(*), 0))::double as net_sentiment
from scored
union all
select month, tone, count(*)::integer, (count(*) / sum(count(*)) over (partition by month))::double, null::double
from scored
group by month, tone
order by month nulls first, tone
