/**
 * Rejects when `promise` takes longer than `ms`. Bull's commands wait (rather than fail) while Redis is
 * away, so anything that must not hang races a timer. The losing promise still settles later.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
