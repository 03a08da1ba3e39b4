/// <reference lib="dom" />
import { Role } from '@app/domain';
import { axeViolations, browserSuite } from './browser';

jest.setTimeout(120_000);

/**
 * Sign-in throttled by address (LOGIN_IP_LIMIT_PER_MINUTE, here 1 a minute), in Debian's Chromium against
 * the real API: the second attempt is answered 429 and the page shows the API's message and when to try
 * again (from Retry-After) in the design system's error summary. A file of its own: the low limit would
 * throttle every other browser test's sign-in.
 */
describe('throttled sign-in in a browser', () => {
  const EMAIL = 'throttled@test.invalid';
  const suite = browserSuite(
    async (ctx) => {
      await ctx.factories.user({ role: Role.Manager, email: EMAIL });
    },
    { LOGIN_IP_LIMIT_PER_MINUTE: 1 },
  );

  suite.test('too many sign-ins from one address: the API’s message and when to try again', async () => {
    const page = suite.page;
    const errorSummary = page.getByRole('alert');
    await page.goto(`${suite.base}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // The first attempt is counted and answered as usual.
    await suite.signIn(EMAIL, 'not the password');
    await errorSummary.getByText('Enter the right e-mail address and password').waitFor();

    // The second, even with the right password, is refused by the address's limit.
    await suite.signIn(EMAIL);
    await errorSummary.getByText('Too many sign-in attempts').first().waitFor();
    // The API answers the same to anyone asking from this address now: its message and Retry-After.
    const refused = await suite.ctx
      .api('anonymous')
      .post('/auth/session')
      .send({ email: EMAIL, password: 'anything at all' })
      .expect(429);
    const message: string = refused.body.message;
    expect(message).toMatch(/address/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);

    const summary = await errorSummary.innerText();
    expect(summary).toContain('There is a problem');
    expect(summary).toContain(message);
    expect(summary).toContain('Too many sign-in attempts. Try again in 1 minute.');
    // The message's link takes the keyboard to the field; the field says it too.
    expect(await errorSummary.getByRole('link').getAttribute('href')).toBe('#email');
    const emailError = page
      .locator('.nhsuk-form-group', { has: page.locator('#email') })
      .locator('.nhsuk-error-message');
    expect(await emailError.innerText()).toContain('Try again in 1 minute.');
    expect(await page.title()).toMatch(/^Error: Sign in/);
    // Still on the sign-in page: no session was started.
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await axeViolations(page)).toEqual([]);
  });
});
