/** An order with one id moved (or added) to `toIndex` of the order without it: as the core places it. */
export function movedTo(ids: readonly string[], id: string, toIndex: number): string[] {
  const rest = ids.filter((one) => one !== id);
  const at = Math.max(0, Math.min(toIndex, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
