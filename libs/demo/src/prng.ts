/**
 * Small deterministic pseudo-random helpers for the demo data (no dependency, same numbers on every
 * platform). Not for anything security-related.
 */

/** 32-bit FNV-1a hash of a string, used to derive independent streams from (seed, key). */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a tiny 32-bit generator; returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator whose numbers depend only on the seed and the key (e.g. a practice code and a purpose). */
export function streamFor(seed: number, ...key: string[]): () => number {
  const h = hashString(key.join('\u0000'), hashString(String(seed >>> 0)));
  const rnd = mulberry32(h);
  // Discard a few outputs so that nearby hashes do not start with correlated numbers.
  rnd();
  rnd();
  return rnd;
}

/** A standard normal variate (Box–Muller) from a uniform generator. */
export function normal(rnd: () => number): number {
  const u = 1 - rnd(); // (0, 1]
  const v = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Picks a key of `weights` with probability proportional to its weight, using one uniform number. */
export function pickWeighted<K extends string>(weights: ReadonlyArray<readonly [K, number]>, u: number): K {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = u * total;
  for (const [key, w] of weights) {
    if (x < w) return key;
    x -= w;
  }
  return weights[weights.length - 1][0];
}
