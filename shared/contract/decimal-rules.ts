/**
 * What is wrong with a typed amount or quantity, said precisely: "cannot be negative", "too large",
 * "without the currency sign", rather than one format message for every mistake.
 */

export interface DecimalRule {
  /** Digits after the point at most (2 for money, 3 for quantities). */
  decimals: number;
  /** Digits before the point at most. */
  wholeDigits: number;
  signed: boolean;
  /** The largest value, as people read it ("99,999,999.99"). */
  largest: string;
  /** Whether a well-formed value is within the largest (the exact check, on the text). */
  fits: (text: string) => boolean;
  /** "an amount like 12.50", "a number like 2.5". */
  example: string;
}

const NUMBER = /^(-)?(\d+)(?:\.(\d+))?$/;
const CURRENCY_SIGN = /\p{Sc}/u;

const DECIMAL_WORDS = ['no decimals', 'one decimal', 'two decimals', 'three decimals'];

/** The first thing wrong with `text` (already trimmed), or null when the rule takes it. */
export function decimalProblem(text: string, rule: DecimalRule): string | null {
  if (text === '') return `Enter ${rule.example}`;
  if (CURRENCY_SIGN.test(text)) {
    const bare = text.replace(CURRENCY_SIGN, '').trim();
    return `Leave out the currency sign: type ${NUMBER.test(bare) ? bare : rule.example}`;
  }
  const match = NUMBER.exec(text);
  if (!match) return `Must be ${rule.example}`;
  const [, minus, whole = '', fraction = ''] = match;
  if (minus && !rule.signed) return 'Cannot be negative';
  if (fraction.length > rule.decimals) return `Too many decimals: ${DECIMAL_WORDS[rule.decimals]} at most`;
  const tooLarge = `Too large: at most ${rule.largest}`;
  if (whole.replace(/^0+(?=\d)/, '').length > rule.wholeDigits) return tooLarge;
  return rule.fits(text) ? null : tooLarge;
}
