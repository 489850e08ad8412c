// When recognition is sure enough to load without asking, and when a thin guess asks instead;
// abbreviated and run-together headers in the four languages; what the columns' values fill in
// where the headers say nothing, and where they overrule a header.
import { describe, expect, it } from 'vitest';
import { fitsNoTable, recognise } from '../../src/lib/mapping/recognise';
import type { ColumnFacts } from '../../src/lib/mapping/types';

describe('recognise', () => {
  it('asks when the only key is a bare "id", which could be any table’s', () => {
    const proposal = recognise(['id', 'city', 'amount'], 'Ventes été.csv');
    expect(proposal.decision).toBe('ask');
    expect(proposal.reason).toBe('the column "id" could be the key of any table');
    expect(proposal.guesses[0].mapping.columns.customer_id).toBe('id');
  });

  it('is sure of the same bare "id" when the file is named for the table', () => {
    const proposal = recognise(['id', 'city', 'email'], 'customers-2025.csv');
    expect(proposal.decision).toBe('sure');
    expect(proposal.guesses[0].table).toBe('customers');
  });

  it('asks when most of the file’s columns go unrecognised', () => {
    const proposal = recognise(['customer id', 'colour', 'size', 'weight', 'shelf'], 'export.csv');
    expect(proposal.decision).toBe('ask');
    expect(proposal.reason).toBe('only 1 of its 5 columns were recognised');
  });

  it('is sure of a plain orders export whose columns all have a meaning', () => {
    const proposal = recognise(['order_id', 'customer_id', 'order_date', 'revenue', 'country'], 'shop export.csv');
    expect(proposal.decision).toBe('sure');
    expect(proposal.guesses[0].table).toBe('orders');
  });

  it('says a file fits no table when its best guess lacks most required columns', () => {
    expect(fitsNoTable(recognise(['k', 'label', 'measure', 'day', 'note'], 'plain1m.csv'))).toBe(true); // only "day", of marketing spend's three
    expect(fitsNoTable(recognise(['sku', 'colour'], 'price-list.csv'))).toBe(true);
    expect(fitsNoTable(recognise(['customer_id', 'order_date', 'revenue'], 'x.csv'))).toBe(false); // orders without an order id: ask
  });
});

describe('abbreviated headers', () => {
  it.each([
    ['an ERP, run together', ['OrderNo', 'CustNo', 'OrderDate', 'NetAmount']],
    ['English abbreviations', ['Order Nr', 'Cust No', 'Date', 'Amt']],
    ['French abbreviations', ['N° cde', 'Réf client', 'Date', 'Mnt TTC']],
    ['Spanish abbreviations', ['Núm. pedido', 'Nº cliente', 'Fecha', 'Importe']],
    ['Romanian abbreviations', ['Nr. comandă', 'Cod client', 'Data', 'Sumă']],
    ['a key word after its thing', ['Order Ref', 'Customer Code', 'Order Date', 'Total']],
  ])('%s: orders, each header in its place, without asking', (_, headers) => {
    const proposal = recognise(headers, 'export.txt');
    expect(proposal.decision).toBe('sure');
    expect(proposal.guesses[0].table).toBe('orders');
    expect(proposal.guesses[0].mapping.columns).toEqual({ order_id: headers[0], customer_id: headers[1], order_date: headers[2], revenue: headers[3] });
  });

  it('reads abbreviated quantities and the Spanish "Num." key: Cant. x Precio stands in for the total', () => {
    const proposal = recognise(['Num. pedido', 'Cliente', 'Fecha', 'Cant.', 'Precio'], 'ventas.csv');
    expect(proposal.decision).toBe('sure');
    expect(proposal.guesses[0].mapping.columns).toEqual({ order_id: 'Num. pedido', customer_id: 'Cliente', order_date: 'Fecha', quantity: 'Cant.', unit_price: 'Precio' });
  });

  it('no longer leaves an ERP export as a table of its own', () => {
    expect(fitsNoTable(recognise(['OrderNo', 'CustNo', 'OrderDate', 'NetAmount'], 'EXPORT_ORD.txt'))).toBe(false);
  });

  it('a key name is a thing and a key word, nothing more: a client’s postcode is not the client', () => {
    const proposal = recognise(['Réf commande', 'Code postal client', 'Date', 'Montant'], 'ventes.csv');
    expect(proposal.guesses[0]).toMatchObject({ table: 'orders', missing: ['customer_id'] });
    expect(proposal.guesses[0].mapping.columns.order_id).toBe('Réf commande');
  });

  it('a lone abbreviation names nothing: "ref" is not a key of any table', () => {
    expect(recognise(['ref', 'who', 'when', 'how much']).guesses).toEqual([]);
  });
});

// Facts as columnFacts.ts counts them over 4 rows: a date or an amount is also one token with a digit.
const text: ColumnFacts = { values: 4, dates: 0, numbers: 0, decimals: 0, codes: 0, distinct: 3 };
const dates: ColumnFacts = { values: 4, dates: 4, numbers: 0, decimals: 0, codes: 4, distinct: 2 };
const amounts: ColumnFacts = { values: 4, dates: 0, numbers: 4, decimals: 4, codes: 4, distinct: 4 };
const codes = (distinct: number): ColumnFacts => ({ values: 4, dates: 0, numbers: 0, decimals: 0, codes: 4, distinct });
const guessFor = (table: string, proposal: ReturnType<typeof recognise>) => proposal.guesses.find((g) => g.table === table)!;
const till = ['Réf commande', 'N° client', 'Jour', 'Montant TTC', 'Catégorie', 'Ville'];

describe('values where headers say nothing', () => {
  it('a French till export: "Jour", every value a date, is the order date; loads without asking', () => {
    expect(recognise(till, 'caisse.csv')).toMatchObject({ decision: 'ask', reason: 'no column found for order_date' });
    const proposal = recognise(till, 'caisse.csv', [codes(3), codes(2), dates, amounts, text, text]);
    expect(proposal.decision).toBe('sure');
    expect(proposal.guesses[0]).toMatchObject({ table: 'orders', missing: [], fromContent: ['order_date'] });
    expect(proposal.guesses[0].mapping.columns).toEqual({
      order_id: 'Réf commande', customer_id: 'N° client', order_date: 'Jour', revenue: 'Montant TTC', product: 'Catégorie', city: 'Ville',
    });
  });

  it('two columns of dates and no header for either: it asks rather than pick one', () => {
    const proposal = recognise(['Réf commande', 'N° client', 'Jour', 'Livraison', 'Montant TTC'], 'caisse.csv', [codes(4), codes(2), dates, dates, amounts]);
    expect(proposal.decision).toBe('ask');
    expect(guessFor('orders', proposal)).toMatchObject({ missing: ['order_date'], mapping: { columns: { order_id: 'Réf commande', customer_id: 'N° client', revenue: 'Montant TTC' } } });
    expect(guessFor('orders', proposal).fromContent).toBeUndefined();
  });

  it('an amount needs decimals, a key needs codes, and a header always wins over values', () => {
    const headers = ['Client', 'Date', 'Bon', 'Somme', 'Paiement'];
    const proposal = recognise(headers, 'x.csv', [codes(2), dates, codes(4), amounts, dates]);
    expect(proposal.guesses[0]).toMatchObject({ table: 'orders', fromContent: ['revenue', 'order_id'] });
    expect(proposal.guesses[0].mapping.columns).toEqual({ customer_id: 'Client', order_date: 'Date', order_id: 'Bon', revenue: 'Somme' });
    // Whole numbers could be a quantity or a key: with two columns of codes, neither is taken as the order id.
    const wholeNumbers = { ...amounts, decimals: 0 };
    expect(guessFor('orders', recognise(headers, 'x.csv', [codes(2), dates, codes(4), wholeNumbers, text])).missing).toEqual(['order_id', 'revenue']);
  });

  it('a customer list’s key never repeats: repeating codes are not filled in as one', () => {
    const headers = ['Nom', 'Courriel', 'Ville', 'Code'];
    const unique = recognise(headers, 'x.csv', [text, text, text, codes(4)]);
    expect(unique.decision).toBe('sure');
    expect(unique.guesses[0]).toMatchObject({ table: 'customers', missing: [], fromContent: ['customer_id'], mapping: { columns: { customer_id: 'Code', email: 'Courriel' } } });
    const repeating = recognise(headers, 'x.csv', [text, text, text, codes(2)]);
    expect(repeating.decision).toBe('ask');
    expect(guessFor('customers', repeating).missing).toEqual(['customer_id']);
  });

  it('values alone never make a table: headers that name nothing still ask as before', () => {
    const proposal = recognise(['ref', 'who', 'when', 'how much'], 'unclear.csv', [codes(4), codes(2), dates, amounts]);
    expect(proposal).toMatchObject({ decision: 'ask', reason: 'none of the columns look like orders, customers, tickets or another known table' });
  });

  it('a header whose column holds not one value of its kind asks, naming it', () => {
    const headers = ['Order ID', 'Customer ID', 'Date', 'Total'];
    expect(recognise(headers, 'x.csv', [codes(4), codes(2), dates, amounts]).decision).toBe('sure');
    expect(recognise(headers, 'x.csv', [codes(4), codes(2), text, amounts])).toMatchObject({ decision: 'ask', reason: 'the column "Date" chosen for order_date holds no dates' });
    expect(recognise(headers, 'x.csv', [codes(4), codes(2), dates, text])).toMatchObject({ decision: 'ask', reason: 'the column "Total" chosen for revenue holds no numbers' });
  });

  it('keeps the strict rules with values given: a bare "id" asks, so do mostly unused columns', () => {
    expect(recognise(['id', 'city', 'amount'], 'Ventes été.csv', [codes(3), text, amounts]).reason).toBe('the column "id" could be the key of any table');
    expect(recognise(['customer id', 'colour', 'size', 'weight', 'shelf'], 'export.csv', [codes(4), text, text, amounts, dates]).reason).toBe('only 1 of its 5 columns were recognised');
  });
});

it("values never make another table's key of a header whose name is taken: an order number is no ticket id", () => {
  // A French ERP export: its order numbers are unique codes and its dates dates, which would make
  // a complete tickets guess (client + codes + dates) if the order number could be a ticket id.
  const headers = ['numero de commande', 'client', 'date de commande', 'montant', 'transporteur', 'entrepot', 'poids', 'remarque', 'vendeur'];
  const p = recognise(headers, 'ventes-mars.csv', [codes(4), codes(2), dates, amounts, text, text, amounts, text, text]);
  expect(p.reason).toBe('could be orders or customers');
  expect(p.guesses.find((g) => g.table === 'tickets')?.missing).toContain('ticket_id');
});
