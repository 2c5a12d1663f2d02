/** The currencies to choose from (registration, Settings, a restaurant brought over), and the computer's own. */
import { CURRENCIES, currencyLabel, currencyOfLocale } from '../../shared/currency';

/** "EUR – Euro", … for a Select: every currency the runtime knows. */
export const CURRENCY_OPTIONS = CURRENCIES.map((code) => ({ value: code, label: currencyLabel(code) }));

/** The currency of this computer's language and region, first suggested; undefined when it cannot tell. */
export const OWN_CURRENCY = currencyOfLocale(navigator.language) ?? undefined;
