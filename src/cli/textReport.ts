/** The readable form of a KPI report: each module's title, headline and first rows. */
import type { Row } from '../lib/db';
import { formatColumnValue, formatHeadline } from '../lib/formatValue';
import type { ModelFit } from '../lib/clv/fitClv';
import { discountPercentText } from '../lib/clv/clvOptions';
import type { CurrencyCount } from '../lib/currency';
import type { LoadedFile } from './loadFiles';
import type { KpiReport, ModuleResult } from './runKpis';
import type { SegmentDef } from '../lib/customerSets';
import { parseNeedText } from '../lib/loadedColumns';
import { needsSentence } from '../lib/needsWords';

const shownRows = 5;

/** The first rows, under the columns' labels, each value in its column's format; numbers to the right. */
function table(rows: Row[], columns: ModuleResult['columns'], currency?: string): string[] {
  if (rows.length === 0) return ['    (no rows)'];
  const shown = rows.slice(0, shownRows).map((r) => columns.map((c) => formatColumnValue(r[c.name] ?? null, c.format, currency)));
  const right = columns.map((c) => rows.some((r) => typeof r[c.name] === 'number'));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...shown.map((r) => r[i].length)));
  const line = (cells: string[]) => `    ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')}`.trimEnd();
  const more = rows.length > shownRows ? [`    … ${rows.length - shownRows} more rows`] : [];
  return [line(columns.map((c) => c.label)), ...shown.map(line), ...more];
}

/** Each file: where it went, in the page's words (loaded, guests, refunds, what to know, set aside). */
function fileLines(files: LoadedFile[]): string[] {
  if (files.length === 0) return [];
  const out = ['Files'];
  for (const f of files) {
    out.push(`    ${f.file} -> ${f.table}: ${f.rowsLoaded} rows ${f.inPlace ? 'read in place' : 'loaded'}, ${f.setAside.reduce((n, s) => n + s.rows, 0)} set aside (${(f.ms / 1000).toFixed(1)} s)`);
    for (const n of f.notices) out.push(`        ${n.level === 'warning' ? '! ' : ''}${n.text}`);
  }
  return [...out, ''];
}

function modelLines(fit: ModelFit): string[] {
  const f = (v: number) => v.toFixed(3);
  const { bgnbd, gammaGamma } = fit;
  return [
    `    BG/NBD r ${f(bgnbd.params.r)}, alpha ${f(bgnbd.params.alpha)}, a ${f(bgnbd.params.a)}, b ${f(bgnbd.params.b)}; log-likelihood ${bgnbd.logLikelihood.toFixed(1)}${bgnbd.converged ? '' : ' (did not converge)'}`,
    `    Gamma-Gamma p ${f(gammaGamma.params.p)}, q ${f(gammaGamma.params.q)}, gamma ${f(gammaGamma.params.gamma)}`,
  ];
}

/** The runner's currency: the code money is in (null: none named), and what keeping it left out. */
export interface ReportCurrency {
  code: string | null;
  leftOut?: { currencies: CurrencyCount[]; linesWithout: number };
}

function currencyLines(currency?: ReportCurrency): string[] {
  if (!currency) return [];
  if (!currency.code) return ['Money: no currency named (plain numbers; give --currency CODE to name it)'];
  const out = [`Money in ${currency.code}`];
  if (currency.leftOut) {
    const others = currency.leftOut.currencies.map((c) => `${c.code} (${c.orders} ${c.orders === 1 ? 'order' : 'orders'})`).join(', ');
    out[0] += `: only the ${currency.code} orders are counted; left out: ${others}`;
    if (currency.leftOut.linesWithout) out[0] += `, and ${currency.leftOut.linesWithout} order ${currency.leftOut.linesWithout === 1 ? 'line' : 'lines'} with no currency`;
  }
  return out;
}

/** Database tables that are none of the canonical tables, with the page's question about each. */
function notReadLines(notRead: { name: string; question: string }[] = []): string[] {
  return notRead.length ? ['Not read (give a mapping file to read them):', ...notRead.map((n) => `    ${n.name}: ${n.question}`), ''] : [];
}

/** The facets and segments applied, as given. */
function scopeLines(scope: KpiReport['scope']): string[] {
  if (!scope) return [];
  const out: string[] = [];
  const facets = Object.entries(scope.facets ?? {}).filter(([, v]) => v.length);
  if (facets.length) out.push(`Facets: ${facets.map(([id, values]) => `${id} ${values.map((v) => JSON.stringify(v)).join(' or ')}`).join(', and ')} (customers with all their records; marketing spend and mentions are read whole)`);
  const conditions = (s: SegmentDef) => s.conditions.map((c) => `${c.field} ${c.op.replace('_', ' ')} ${JSON.stringify(c.value)}`).join(s.match === 'all' ? ' and ' : ' or ');
  if (scope.segment) out.push(`Segment "${scope.segment.name}": only customers with ${conditions(scope.segment)}`);
  if (scope.compareSegment) out.push(`Compared: segment "${scope.compareSegment.name}" (${conditions(scope.compareSegment)}) beside everyone else in scope`);
  return out;
}

export function textReport(report: KpiReport & { files?: LoadedFile[]; notRead?: { name: string; question: string }[]; currency?: ReportCurrency }): string {
  const out = [...fileLines(report.files ?? []), ...notReadLines(report.notRead), `Period ${report.period.start} to ${report.period.end}`, ...currencyLines(report.currency), ...scopeLines(report.scope), ''];
  if (report.clv && 'error' in report.clv) out.push(`Lifetime value: not fitted: ${report.clv.error}`, '');
  else if (report.clv) {
    const { prediction, check } = report.clv;
    const { horizonMonths, monthlyDiscount } = report.clv;
    const total = formatHeadline(prediction.totals.predictedRevenue, 'currency', report.currency?.code ?? undefined);
    out.push(
      `Lifetime value predicted as of ${prediction.asOf} for ${prediction.customers} customers: ${total} over the next ${horizonMonths} months from ${prediction.asOf}, the end of the period (monthly discount ${discountPercentText(monthlyDiscount)}%)`,
      ...modelLines(prediction),
    );
    if ('error' in check) out.push(`No holdout check: ${check.error}`);
    else out.push(`Holdout check: fitted on ${check.customers} customers up to ${check.calibrationEnd}, purchases after it to ${check.holdoutEnd}`, ...modelLines(check));
    out.push('');
  }
  const currency = report.currency?.code ?? undefined;
  for (const m of report.modules) {
    const headline = m.headline ? `: ${formatHeadline(m.headline.value, m.headline.format, currency)}` : '';
    out.push(`${m.title} (${m.id}@${m.version})${m.error ? '' : headline}`);
    if (m.compare && report.scope?.compareSegment && m.headline) {
      const side = (r: { headline: unknown; error?: string }) => (r.error ? `failed: ${r.error.split('\n')[0]}` : formatHeadline(r.headline as number, m.headline!.format, currency));
      out.push(`    segment "${report.scope.compareSegment.name}": ${side(m.compare.segment)}; everyone else: ${side(m.compare.rest)}`);
    }
    if (m.unfiltered) out.push(`    (reads ${m.unfiltered.join(', ')} whole: no customer in them)`);
    out.push(...(m.error ? [`    FAILED: ${m.error.split('\n')[0]}`] : table(m.rows, m.columns, currency)), '');
  }
  if (report.skipped.length) {
    out.push('Not run, inputs missing:');
    for (const s of report.skipped) {
      const words = needsSentence(s.title, s.needs.map(parseNeedText));
      out.push(`    ${s.id}: needs ${s.needs.join('; ')}${words ? `. ${words}` : ''}`);
    }
  }
  return out.join('\n');
}
