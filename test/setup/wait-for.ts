/**
 * The tests' one way to wait for work done by another process or after a response: polls `check` until
 * it passes, for at most `timeoutMs` (a wait, never an assertion on time). Passing is returning anything
 * but `false` without throwing (so a boolean condition, an `expect`, or a check that returns what it
 * found); what the check returned is the answer. On time-out it throws the check's last error, or
 * "Timed out waiting for <what>".
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      const answer = await check();
      if (answer !== false) return answer as Exclude<T, false>;
      failure = new Error(`Timed out waiting for ${what}`);
    } catch (err) {
      failure = err;
    }
    if (Date.now() > deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
