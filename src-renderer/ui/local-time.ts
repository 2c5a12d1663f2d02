/** Times typed in a datetime-local field: this computer's local time, to the minute. */

/** A datetime-local field's text as the core takes it (ISO, UTC); empty is now (undefined). */
export function typedTime(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** This computer's local time to the minute, as a datetime-local field shows it. */
export function localMinute(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
