/**
 * Long test work that is over when its test is, however the test ends.
 *
 * Jest gives up on a test that runs past its time limit but cannot stop its promise: a property test
 * that timed out went on writing to the spec file's database under the next tests, which then failed
 * (dates they did not store, once `deadlock detected`). `run` hands the work a signal that afterEach
 * aborts, and afterEach then waits for the work to return, so the next test starts only once it has.
 * The work checks the signal between its steps (a property: `fc.pre(!signal.aborted)`).
 */
export class StoppedAfterEach {
  private controller = new AbortController();
  private running: Promise<unknown> | undefined;

  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const done = work(this.controller.signal);
    this.running = done;
    return done;
  }

  /** Aborts the signal and waits for the work to return (its outcome was the test's to report). */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.running?.catch(() => undefined);
    this.running = undefined;
    this.controller = new AbortController();
  }
}

/** A StoppedAfterEach whose stop runs after each test of the enclosing describe (call it there). */
export function stoppedAfterEach(): StoppedAfterEach {
  const work = new StoppedAfterEach();
  afterEach(() => work.stop());
  return work;
}
