// When recognition is sure enough to load without asking, and when a thin guess asks instead.
import { describe, expect, it } from 'vitest';
import { fitsNoTable, recognise } from '../../src/lib/mapping/recognise';

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
