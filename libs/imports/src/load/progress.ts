/**
 * Throttled progress for a run, written outside the import's transaction (so readers see it while the
 * import is still uncommitted). One write at a time; `settle()` waits for the last one, so none can land
 * after the run's final state.
 */
export class ProgressReporter {
  private last = -1;
  private lastAt = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (progress: number, rowsRead: number) => Promise<void>,
    private readonly everyMs = 300,
  ) {}

  report(progress: number, rowsRead: number): void {
    const now = Date.now();
    const value = Math.max(0, Math.min(99, Math.floor(progress)));
    if (value === this.last || now - this.lastAt < this.everyMs) return;
    this.last = value;
    this.lastAt = now;
    // A lost progress write is not worth failing an import for.
    this.pending = this.pending.then(() => this.write(value, rowsRead)).catch(() => undefined);
  }

  settle(): Promise<void> {
    return this.pending;
  }
}
