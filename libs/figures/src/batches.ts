/** `items` in at most `n` consecutive batches of near-equal size (none empty): dates run at once on pooled
 * connections. */
export function inBatches<T>(items: T[], n: number): T[][] {
  if (!items.length) return [];
  const size = Math.ceil(items.length / n);
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
