// Pins the lexicon sentiment scorer: polarity in four languages (expected by reading the
// sentences), negation, elision, whole words against stems, accents, language detection, and
// filling only the rows that lack a score, with or without a lang column.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { detectLanguage, scoreText } from '../../src/lib/sentiment/score';
import { scoreMentions } from '../../src/lib/sentiment/scoreMentions';
import { loadTables } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const cases: [string, string, 'positive' | 'negative' | 'neutral'][] = [
  ['en', 'Loving the espresso beans, best coffee I have had all year!', 'positive'],
  ['en', 'My kettle arrived broken and nobody answers. Terrible service.', 'negative'],
  ['en', 'Ordered the decaf today, should arrive next week.', 'neutral'],
  ['en', 'The grinder is not good.', 'negative'],
  ['fr', "J'adore le café de chez vous, excellent et livré rapidement !", 'positive'],
  ['fr', 'Colis arrivé abîmé, très déçu. Service nul.', 'negative'],
  ['fr', "Ce n'est pas mauvais.", 'positive'],
  ['es', 'Me encanta el café, ¡el mejor que he probado!', 'positive'],
  ['es', 'El pedido llegó roto y nadie contesta. Pésimo servicio.', 'negative'],
  ['ro', 'Ador cafeaua, cea mai bună! Livrare rapidă.', 'positive'],
  ['ro', 'Coletul a ajuns deteriorat, serviciu groaznic.', 'negative'],
  ['ro', 'Am comandat azi, ar trebui să ajungă luni.', 'neutral'],
  ['en', 'Honestly not bad at all.', 'positive'],
  ['en', 'The goods left the warehouse on Monday.', 'neutral'],
  ['en', 'Still waiting, the parcel is lost and support ignored me.', 'negative'],
  ['fr', "J'adore.", 'positive'],
  ['fr', "Je n'aime pas ce café.", 'negative'],
  ['fr', 'Je cherche un cadeau pour ma mère.', 'neutral'],
  ['fr', 'Produit conforme, livraison rapide, très satisfaite.', 'positive'],
  ['es', 'No es bueno, llegó caducado.', 'negative'],
  ['es', 'La cafetera no está mal.', 'positive'],
  ['es', '¿Alguien sabe si el molinillo sirve para cafetera italiana?', 'neutral'],
  ['es', 'Atención al cliente muy amable, ¡gracias!', 'positive'],
  ['ro', 'Produsul n-a fost bun.', 'negative'],
  ['ro', 'Nu sunt mulțumit de comandă, lipsă un pachet.', 'negative'],
  ['ro', 'Știe cineva dacă merge la espressor?', 'neutral'],
  ['ro', 'Suport amabil și livrare promptă, recomand!', 'positive'],
];

const tone = (s: number) => (s > 0.1 ? 'positive' : s < -0.1 ? 'negative' : 'neutral');

test.each(cases)('%s: %s', (lang, text, expected) => {
  const score = scoreText(text, lang);
  expect(score).toBeGreaterThanOrEqual(-1);
  expect(score).toBeLessThanOrEqual(1);
  expect(tone(score)).toBe(expected);
});

test('the language is guessed from function words when the row has none', () => {
  expect(detectLanguage('Le colis est arrivé avec un jour de retard')).toBe('fr');
  expect(detectLanguage('El pedido es muy bueno y llegó con la caja')).toBe('es');
  expect(detectLanguage('Am primit coletul si este foarte frumos')).toBe('ro');
  expect(detectLanguage('The box was late but the coffee is fine')).toBe('en');
  expect(tone(scoreText('Service très sympa et efficace, merci'))).toBe('positive');
});

test('accents, case and the two Romanian comma forms do not change a score', () => {
  expect(scoreText('TRES DECU, NUL', 'fr')).toBe(scoreText('Très déçu, nul', 'fr'));
  expect(scoreText('Sunt foarte mulţumită', 'ro')).toBe(scoreText('Sunt foarte mulțumită', 'ro'));
  expect(scoreText('Pesimo', 'es')).toBe(scoreText('Pésimo', 'es'));
});

test('a language tag is read by its first two letters; words the lexicon lacks score 0', () => {
  expect(scoreText('Excelente', 'es-ES')).toBe(scoreText('Excelente', 'es'));
  expect(scoreText('Excelente', 'ES')).toBe(scoreText('Excelente', 'es'));
  expect(scoreText('constructor toString hasOwnProperty', 'en')).toBe(0);
});

let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

test('scoreMentions fills missing scores and keeps the ones an export brought', async () => {
  await loadTables(
    db,
    {
      social_mentions: [
        { posted_at: '2024-01-01 10:00:00', text: 'Terrible, awful delivery', lang: 'en', sentiment: null },
        { posted_at: '2024-01-02 10:00:00', text: 'Excelente calidad', lang: null, sentiment: null },
        { posted_at: '2024-01-03 10:00:00', text: 'Terrible', lang: 'en', sentiment: 0.9 },
      ],
    },
    { start: '2024-01-01', end: '2024-01-31' },
  );
  expect(await scoreMentions(db)).toBe(2);
  const rows = await db.rows('select sentiment from base.social_mentions order by posted_at');
  expect((rows[0].sentiment as number) < -0.5).toBe(true);
  expect((rows[1].sentiment as number) > 0.5).toBe(true);
  expect(rows[2].sentiment).toBe(0.9);
});

test('scoreMentions detects the language when the table has no lang column', async () => {
  await db.exec('drop table if exists base.social_mentions cascade');
  await db.exec('create table base.social_mentions (posted_at timestamp, text varchar, sentiment double)');
  await db.exec(`insert into base.social_mentions values ('2024-01-01 10:00:00', 'Colis arrivé abîmé, très déçu', null), ('2024-01-02 10:00:00', null, null)`);
  expect(await scoreMentions(db)).toBe(1);
  const rows = await db.rows('select sentiment from base.social_mentions order by posted_at');
  expect((rows[0].sentiment as number) < -0.5).toBe(true);
  expect(rows[1].sentiment).toBe(null);
});

test('scoreMentions adds the sentiment column when the table has none', async () => {
  await db.exec('drop table if exists base.social_mentions cascade');
  await db.exec('create table base.social_mentions (posted_at timestamp, text varchar)');
  await db.exec(`insert into base.social_mentions values ('2024-01-01 10:00:00', 'Livrare rapidă, recomand!')`);
  expect(await scoreMentions(db)).toBe(1);
  const [row] = await db.rows('select sentiment from base.social_mentions');
  expect((row.sentiment as number) > 0.1).toBe(true);
});
