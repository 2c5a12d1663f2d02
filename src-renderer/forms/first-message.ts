/** A list field's error may sit on the list or on one of its entries: either way, one message to show. */
export function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string') return error.message;
  if (Array.isArray(error)) return error.map(firstMessage).find(Boolean);
  return undefined;
}
