import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, divideRoundedSafe, formatScaled, parseScaled } from './decimal';
import { centsFromMoney, moneyFromCents, stockValueCents } from './money';
import { milliFromQuantity, quantityFromMilli } from './quantity';

describe('parseScaled', () => {
  it.each([
    ['12.5', 2, 1250n],
    ['12.50', 2, 1250n],
    ['-3.250', 3, -3250n],
    [' 7 ', 2, 700n],
    ['0007.05', 2, 705n],
    ['0', 3, 0n],
    ['-0', 3, 0n],
    ['999999999999.999', 3, 999999999999999n],
  ])('reads %j at scale %i as %s', (text, scale, expected) => {
    expect(parseScaled(text, scale)).toBe(expected);
  });

  it.each(['', ' ', 'abc', '1e3', '+1', '.5', '5.', '1,5', '--1', '0x10', 'Infinity', 'NaN', '1 000', '١٢'])(
    'rejects %j',
    (text) => {
      expect(() => parseScaled(text, 2)).toThrow(/Not a decimal number/);
    },
  );

  it('rejects more fraction digits than the scale instead of rounding them away', () => {
    expect(() => parseScaled('1.234', 2)).toThrow(/At most 2 decimal places/);
    expect(() => parseScaled('0.0001', 3)).toThrow(/At most 3 decimal places/);
  });
});

describe('formatScaled', () => {
  it.each([
    [1250n, 2, undefined, '12.50'],
    [5n, 2, undefined, '0.05'],
    [-5n, 2, undefined, '-0.05'],
    [0n, 2, undefined, '0.00'],
    [1250, 2, undefined, '12.50'],
    [1500n, 3, 0, '1.5'],
    [1000n, 3, 0, '1'],
    [-1n, 3, 0, '-0.001'],
    [-1200n, 3, 1, '-1.2'],
    [0n, 3, 0, '0'],
    [42n, 0, undefined, '42'],
  ])('writes %s at scale %i (min fraction %s) as %j', (value, scale, minFraction, expected) => {
    expect(formatScaled(value, scale, minFraction)).toBe(expected);
  });
});

describe('divideRounded rounds half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-4n, 3n, -1n],
    [-5n, 3n, -2n],
    [1n, 2n, 1n],
    [1n, 3n, 0n],
    [0n, 7n, 0n],
    [14n, 7n, 2n],
    [2474999n, 1000n, 2475n],
    [2475499n, 1000n, 2475n],
    [2475500n, 1000n, 2476n],
  ])('%s / %s = %s', (numerator, denominator, expected) => {
    expect(divideRounded(numerator, denominator)).toBe(expected);
  });

  it('agrees with exact rational rounding for any operands', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 18n), 10n ** 18n), fc.bigInt(1n, 10n ** 9n), fc.boolean(), (n, d, flip) => {
        const denominator = flip ? -d : d;
        const rounded = divideRounded(n, denominator);
        // |n/d - rounded| <= 1/2, and exactly 1/2 only when rounding moved away from zero.
        const twiceError = 2n * (n - rounded * denominator);
        const abs = (x: bigint) => (x < 0n ? -x : x);
        expect(abs(twiceError) <= abs(denominator)).toBe(true);
        if (abs(twiceError) === abs(denominator)) expect(abs(rounded * denominator) > abs(n)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

/** Decimal text as people type it: optional sign, leading zeros, up to `scale` fraction digits. */
const decimalText = (scale: number) =>
  fc
    .tuple(
      fc.boolean(),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: scale }),
    )
    .map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);

describe('decimal round trips (property)', () => {
  it('formatScaled(parseScaled(x)) is the canonical form of x, and the same number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }).chain((scale) => fc.tuple(fc.constant(scale), decimalText(scale))),
        ([scale, text]) => {
          const formatted = formatScaled(parseScaled(text, scale), scale);
          const canonical = scale === 0 ? /^-?(0|[1-9]\d*)$/ : new RegExp(`^-?(0|[1-9]\\d*)\\.\\d{${scale}}$`);
          expect(formatted).toMatch(canonical);
          expect(formatted).not.toMatch(/^-0(\.0*)?$/);
          // Two texts of the same decimal value parse to the same double: an independent oracle
          // (+ 0 makes -0 and 0 the same, as they are for a decimal).
          expect(Number(formatted) + 0).toBe(Number(text) + 0);
          expect(formatScaled(parseScaled(formatted, scale), scale)).toBe(formatted);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('parseScaled(formatScaled(v)) gives back every scaled integer', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 20n), 10n ** 20n), fc.integer({ min: 0, max: 6 }), (value, scale) => {
        expect(parseScaled(formatScaled(value, scale), scale)).toBe(value);
        expect(parseScaled(formatScaled(value, scale, 0), scale)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('sums of money are exact where floats drift', () => {
    const sum = (texts: string[]) =>
      moneyFromCents(texts.reduce((total, text) => total + BigInt(centsFromMoney(text)), 0n));
    expect(sum(['0.10', '0.20'])).toBe('0.30');
    expect(sum(Array.from({ length: 10 }, () => '0.1'))).toBe('1.00');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99_999_999_99 }), { maxLength: 50 }), (cents) => {
        const texts = cents.map((c) => moneyFromCents(c));
        const expected = cents.reduce((total, c) => total + BigInt(c), 0n);
        expect(sum(texts)).toBe(moneyFromCents(expected));
      }),
      { numRuns: 300 },
    );
  });
});

describe('money and quantities', () => {
  it('reads and writes money in cents', () => {
    expect(centsFromMoney('19.99')).toBe(1999);
    expect(centsFromMoney('7')).toBe(700);
    expect(moneyFromCents(5997)).toBe('59.97');
    expect(moneyFromCents(-1)).toBe('-0.01');
    expect(() => centsFromMoney('1.999')).toThrow(RangeError);
  });

  it('reads and writes quantities in thousandths, dropping trailing zeros', () => {
    expect(milliFromQuantity('0.3')).toBe(300);
    expect(milliFromQuantity('-1.5')).toBe(-1500);
    expect(quantityFromMilli(300)).toBe('0.3');
    expect(quantityFromMilli(-1500)).toBe('-1.5');
    expect(quantityFromMilli(2000)).toBe('2');
    expect(quantityFromMilli(0)).toBe('0');
    expect(quantityFromMilli(1)).toBe('0.001');
  });

  it('values stock exactly, rounding half a cent away from zero', () => {
    expect(stockValueCents(3000, 1999)).toBe(5997n);
    expect(stockValueCents(2500, 99)).toBe(248n);
    expect(stockValueCents(-2500, 99)).toBe(-248n);
    expect(stockValueCents(1, 1)).toBe(0n);
    expect(stockValueCents(500, 1)).toBe(1n);
    // (10^12 - 1)(10^10 - 1) / 1000, far beyond 2^53: still exact.
    expect(stockValueCents(999_999_999_999, 99_999_999_99)).toBe(9_999_999_998_990_000_000n);
  });

  it('gives the same answers on the quick path for safe integers as with bigints', () => {
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(safe, fc.integer({ min: 0, max: 3 }), (value, scale) => {
        expect(formatScaled(value, scale, 0)).toBe(formatScaled(BigInt(value), scale, 0));
        expect(formatScaled(value, scale)).toBe(formatScaled(BigInt(value), scale));
      }),
    );
    fc.assert(
      fc.property(safe, fc.integer({ min: 1, max: 10_000 }), (numerator, denominator) => {
        expect(BigInt(divideRoundedSafe(numerator, denominator))).toBe(
          divideRounded(BigInt(numerator), BigInt(denominator)),
        );
      }),
    );
    const quantity = fc.integer({ min: -999_999_999_999, max: 999_999_999_999 });
    fc.assert(
      fc.property(quantity, fc.integer({ min: 0, max: 99_999_999_99 }), (milli, cents) => {
        expect(stockValueCents(milli, cents)).toBe(divideRounded(BigInt(milli) * BigInt(cents), 1000n));
      }),
    );
  });
});
