// Pins that the worker's and the runner's sentences follow the language: a file's rows set aside
// while reading are stored with their reason in the language of the load (the reason is a code
// inside, so a French load of a ragged file still says "ragged"); DuckDB's own error text reaches
// the reader only inside a sentence in their language that says what failed and what to do; our
// own sentences pass through unwrapped; the runner's argument errors, progress lines and failures
// speak --lang (or the environment's language) from the first word.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { argsLanguage, moduleParams, parseKpiArgs } from '../../src/cli/kpiArgs';
import { engineSettings, outOfMemory, runnerError, stepper } from '../../src/cli/engine';
import { readCatalog } from '../../src/cli/readModules';
import { runnerCurrency } from '../../src/lib/currency';
import { setLocale } from '../../src/lib/i18n';
import { parseMappingFile } from '../../src/lib/mappingFile';
import { Said } from '../../src/lib/said';
import { checkUrl } from '../../src/worker/fetchRemote';
import { ingest } from '../../src/worker/ingest/ingest';
import { listSetAside } from '../../src/worker/ingest/sources';
import { sqlError } from '../../src/worker/outcomes';
import { removeFile } from '../../src/worker/removals';
import { openIngestHost } from '../support/ingestHost';
import { failed, loaded } from '../support/ingestFixtures';

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());
afterEach(() => setLocale('en-US'));

const csv = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

describe('the worker, on real DuckDB-WASM', () => {
  test('lines set aside while reading are stored with their reason in the language of the load', async () => {
    setLocale('fr-FR');
    const v = await loaded(host, 'ragged.csv');
    expect(v.setAside).toEqual([{ reason: 'nombre de champs incorrect', rows: 2 }]);
    expect((await listSetAside(host, v.sourceId)).map((r) => [r.line, r.reason])).toEqual([
      [3, 'nombre de champs incorrect'],
      [5, 'nombre de champs incorrect'],
    ]);
    setLocale('ro-RO');
    const again = await loaded(host, 'ragged.csv');
    expect(again.setAside).toEqual([{ reason: 'număr greșit de câmpuri', rows: 2 }]);
  });

  test('a file whose lines all break is "ragged" by its reason\'s code, whatever the language, and says so in it', async () => {
    setLocale('es-ES');
    const error = await failed(host, 'ragged-mostly.csv');
    expect(error.code).toBe('ragged');
    expect(error.message).toMatch(/^«ragged-mostly\.csv»: la mayoría de las líneas/);
  });

  test('a bad file in French: what is wrong, which line, and what to do, with no English', async () => {
    setLocale('fr-FR');
    const error = await failed(host, 'broken.csv', csv('order_id,customer_id,order_date,revenue', 'A1,"c1"x,2024-01-01,3', 'A2,"c2"y,2024-01-02,4'));
    expect(error.code).toBe('no-readable-rows');
    expect(error.message).toBe(
      '«\u00a0broken.csv\u00a0» n’a aucune ligne lisible (ligne 2\u00a0: guillemets mal fermés). Exportez-le à nouveau en CSV.',
    );
  });

  test('DuckDB\'s error reaches the reader inside a sentence in their language that says what to do', async () => {
    setLocale('fr-FR');
    const caught = await host.rows('select * from no_such_table').then(() => undefined, (e: unknown) => e);
    const error = sqlError(caught);
    expect(error.code).toBe('sql-name');
    expect(error.message).toMatch(/^le SQL cite une table, une colonne ou une fonction absente des données \(.*no_such_table.*\)\. Vérifiez les noms/);
    const syntax = sqlError(await host.rows('selec 1').then(() => undefined, (e: unknown) => e));
    expect(syntax.code).toBe('sql-syntax');
    expect(syntax.message).toMatch(/^le SQL n’a pas pu être lu \(.*selec.*\)\. Corrigez la requête et relancez-la\.$/);
  });

  test('our own sentence passes through sqlError as it is', () => {
    setLocale('es-ES');
    expect(sqlError(new Said('«x» no es un nombre de parámetro válido'))).toEqual({ code: 'sql', message: '«x» no es un nombre de parámetro válido' });
  });

  test('a removal of a file that is not loaded, and a bad web address, in Romanian', async () => {
    setLocale('ro-RO');
    await expect(removeFile(host, { sources: new Map(), canonical: [] }, 'nope.csv', 1)).rejects.toThrow('nu există niciun fișier încărcat numit „nope.csv”');
    expect(() => checkUrl('orders.csv')).toThrow('„orders.csv” nu este o adresă web. Lipiți o adresă completă care începe cu https://.');
  });
});

describe('the runner', () => {
  test('an argument error in Spanish, from --lang or from the environment, before anything else is read', () => {
    expect(() => parseKpiArgs(['x.csv', '--lang', 'es', '--out-format', 'xml'], {})).toThrow('--out-format xml: indique parquet o csv');
    expect(() => parseKpiArgs(['x.csv', '--out-format', 'xml', '--lang=es'], {})).toThrow('--out-format xml: indique parquet o csv');
    expect(() => parseKpiArgs(['x.csv', '--from', '2024-13-45'], { LANG: 'es_MX.UTF-8' })).toThrow('--from 2024-13-45 no es una fecha (AAAA-MM-DD)');
    expect(() => parseKpiArgs([], { LANG: 'es_ES.UTF-8' })).toThrow(/^no se indicó ningún archivo\nuso: npm run kpis -- <archivos\.\.\.>/);
    // Node's own words for an unknown option are the detail of a Spanish sentence.
    expect(() => parseKpiArgs(['x.csv', '--nope'], { LANG: 'es_ES.UTF-8' })).toThrow(/^no se pudo leer la línea de comandos: .*--nope/);
    // An unknown --lang is said in the environment's language.
    expect(() => parseKpiArgs(['x.csv', '--lang', 'de'], { LANG: 'fr_FR.UTF-8' })).toThrow('--lang de\u00a0: indiquez l’une de ces langues\u00a0: en, fr, es, ro');
    expect(argsLanguage(['--lang', 'ro'], { LANG: 'fr_FR' })).toBe('ro');
  });

  test('a parameter refused in Spanish names the module, the parameter and the range', () => {
    setLocale('es-ES');
    const modules = readCatalog().current;
    const given = (flag: string) => moduleParams([{ module: flag.split('.')[0], name: flag.split('.')[1].split('=')[0], text: flag.split('=')[1] }], modules);
    expect(() => given('top_customer_share.top_share=20')).toThrow('--param top_customer_share.top_share=20: top_customer_share: top_share va de 1% a 99%');
    expect(() => given('new_customers.top=3')).toThrow('new_customers no tiene el parámetro top (tiene grain)');
    expect(() => given('inactive_customers.window_days=2.5')).toThrow('inactive_customers: window_days es un número entero');
    // The range's unit is the module's word in the language, not the module file's English.
    expect(() => given('clv_top_customers.top=-3')).toThrow('clv_top_customers: top va de 1 a 1000 clientes');
  });

  test('the currency, mapping-file and memory sentences follow the language', () => {
    setLocale('ro-RO');
    expect(() => runnerCurrency({ kind: 'several', currencies: [{ code: 'RON', orders: 3 }, { code: 'EUR', orders: 1 }], linesWithout: 0 })).toThrow(
      'comenzile sunt în mai multe monede, RON (3 comenzi), EUR (1 comandă), iar sumele în monede diferite nu se adună niciodată: rulați din nou cu --currency RON',
    );
    expect(() => parseMappingFile('{"format": "other"}', 'm.json')).toThrow('m.json nu este un fișier de asociere Clientele');
    const settings = { ...engineSettings('200MB', '/tmp/spill'), cleanUp: () => undefined };
    expect(outOfMemory('tabele pregătite', new Error('Out of Memory Error: failed to allocate'), settings).message).toMatch(
      /^tabele pregătite nu a încăput în memorie: DuckDB poate folosi 200 MB .* Mesajul DuckDB: Out of Memory Error: failed to allocate$/,
    );
  });

  test('progress lines and a step\'s failure are in the language; DuckDB\'s words are the detail', async () => {
    setLocale('fr-FR');
    const lines: string[] = [];
    const settings = { ...engineSettings('1GB', '/tmp/spill'), cleanUp: () => undefined };
    const step = stepper(settings, (l) => lines.push(l), 0);
    await step('tables préparées', () => new Promise((done) => setTimeout(done, 30)));
    expect(lines[0]).toMatch(/^tables préparées… 0\u00a0s, .* utilisés$/);
    expect(lines.at(-1)).toMatch(/^tables préparées\u00a0: terminé en 0\u00a0s$/);
    const failure = await step('devises', () => Promise.reject(new Error('Binder Error: column "currency" not found\nLINE 1: ...'))).catch((e: unknown) => e);
    expect(runnerError(failure)).toBe('devises a échoué\u00a0: Binder Error: column "currency" not found. Vérifiez les fichiers et les options indiqués, puis relancez.');
    expect(runnerError(new Said('aucune période\u00a0: indiquez --from et --to'))).toBe('aucune période\u00a0: indiquez --from et --to');
    expect(runnerError(new Error('EACCES: permission denied'))).toBe('l’exécution s’est arrêtée\u00a0: EACCES: permission denied. Vérifiez les fichiers et les options indiqués, puis relancez.');
  });
});
