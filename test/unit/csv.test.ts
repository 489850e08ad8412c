// The CSV the explorer and the runner write (src/lib/csv.ts): a byte-order mark, labels as the
// header, ISO dates, plain numbers with a dot for ',' and a comma for ';', fields with the
// delimiter, quotes, line breaks or outer spaces quoted, accents intact, formulas disarmed.
import { expect, test } from 'vitest';
import { csvBytes, csvText, plainNumber, type CsvColumn } from '../../src/lib/csv';

const columns: CsvColumn[] = [
  { name: 'name', label: 'Name', type: 'varchar' },
  { name: 'first_order', label: 'First order', type: 'timestamp' },
  { name: 'orders', label: 'Orders', type: 'integer' },
  { name: 'revenue', label: 'Revenue; net', type: 'double' },
  { name: 'p_alive', label: 'Chance still a customer', type: 'double' },
];
const rows = [
  { name: "Zoë O'Hara, \"Zo\"", first_order: '2024-03-05 10:00:00', orders: 3, revenue: 1234.5, p_alive: 0.25 },
  { name: 'Line\nbreak', first_order: null, orders: 0, revenue: -0.1 - 0.2, p_alive: null },
  { name: '=HYPERLINK("http://x")', first_order: '2024-01-01 00:00:00', orders: 1, revenue: 1e21 / 1e21, p_alive: 1e-7 },
  { name: ' padded ', first_order: null, orders: 2, revenue: 0, p_alive: 0 },
];

test('comma: dot decimals, quoted fields with commas, quotes and line breaks', () => {
  expect(csvText(columns, rows, ',')).toBe(
    [
      'Name,First order,Orders,Revenue; net,Chance still a customer',
      '"Zoë O\'Hara, ""Zo""",2024-03-05 10:00:00,3,1234.5,0.25',
      '"Line\nbreak",,0,-0.3,',
      '"\'=HYPERLINK(""http://x"")",2024-01-01 00:00:00,1,1,0.0000001',
      '" padded ",,2,0,0',
      '',
    ].join('\r\n'),
  );
});

test('semicolon (European Excel): decimal commas, the semicolon in a label quoted, commas in text left bare', () => {
  expect(csvText(columns, rows.slice(0, 2), ';')).toBe(
    ['Name;First order;Orders;"Revenue; net";Chance still a customer', '"Zoë O\'Hara, ""Zo""";2024-03-05 10:00:00;3;1234,5;0,25', '"Line\nbreak";;0;-0,3;', ''].join('\r\n'),
  );
});

test('bytes: UTF-8 with a byte-order mark, accents as UTF-8', () => {
  const bytes = csvBytes([columns[0]], [{ name: 'Zoë' }]);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes.slice(3))).toBe('Name\r\nZoë\r\n');
});

test('plain numbers: no exponent, no float noise past 10 decimals', () => {
  expect(plainNumber(0.1 + 0.2, ',')).toBe('0.3');
  expect(plainNumber(275000, ';')).toBe('275000');
  expect(plainNumber(-0, ',')).toBe('0');
  expect(plainNumber(Number.NaN, ',')).toBe('');
});
