/** A status cell folded and classed as 'refunded', 'cancelled' or 'failed' by statusWords.ts; else its own text. */
import { statusWords } from '../../lib/mapping/statusWords';

export function statusClassSql(v: string): string {
  const folded = `trim(regexp_replace(lower(strip_accents(coalesce(${v}, ''))), '[^a-z0-9]+', ' ', 'g'))`;
  const arms = Object.entries(statusWords).map(([cls, words]) => `when regexp_matches(${folded}, '^(${words.join('|')})( |$)') then '${cls}'`);
  return `(case ${arms.join(' ')} else nullif(lower(trim(${v})), '') end)`;
}
