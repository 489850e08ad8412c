/**
 * All query modules, current and retired versions, keyed by `id@version`. Built from a map
 * of file path -> text, which the browser gets from Vite (import.meta.glob) and Node from disk.
 */
import { moduleRef, parseQueryModule, type QueryModule } from './queryModule';
import { t } from './i18n';

export interface ModuleCatalog {
  /** The newest version of every module, ordered by family then file name. */
  current: QueryModule[];
  /** Any version ever published, for links made before a module changed. */
  byRef: Map<string, QueryModule>;
}

/**
 * Modules whose number another module now computes: their files stay as `<id>@<n>.sql` so that
 * links made with them still reproduce their numbers, with no current version of their own.
 */
export const mergedModules: Record<string, string> = {
  churn_rate: 'retention_rate', // churn is 1 - retention, from retention_rate's one query
  repeat_customer_rate: 'customer_return_rate', // customers who ordered again in the period: one number, one cell
};

/** Families of modules that are not notebook cells: the customer explorer's (list, report, RFM scores). */
export const explorerFamilies = ['customers'];

/**
 * The modules `module` uses (`uses:`), and the ones those use, dependencies first. Each must exist
 * and need no table or column the user does not declare in its own `needs` (the module shows, and
 * binds in the contract test, on exactly what it declares).
 */
function usedViews(module: QueryModule, byRef: Map<string, QueryModule>, seen: string[] = []): { id: string; sql: string }[] {
  const views: { id: string; sql: string }[] = [];
  for (const ref of module.uses) {
    const used = byRef.get(ref);
    const where = `${module.family}/${module.id}.sql`;
    if (!used) throw new Error(t('module.usesMissing', { where, ref }));
    if (seen.includes(ref)) throw new Error(t('module.usesCircle', { where, ref }));
    for (const need of used.needs) {
      const own = module.needs.find((n) => n.table === need.table);
      const absent = need.columns.filter((c) => !own?.columns.includes(c));
      if (!own || absent.length) throw new Error(t('module.usesNeeds', { where, ref, need: `${need.table}(${absent.join(', ') || need.columns.join(', ')})` }));
    }
    for (const view of [...usedViews(used, byRef, [...seen, ref]), { id: used.id, sql: used.sql }]) {
      if (!views.some((v) => v.id === view.id)) views.push(view);
    }
  }
  return views;
}

// Sales first: net revenue and orders are what an analyst reads before anything else.
export const familyOrder = ['sales', 'acquisition', 'satisfaction', 'value', 'retention', 'service', 'social', 'segments', 'clv', 'customers'];

/**
 * Families the scope layer reads, never notebook cells: `facets` (one module per facet, listing
 * each customer's values) and `scope` (the facets' weights).
 */
export const scopeFamilies = ['facets', 'scope'];

/** `files` keys are paths ending in `<family>/<id>.sql` or `<family>/<id>@<version>.sql`. */
export function buildCatalog(files: Record<string, string>): ModuleCatalog {
  const byRef = new Map<string, QueryModule>();
  const current = new Map<string, QueryModule>();
  for (const [path, text] of Object.entries(files)) {
    const rel = path.replace(/\\/g, '/').split('/').slice(-2).join('/');
    const module = parseQueryModule(rel, text);
    const ref = moduleRef(module);
    if (byRef.has(ref)) throw new Error(t('module.twice', { file: rel, ref }));
    byRef.set(ref, module);
    if (!/@\d+\.sql$/.test(rel)) current.set(module.id, module);
  }
  // A version kept from before modules said which way their headline should move takes its
  // current version's direction: the KPI's meaning, and so its good direction, is the id's.
  // Likewise a kept version without `show:` or `input:` lines takes its current version's
  // labels and formats for the columns (and ranges for the parameters) both have.
  for (const [ref, module] of byRef) {
    const now = current.get(module.id);
    if (!now || now === module) continue;
    const better = module.headline && !module.better ? now.better : module.better;
    const columns = module.columns.map((c) => {
      const same = now.columns.find((n) => n.name === c.name && n.type === c.type);
      return !c.shown && same?.shown ? { ...c, label: same.label, format: same.format, shown: true } : c;
    });
    const params = module.params.map((p) => {
      const same = now.params.find((n) => n.name === p.name && n.type === p.type);
      return !p.input && same?.input ? { ...p, input: same.input } : p;
    });
    byRef.set(ref, { ...module, better, columns, params });
  }
  for (const [ref, module] of byRef) if (module.uses.length) byRef.set(ref, { ...module, views: usedViews(module, byRef) });
  for (const [id, module] of current) current.set(id, byRef.get(moduleRef(module))!);
  const rank = (m: QueryModule) => {
    const i = familyOrder.indexOf(m.family);
    return i === -1 ? familyOrder.length : i;
  };
  const ordered = [...current.values()].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
  return { current: ordered, byRef };
}
