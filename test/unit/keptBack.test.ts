// Pins what the page says when the files kept in this browser are read again on start: one status
// naming each file with its rows (counts in the reader's language, Romanian's few form), where the
// notes from reading them are, and nothing when no file came back.
import { afterEach, expect, test } from 'vitest';
import { keptBackText } from '../../src/lib/loadNotices';
import { setLocale, t } from '../../src/lib/i18n';

afterEach(() => setLocale('en-US'));

test('one file, its rows, no notes', () => {
  setLocale('en-US');
  expect(keptBackText([{ name: 'orders.csv', rows: 1658, notes: 0 }], t('log.open'))).toBe('Your kept data is back: orders.csv (1,658 rows).');
  expect(keptBackText([{ name: 'one.csv', rows: 1, notes: 0 }], t('log.open'))).toBe('Your kept data is back: one.csv (1 row).');
});

test('several files as a list, and the notes from reading them counted together', () => {
  setLocale('en-US');
  const back = [
    { name: 'orders.csv', rows: 1658, notes: 1 },
    { name: 'tickets.csv', rows: 40, notes: 0 },
    { name: 'surveys.csv', rows: 1, notes: 2 },
  ];
  expect(keptBackText(back, t('log.open'))).toBe(
    'Your kept data is back: orders.csv (1,658 rows), tickets.csv (40 rows), and surveys.csv (1 row). 3 notes from reading it are in “What was loaded”.',
  );
  expect(keptBackText([{ name: 'a.csv', rows: 2, notes: 1 }], t('log.open'))).toBe('Your kept data is back: a.csv (2 rows). 1 note from reading it is in “What was loaded”.');
});

test('in French, Spanish and Romanian, with their numbers and forms', () => {
  setLocale('fr-FR');
  expect(keptBackText([{ name: 'commandes.csv', rows: 1658, notes: 2 }], t('log.open'))).toBe(
    'Vos données gardées sont de retour\u00a0: commandes.csv (1\u202f658 lignes). Les 2 remarques faites à leur lecture sont dans «\u00a0Ce qui a été chargé\u00a0».',
  );
  setLocale('es-ES');
  expect(keptBackText([{ name: 'pedidos.csv', rows: 1, notes: 1 }, { name: 'b.csv', rows: 3, notes: 0 }], t('log.open'))).toBe(
    'Sus datos guardados están de vuelta: pedidos.csv (1 fila) y b.csv (3 filas). 1 observación de su lectura está en «Lo que se ha cargado».',
  );
  setLocale('ro-RO');
  expect(keptBackText([{ name: 'comenzi.csv', rows: 3, notes: 0 }], t('log.open'))).toBe('Datele dumneavoastră păstrate au revenit: comenzi.csv (3 rânduri).');
  expect(keptBackText([{ name: 'comenzi.csv', rows: 20, notes: 20 }], t('log.open'))).toBe(
    'Datele dumneavoastră păstrate au revenit: comenzi.csv (20 de rânduri). Cele 20 de observații de la citirea lor sunt în „Ce s-a încărcat”.',
  );
});

test('nothing came back, nothing is said', () => {
  expect(keptBackText([], 'What was loaded')).toBe('');
});
