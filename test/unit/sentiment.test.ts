// Pins the lexicon sentiment scorer: polarity in four languages (expected by reading the
// sentences), negation, language detection, and filling only the rows that lack a score.
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
