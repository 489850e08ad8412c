/**
 * Fills social_mentions.sentiment where the export did not carry one, with the lexicon scorer.
 * Without a `lang` column every text's language is detected; without a `sentiment` column one
 * is added. Returns how many mentions it scored.
 */
import type { Db } from '../db';
import { scoreText } from './score';

export async function scoreMentions(db: Db, table = 'base.social_mentions'): Promise<number> {
  const columns = new Set((await db.rows(`select column_name from (describe ${table})`)).map((r) => r.column_name));
  if (!columns.has('sentiment')) await db.exec(`alter table ${table} add column sentiment double`);
  const lang = columns.has('lang') ? 'lang' : 'null::varchar as lang';
  const rows = await db.rows(`select rowid::double as id, text, ${lang} from ${table} where sentiment is null and text is not null`);
  if (rows.length === 0) return 0;
  const ids = new Float64Array(rows.length);
  const scores = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    ids[i] = r.id as number;
    scores[i] = scoreText(String(r.text), r.lang as string | null);
  });
  await db.insertColumns('sentiment_scores', { id: ids, score: scores });
  await db.exec(`update ${table} as m set sentiment = s.score from sentiment_scores s where m.rowid = s.id::bigint`);
  await db.exec('drop table sentiment_scores');
  return rows.length;
}
