// The currency of an amount an import file writes without one: PRECRM_CURRENCY, when it is set.
import { saleCurrency } from '../purchase/price.js';

/** PRECRM_CURRENCY as a code (a bad one is a usage error), or null when unset: such a row must say its currency. */
export const fallbackCurrency = (env: Record<string, string | undefined>): string | null =>
  (env.PRECRM_CURRENCY?.trim() ? saleCurrency(null, env) : null);
