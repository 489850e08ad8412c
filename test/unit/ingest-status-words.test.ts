// Pins status words in English, French, Spanish and Romanian (feminine and plural forms, any
// accents and case) as refunds, cancellations and the other classes, and the load report
// counting guest and refunded orders, not their lines (real DuckDB-WASM).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { statusClassSql } from '../../src/worker/ingest/statusSql';
import { openIngestHost } from '../support/ingestHost';
import { loaded, rowsFrom } from '../support/ingestFixtures';

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

test('a French export: Remboursée and Annulée orders are refunds, Expédiée ones sales; refunds counted per order', async () => {
  const v = await loaded(host, 'commandes-statuts.csv');
  // F-102 and F-105 (two lines) refunded, F-103 cancelled.
  expect(v).toMatchObject({ table: 'orders', rowsLoaded: 7, refundOrders: 3 });
  expect(await rowsFrom(host, v, 'order_id, revenue, refund, status')).toEqual([
    { order_id: 'F-101', revenue: 40, refund: 0, status: 'shipped' },
    { order_id: 'F-102', revenue: 25, refund: 25, status: 'refunded' },
    { order_id: 'F-103', revenue: 15, refund: 15, status: 'cancelled' },
    { order_id: 'F-104', revenue: 30, refund: 0, status: 'shipped' },
    { order_id: 'F-105', revenue: 7.5, refund: 7.5, status: 'refunded' },
    { order_id: 'F-105', revenue: 12.5, refund: 12.5, status: 'refunded' },
    { order_id: 'F-106', revenue: 9, refund: 0, status: 'pending' },
  ]);
  const [rate] = await host.rows(`select sum(refund) / sum(revenue) as refunded from base.orders where source_file = ?`, [v.sourceId]);
  expect(rate.refunded).toBeCloseTo(60 / 139, 12);
});

const classes: [string, string][] = [
  ['Refunded', 'refunded'], ['Partially refunded', 'refunded'], ['remboursé', 'refunded'], ['REMBOURSÉES', 'refunded'],
  ['Partiellement remboursée', 'refunded'], ['Reembolsadas', 'refunded'], ['reembolsado', 'refunded'],
  ['Rambursată', 'refunded'], ['rambursați', 'refunded'], ['Rambursate', 'refunded'],
  ['Annulés', 'cancelled'], ['annulée', 'cancelled'], ['Cancelada', 'cancelled'], ['anulados', 'cancelled'], ['Anulată', 'cancelled'], ['anulat', 'cancelled'],
  ['Échouée', 'failed'], ['echoue', 'failed'], ['Fallida', 'failed'], ['Eșuată', 'failed'], ['eşuat', 'failed'],
  ['En attente', 'pending'], ['Pendiente', 'pending'], ['În așteptare', 'pending'], ['on-hold', 'pending'],
  ['Expédié', 'shipped'], ['expédiées', 'shipped'], ['Enviadas', 'shipped'], ['Expediată', 'shipped'], ['expediate', 'shipped'],
  ['Terminée', 'completed'], ['Completado', 'completed'], ['Finalizată', 'completed'], ['wc-completed', 'completed'],
  ['Payée', 'paid'], ['Pagado', 'paid'], ['Plătită', 'paid'],
  // Not a status word: kept as written, lower case.
  ['Remboursement partiel demandé', 'refunded'], ['Gift', 'gift'], ['Reembolsadorama', 'reembolsadorama'],
];

test.each(classes)('status %s is classed %s', async (status, expected) => {
  const [row] = await host.rows(`select ${statusClassSql('s')} as cls from (select ?::varchar as s)`, [status]);
  expect(row.cls).toBe(expected);
});

test('12 guest orders on 24 lines are 12 guest orders, read directly or through a mapping', async () => {
  const direct = await loaded(host, 'orders-guest-lines.csv');
  expect(direct).toMatchObject({ rowsLoaded: 25, guestOrders: 12, refundOrders: 0 });
  const columns = { order_id: 'order_id', customer_id: 'customer_id', order_date: 'order_date', revenue: 'revenue', product: 'product' };
  const mapped = await loaded(host, 'orders-guest-lines.csv', { mapping: { table: 'orders', columns } });
  expect(mapped).toMatchObject({ rowsLoaded: 25, guestOrders: 12 });
});
