/**
 * `npm run kpis -- <files, Parquet folders or globs...> [--db FILE.duckdb|md:NAME] [--from D --to D] [--json]
 * [--out DIR [--out-format parquet|csv]] [--only id,id] [--queries DIR] [--calibration-end D]
 * [--horizon MONTHS] [--discount PERCENT] [--mapping FILE.json]... [--date-order dmy|mdy] [--currency CODE]
 * [--param MODULE.NAME=VALUE]... [--memory-limit 8GB] [--temp-dir DIR] [--customers FILE.csv [--csv-delimiter ,|;]] [--lang en|fr|es|ro]`: every KPI module on native DuckDB,
 * after the same ingestion the page runs (files are loaded; Parquet folders and database tables are read in place),
 * with the parameter values given (refused, as on the page, outside a module's `input:` range or choices).
 * Orders in several currencies are never added up: the run stops unless --currency names the one to keep.
 * `--help` prints the usage line in the language asked for. Exit code 1 when a module failed, 2 when nothing could run (a bad argument, a bad parameter value, a file that
 * is no canonical table).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMappingFile } from '../lib/mappingFile';
import { readCurrencies, runnerCurrency } from '../lib/currency';
import { explorerFamilies, scopeFamilies } from '../lib/moduleCatalog';
import { readCatalog } from './readModules';
import { scopeModules } from '../lib/customerScope';
import { loadFiles } from './loadFiles';
import { closeExternalAccess, openNativeDb } from './nativeDb';
import { datasetPaths } from './inPlaceSources';
import { argsLanguage, moduleParams, parseKpiArgs, usage } from './kpiArgs';
import { orderDateRange, runKpis } from './runKpis';
import { textReport } from './textReport';
import { applyEngineSettings, engineSettings, preparedLinesPerPart, runnerError, showBytes, stepper } from './engine';
import { t, tn } from '../lib/i18n';
import { Said } from '../lib/said';
import { writeResults } from './writeResults';
import { clvMathThread } from './clvMathThread';
import { writeCustomerList } from './writeCustomers';
import { speak } from '../lib/locale';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    speak(argsLanguage(argv));
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const args = parseKpiArgs(argv);
  speak(args.lang);
  const mappings = args.mappings.flatMap((path) => parseMappingFile(readFileSync(path, 'utf8'), path));
  // The modules and the values given them are checked before any file is read.
  // The customer explorer's modules are not KPIs: --customers writes the list they make.
  let modules = readCatalog(args.queries).current.filter((m) => !explorerFamilies.includes(m.family) && !scopeFamilies.includes(m.family));
  const params = moduleParams(args.params, modules);
  if (args.only) {
    const unknown = args.only.filter((id) => !modules.some((m) => m.id === id));
    if (unknown.length) throw new Said(t('runner.noModule', { ids: unknown.join(', ') }));
    modules = modules.filter((m) => args.only!.includes(m.id));
  }
  const settings = engineSettings(args.memoryLimit, args.tempDir);
  const step = stepper(settings);
  const db = await openNativeDb();
  const math = clvMathThread();
  try {
    await applyEngineSettings(db, settings);
    process.stderr.write(`${t('runner.memory', { memory: showBytes(settings.memoryLimit), folder: settings.tempDirectory })}\n`);
    const loaded = await loadFiles(db, args.files, { mappings, dateOrder: args.dateOrder, database: args.db, step });
    if (args.db?.startsWith('md:')) {
      // MotherDuck runs much of each statement on its own servers, where this machine's settings do not
      // reach, and its extension was not tried with external access closed: the run is left as it was.
      process.stderr.write(`${t('runner.motherDuck', { db: args.db })}\n`);
    } else {
      await closeExternalAccess(db, { paths: await datasetPaths(db, args.files), directories: args.out ? [resolve(args.out)] : [] });
    }
    const range = loaded.columns.has('orders') ? await step(t('runner.step.orderDates'), () => orderDateRange(db)) : undefined;
    const data = loaded.columns.has('orders') ? await step(t('runner.step.currencies'), () => readCurrencies(db)) : ({ kind: 'none' } as const);
    const { code, keep } = runnerCurrency(data, args.currency);
    const start = args.from ?? range?.start;
    const end = args.to ?? range?.end;
    if (!start || !end) throw new Said(t('runner.noPeriod'));
    const scope = { start, end, ...(keep ? { currency: keep } : {}), facets: args.facets, ...(args.segment ? { segment: args.segment } : {}), ...(args.compareSegment ? { compareSegment: args.compareSegment } : {}) };
    const report = await runKpis(db, modules, loaded.columns, scope, { scopeModules: scopeModules(readCatalog().current), calibrationEnd: args.calibrationEnd, horizonMonths: args.horizonMonths, monthlyDiscount: args.monthlyDiscount, params, linesPerPart: preparedLinesPerPart, step, math });
    const currency = { code: code ?? null, ...(keep && data.kind === 'several' ? { leftOut: { currencies: data.currencies.filter((c) => c.code !== keep), linesWithout: data.linesWithout } } : {}) };
    const full = { files: loaded.files, ...(loaded.notRead.length ? { notRead: loaded.notRead } : {}), currency, ...report };
    if (args.customers) {
      const customers = await step(t('runner.step.customerList'), () => writeCustomerList(db, readCatalog(args.queries), [...loaded.columns.keys()], args.customers!, args.csvDelimiter));
      process.stderr.write(`${tn('runner.customersWritten', customers, { count: customers, file: args.customers })}\n`);
    }
    if (args.out) {
      const written = await step(t('runner.step.writing'), () => writeResults(db, report, modules, args.out!, args.outFormat));
      process.stderr.write(`${tn('runner.filesWritten', written.length, { count: written.length, folder: args.out })}\n`);
    }
    process.stdout.write(args.json ? `${JSON.stringify(full, null, 2)}\n` : `${textReport(full)}\n`);
    return report.modules.some((m) => m.error) ? 1 : 0;
  } finally {
    await math.close();
    db.close();
    settings.cleanUp();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`kpis: ${runnerError(e)}\n`);
    process.exitCode = 2;
  },
);
