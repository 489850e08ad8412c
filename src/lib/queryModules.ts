/** The query modules bundled into the app (Vite reads queries/ at build time). */
import { buildCatalog, type ModuleCatalog } from './moduleCatalog';

const files = import.meta.glob('../../queries/**/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let catalog: ModuleCatalog | undefined;

export function moduleCatalog(): ModuleCatalog {
  catalog ??= buildCatalog(files);
  return catalog;
}
