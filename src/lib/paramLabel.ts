/**
 * A module parameter's label on the page: a few words that read before its control and unit
 * ("Lost after no order for [180] days"), not its name in the SQL (`window_days`). The catalog
 * has one per parameter name of the shipped modules; a parameter it does not know (a module
 * added later) takes the first clause of its description, or its name in words.
 */
import { hasMessage, t } from './i18n';
import type { ModuleParam } from './queryModule';

const longest = 40;

export function paramLabel(param: Pick<ModuleParam, 'name' | 'description'>): string {
  const key = `param.${param.name}`;
  if (hasMessage(key)) return t(key);
  // "false: …; true: …" and "empty: …" explain values, not what the parameter is.
  const clause = param.description.split(/[;(]|\.\s/)[0].trim();
  if (clause && clause.length <= longest && !/^[a-z_]+:/.test(clause)) return clause.charAt(0).toUpperCase() + clause.slice(1);
  const words = param.name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
