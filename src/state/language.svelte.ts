/**
 * The page's locale in Svelte state: every `t(...)` and number format read in a template or a
 * `$derived` follows a change of language at once, without reloading (the data stays loaded).
 */
import { useLocaleStore } from '../lib/i18n';

const current = $state({ locale: 'en' });

useLocaleStore({ get: () => current.locale, set: (next) => (current.locale = next) });
