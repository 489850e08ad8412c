-- id: rfm_segment_map
-- version: 1
-- title: RFM segment rules
-- needs: customer_orders(customer_id)
-- view: heatmap(r, fm, rfm_segment)
-- show: r integer | Recency score
-- show: fm integer | Frequency and monetary score
-- show: rfm_segment category | RFM segment
-- show: segment_order integer | Order
-- columns: r integer, fm integer, rfm_segment varchar, segment_order integer
-- The segment each pair of scores falls in: recency score (1 to 5) by the combined frequency and
-- monetary score (1 to 5), all 25 cells named.

-- The one statement of the segment rules; customer_rfm names each customer's segment from it and
-- rfm_grid draws it. It reads no table (orders are named because scores need them).
--
--   FM 5 | Can't lose them  Can't lose them  Loyal           Loyal               Champions
--   FM 4 | At risk          At risk          Loyal           Loyal               Champions
--   FM 3 | At risk          At risk          Need attention  Potential loyalists Potential loyalists
--   FM 2 | Hibernating      Hibernating      About to sleep  Potential loyalists Potential loyalists
--   FM 1 | Lost             Hibernating      About to sleep  Promising           New
--          R 1              R 2              R 3             R 4                 R 5
--
-- The widely used R x FM map (Champions R5 FM4-5; Loyal R3-4 FM4-5; Potential loyalists R4-5
-- FM2-3; New R5 FM1; Promising R4 FM1; Need attention R3 FM3; About to sleep R3 FM1-2; At risk
-- R1-2 FM3-4; Can't lose them R1-2 FM5; Hibernating R1-2 FM1-2 but R1 FM1, which is Lost), the
-- recency by frequency-and-monetary chart Putler draws. segment_order: best first, for listings.
with grid as (
  select r.r, fm.fm
  from range(1, 6) r(r), range(1, 6) fm(fm)
),
named as (
  select r,
         fm,
         case
           when r = 5 and fm >= 4 then 'Champions'
           when r between 3 and 4 and fm >= 4 then 'Loyal'
           when r >= 4 and fm between 2 and 3 then 'Potential loyalists'
           when r = 5 and fm = 1 then 'New'
           when r = 4 and fm = 1 then 'Promising'
           when r = 3 and fm = 3 then 'Need attention'
           when r = 3 and fm <= 2 then 'About to sleep'
           when r <= 2 and fm = 5 then 'Can''t lose them'
           when r <= 2 and fm between 3 and 4 then 'At risk'
           when r = 1 and fm = 1 then 'Lost'
           else 'Hibernating'
         end as rfm_segment
  from grid
)
select r::integer as r,
       fm::integer as fm,
       rfm_segment::varchar as rfm_segment,
       list_position(['Champions', 'Loyal', 'Potential loyalists', 'New', 'Promising', 'Need attention', 'About to sleep', 'At risk', 'Can''t lose them', 'Hibernating', 'Lost'], rfm_segment)::integer as segment_order
from named
order by fm desc, r
