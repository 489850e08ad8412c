// Pins the customer CSV's file name: the scope's facets and segment, then the period; a value
// with a comma, quote or accent stays readable and never breaks the name.
import { describe, expect, it } from 'vitest';
import { customerCsvName } from '../../src/lib/exportName';

describe('customerCsvName', () => {
  it('names everyone in the period by the period alone', () => {
    expect(customerCsvName({ start: '2025-01-01', end: '2025-12-31' })).toBe('customers_2025-01-01_2025-12-31.csv');
  });

  it('names the segment and the facets, values joined, odd characters as dashes', () => {
    const name = customerCsvName({ start: '2025-01-01', end: '2025-03-31', segment: "Can't lose them", facets: { country: ['FR', 'DE'], city: ['Côte d"Or, Dijon'], product: [] } });
    expect(name).toBe('customers_Can-t-lose-them_country-FR+DE_city-Côte-d-Or-Dijon_2025-01-01_2025-03-31.csv');
  });

  it('lists three values of a facet and counts the rest', () => {
    expect(customerCsvName({ start: 'a', end: 'b', facets: { city: ['A', 'B', 'C', 'D', 'E'] } })).toBe('customers_city-A+B+C+2-more_a_b.csv');
  });
});
