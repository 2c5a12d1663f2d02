/** Decimal text as people type it: "12,5" and " 12.5 " both mean "12.5". Never parsed into a float. */
export const normaliseDecimal = (text: string): string => text.trim().replace(',', '.');

/** An optional decimal: blank means "not set". */
export const optionalDecimal = (text: string | null | undefined): string | null =>
  text == null || text.trim() === '' ? null : normaliseDecimal(text);
