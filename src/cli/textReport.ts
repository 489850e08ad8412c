/**
 * The readable form of a KPI report: each module's title, headline and first rows, in the
 * language the runner speaks (`--lang`, else LANG/LC_ALL: src/cli/kpis.ts), from the page's catalogs.
 * Dates stay ISO (YYYY-MM-DD), as the --from and --to flags take them.
 */
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
import { formatNumber, t, tn } from '../lib/i18n';
import { columnLabel, moduleTitle } from '../lib/moduleText';

const shownRows = 5;

/** The first rows, under the columns' labels, each value in its column's format; numbers to the right. */
function table(id: string, rows: Row[], moduleColumns: ModuleResult['columns'], currency?: string): string[] {
  const columns = moduleColumns.map((c) => ({ ...c, label: columnLabel(id, c.name, c.label) }));
  if (rows.length === 0) return [`    ${t('report.noRows')}`];
  const shown = rows.slice(0, shownRows).map((r) => columns.map((c) => formatColumnValue(r[c.name] ?? null, c.format, currency)));
  const right = columns.map((c) => rows.some((r) => typeof r[c.name] === 'number'));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...shown.map((r) => r[i].length)));
  const line = (cells: string[]) => `    ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')}`.trimEnd();
  const more = rows.length > shownRows ? [`    ${tn('report.moreRows', rows.length - shownRows, { rows: rows.length - shownRows })}`] : [];
  return [line(columns.map((c) => c.label)), ...shown.map(line), ...more];
}

/** Each file: where it went, in the page's words (loaded, guests, refunds, what to know, set aside). */
function fileLines(files: LoadedFile[]): string[] {
  if (files.length === 0) return [];
  const out = [t('report.files')];
  for (const f of files) {
    const vars = { file: f.file, table: f.table, rows: f.rowsLoaded, setAside: f.setAside.reduce((n, s) => n + s.rows, 0), seconds: formatNumber(f.ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
    out.push(`    ${tn(f.inPlace ? 'report.fileInPlace' : 'report.file', f.rowsLoaded, vars)}`);
    for (const n of f.notices) out.push(`        ${n.level === 'warning' ? '! ' : ''}${n.text}`);
  }
  return [...out, ''];
}

function modelLines(fit: ModelFit): string[] {
  const f = (v: number) => v.toFixed(3);
  const { bgnbd, gammaGamma } = fit;
  return [
    `    BG/NBD r ${f(bgnbd.params.r)}, alpha ${f(bgnbd.params.alpha)}, a ${f(bgnbd.params.a)}, b ${f(bgnbd.params.b)}; ${t('clv.logLikelihood')} ${bgnbd.logLikelihood.toFixed(1)}${bgnbd.converged ? '' : t('report.notConverged')}`,
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
  if (!currency.code) return [t('report.noCurrency')];
  const { code, leftOut } = currency;
  if (!leftOut) return [t('report.money', { code })];
  const others = leftOut.currencies.map((c) => tn('report.currencyOrders', c.orders, { code: c.code, orders: c.orders })).join(', ');
  const lines = leftOut.linesWithout;
  return [lines ? tn('report.moneyKeptLines', lines, { code, others, lines }) : t('report.moneyKept', { code, others })];
}

/** Database tables that are none of the canonical tables, with the page's question about each. */
function notReadLines(notRead: { name: string; question: string }[] = []): string[] {
  return notRead.length ? [t('report.notRead'), ...notRead.map((n) => `    ${n.name}: ${n.question}`), ''] : [];
}

/** The facets and segments applied, as given. */
function scopeLines(scope: KpiReport['scope']): string[] {
  if (!scope) return [];
  const out: string[] = [];
  const facets = Object.entries(scope.facets ?? {}).filter(([, v]) => v.length);
  const and = t('segment.andWord');
  const or = t('segment.orWord');
  // Facet, field and comparison names stay the codes the segment file and --facet are written with.
  if (facets.length) out.push(t('report.facets', { facets: facets.map(([id, values]) => `${id} ${values.map((v) => JSON.stringify(v)).join(` ${or} `)}`).join(`, ${and} `) }));
  const conditions = (s: SegmentDef) => s.conditions.map((c) => `${c.field} ${c.op.replace('_', ' ')} ${JSON.stringify(c.value)}`).join(s.match === 'all' ? ` ${and} ` : ` ${or} `);
  if (scope.segment) out.push(t('report.segment', { name: scope.segment.name, conditions: conditions(scope.segment) }));
  if (scope.compareSegment) out.push(t('report.compare', { name: scope.compareSegment.name, conditions: conditions(scope.compareSegment) }));
  return out;
}

export function textReport(report: KpiReport & { files?: LoadedFile[]; notRead?: { name: string; question: string }[]; currency?: ReportCurrency }): string {
  const out = [...fileLines(report.files ?? []), ...notReadLines(report.notRead), t('report.period', { start: report.period.start, end: report.period.end }), ...currencyLines(report.currency), ...scopeLines(report.scope), ''];
  if (report.clv && 'error' in report.clv) out.push(t('report.clvFailed', { error: report.clv.error }), '');
  else if (report.clv) {
    const { prediction, check } = report.clv;
    const { horizonMonths, monthlyDiscount } = report.clv;
    const total = formatHeadline(prediction.totals.predictedRevenue, 'currency', report.currency?.code ?? undefined);
    out.push(
      t('report.clv', { date: prediction.asOf, customers: prediction.customers, total, months: horizonMonths, discount: discountPercentText(monthlyDiscount) }),
      ...modelLines(prediction),
    );
    if ('error' in check) out.push(t('clv.checkFailed', { message: check.error }));
    else out.push(t('report.holdout', { customers: check.customers, end: check.calibrationEnd, holdoutEnd: check.holdoutEnd }), ...modelLines(check));
    out.push('');
  }
  const currency = report.currency?.code ?? undefined;
  for (const m of report.modules) {
    const named = { title: moduleTitle(m.id, m.title), ref: `${m.id}@${m.version}` };
    out.push(m.headline && !m.error ? t('report.moduleHeadline', { ...named, value: formatHeadline(m.headline.value, m.headline.format, currency) }) : t('report.module', named));
    if (m.compare && report.scope?.compareSegment && m.headline) {
      const side = (r: { headline: unknown; error?: string }) => (r.error ? t('report.sideFailed', { error: r.error.split('\n')[0] }) : formatHeadline(r.headline as number, m.headline!.format, currency));
      out.push(`    ${t('report.compareLine', { name: report.scope.compareSegment.name, segment: side(m.compare.segment), others: side(m.compare.rest) })}`);
    }
    if (m.unfiltered) out.push(`    ${t('report.unfiltered', { tables: m.unfiltered.join(', ') })}`);
    out.push(...(m.error ? [`    ${t('report.failed', { error: m.error.split('\n')[0] })}`] : table(m.id, m.rows, m.columns, currency)), '');
  }
  if (report.skipped.length) {
    out.push(t('report.skipped'));
    for (const s of report.skipped) {
      const words = needsSentence(moduleTitle(s.id, s.title), s.needs.map(parseNeedText));
      out.push(`    ${t('report.needs', { id: s.id, needs: s.needs.join('; ') })}${words ? `. ${words}` : ''}`);
    }
  }
  return out.join('\n');
}
