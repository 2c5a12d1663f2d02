import { describe, expect, it } from 'vitest';
import { CURRENCIES, currencyLabel, currencyOfLocale, isCurrency } from './currency';

describe('currencies', () => {
  it("suggests the currency of the locale's country", () => {
    expect(currencyOfLocale('de-AT')).toBe('EUR');
    expect(currencyOfLocale('en-GB')).toBe('GBP');
    expect(currencyOfLocale('fr-CH')).toBe('CHF');
    expect(currencyOfLocale('ja')).toBe('JPY');
    // A language alone means its likeliest country.
    expect(currencyOfLocale('en')).toBe('USD');
  });

  it('suggests nothing for a locale it cannot place', () => {
    expect(currencyOfLocale('not a locale')).toBeNull();
    expect(currencyOfLocale('')).toBeNull();
  });

  it('knows the codes this runtime formats, and names them', () => {
    expect(CURRENCIES).toContain('EUR');
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('ZZZ')).toBe(false);
    expect(currencyLabel('EUR')).toMatch(/^EUR – \S/);
  });
});
