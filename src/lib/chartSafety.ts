/**
 * A chart spec may come from someone else (a shared link, a notebook file): it must not reach the
 * network or run code. Vega would load `data.url`, draw `image` marks from a URL, follow `href`s
 * (javascript: included) and compile expressions with `new Function`. So every chart is drawn with
 * vega's expression interpreter (no eval: Chart.svelte passes `ast: true` and `expr`), a loader that
 * refuses every load, and a spec first checked here: one naming a URL, a link or an image anywhere
 * is refused with a sentence saying where, rather than silently changed.
 */
import { t } from './i18n';

/** Keys that make Vega fetch or navigate, wherever they sit in a spec. */
const external = new Set(['url', 'href']);

/** The path of the first thing in `spec` that would load or link outside the page, or undefined. */
export function externalReference(spec: unknown, path = 'spec'): string | undefined {
  if (Array.isArray(spec)) {
    for (let i = 0; i < spec.length; i++) {
      const found = externalReference(spec[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof spec !== 'object' || spec === null) return undefined;
  for (const [key, value] of Object.entries(spec)) {
    const at = `${path}.${key}`;
    if (external.has(key)) return at;
    if (key === 'mark' && (value === 'image' || (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'image'))) return at;
    if (key === 'type' && value === 'image' && path.endsWith('.mark')) return at;
    const found = externalReference(value, at);
    if (found) return found;
  }
  return undefined;
}

/** Throws a sentence for the cell when the spec would load or link outside the page. */
export function assertChartStaysLocal(spec: unknown): void {
  const at = externalReference(spec);
  if (at) throw new Error(t('chart.external', { path: at }));
}

const refused = () => Promise.reject(new Error(t('chart.noLoading')));

/** vega's loader, refusing everything: no data, image or link is ever fetched or followed. */
export const refusingLoader = { load: refused, sanitize: refused, http: refused, file: refused };
