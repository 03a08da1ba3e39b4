/// <reference lib="dom" />
import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { Role } from '@app/domain';
import { startWorker } from '../setup/worker-context';
import { atWidth, axeViolations, browserSuite, openPage, sidewaysOverflow } from './browser';

jest.setTimeout(180_000);

const SAMPLE = join(__dirname, '..', '..', 'data', 'samples', 'epraccur-2015-09.csv');
const ADMIN = 'ada.admin@test.invalid';
const MANAGER = 'mo.manager@test.invalid';

/**
 * The regions and CCGs of the sample's GP practices (sub-type B, prescribing setting 4), each CCG in its
 * practices' region, but not CCG 13T (newer than the sample's geography): its 67 rows are refused.
 */
function sampleGeography(): Map<string, string> {
  const ccgs = new Map<string, string>();
  for (const line of readFileSync(SAMPLE, 'latin1').split(/\r?\n/)) {
    const f = line.split('","').map((v) => v.replace(/^"|"$/g, ''));
    if (f.length > 25 && f[13] === 'B' && f[25] === '4' && f[14] !== '13T') ccgs.set(f[14], f[2]);
  }
  return ccgs;
}

/** Presses Tab until the focused element is the one `matches` names (id or text); fails after 60 presses. */
async function tabTo(page: Page, matches: (el: { id: string; name: string; text: string }) => boolean, what: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => ({
      id: document.activeElement?.id ?? '',
      name: document.activeElement?.getAttribute('name') ?? '',
      text: document.activeElement?.textContent?.trim() ?? '',
    }));
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
const tabToId = (page: Page, id: string) => tabTo(page, (el) => el.id === id, `#${id}`);
const tabToText = (page: Page, text: string) => tabTo(page, (el) => el.text === text, `"${text}"`);

/**
 * The admin screens in Debian's Chromium against the real API and, for imports, the real worker in this
 * process on the test's Redis prefix: users (create, reset, deactivate: the person is signed out), an
 * import watched to 100 % with its refused rows, the audit log's filters, axe and the keyboard on every
 * admin page, and what a non-admin gets.
 */
describe('admin screens in a browser', () => {
  const suite = browserSuite(async (ctx) => {
    for (const [ccg, region] of sampleGeography()) await ctx.factories.ccg(ccg, region);
    await ctx.factories.user({ role: Role.Admin, email: ADMIN, name: 'Ada Admin' });
    await ctx.factories.user({ role: Role.Manager, email: MANAGER, name: 'Mo Manager' });
  });
  const { test } = suite;
  const page = () => suite.page;
  const signInAt = (path: string, email = ADMIN) => suite.signInAt(path, email);
  const heading = (name: string) => page().getByRole('heading', { name, exact: true });
  const expectAxeClean = async () => expect(await axeViolations(page())).toEqual([]);

  describe('imports, run by the real worker', () => {
    let worker: INestApplicationContext;
    beforeAll(async () => {
      worker = await startWorker(suite.ctx.config);
    });
    afterAll(async () => {
      await worker?.close();
    });

    test('an admin imports the 2015 practice list partially: the bar reaches 100 %, refused rows', async () => {
      await signInAt('/admin/imports');
      await page().getByRole('heading', { name: 'Admin Imports' }).waitFor();
      await expectAxeClean();
      await page().getByLabel('File', { exact: true }).setInputFiles(SAMPLE);
      await page().getByLabel('What the file is').selectOption('epraccur');
      await page().getByLabel('Partial: leave out the rows with problems').check();
      await page().getByRole('button', { name: 'Upload and import' }).click();

      await page().waitForURL(/\/admin\/imports\/\d+$/);
      const id = Number(new URL(page().url()).pathname.split('/').pop());
      await page()
        .getByRole('heading', { name: `Import ${id} epraccur-2015-09.csv` })
        .waitFor();
      const bar = page().getByRole('progressbar', { name: 'Progress' });
      await bar.waitFor();
      // The page asks again while the worker runs it, until the run is over.
      await page().getByText('Finished: 100%').waitFor({ timeout: 120_000 });
      expect(await bar.evaluate((el) => (el as HTMLProgressElement).value)).toBe(100);
      const run = (await suite.ctx.api().get(`/imports/${id}`).expect(200)).body;
      expect(run).toMatchObject({ state: 'succeeded', rowsRejected: 67, progress: 100 });
      expect(run.rowsDone).toBe(run.rowsTotal);
      const rows = `${run.rowsTotal.toLocaleString('en-GB')} of ${run.rowsTotal.toLocaleString('en-GB')} rows`;
      await page().getByText(`Finished: 100%, ${rows}`).waitFor();
      expect(await bar.getAttribute('aria-valuetext')).toBe(`100%, ${rows}`);

      // The refused rows: 67, 25 a page, the first by row as the API lists them.
      const problems = page().getByRole('table', { name: `Problems of import ${id}, page 1` });
      await problems.waitFor();
      expect(await problems.locator('tbody tr').count()).toBe(25);
      const first = run.problems[0];
      expect(await problems.locator('tbody tr').first().locator('td').allTextContents()).toEqual([
        String(first.row),
        first.column,
        '13T',
        first.reason,
      ]);
      await page().getByRole('navigation', { name: 'Pages of problems' }).getByRole('link', { name: 'Page 3' }).click();
      await page()
        .getByRole('table', { name: `Problems of import ${id}, page 3` })
        .waitFor();
      expect(new URL(page().url()).searchParams.get('page')).toBe('3');
      expect(await page().locator('table tbody tr').count()).toBe(67 - 50);
      await expectAxeClean();

      // The download is the API's CSV of every stored problem.
      const [download] = await Promise.all([
        page().waitForEvent('download'),
        page().getByRole('button', { name: 'Download the problems (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`import-${id}-problems.csv`);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.trimEnd().split('\r\n')).toHaveLength(68);

      // Past runs: this one, with its counts.
      await page().getByRole('link', { name: 'Back to imports' }).click();
      const past = page().getByRole('table', { name: /Imports, newest first/ });
      await past.waitFor();
      // The list may first show the run as it was cached when it began (Waiting), then as read again.
      await past.locator('tbody tr').first().getByText('Imported', { exact: true }).waitFor();
      const cells = await past.locator('tbody tr').first().locator('th, td').allTextContents();
      expect(cells.slice(0, 6)).toEqual([
        `Import ${id}`,
        'epraccur-2015-09.csv',
        'ODS practice list (epraccur)',
        'Imported',
        run.rowsAccepted.toLocaleString('en-GB'),
        '67',
      ]);
    });

    test('keyboard only: an upload chosen, sent and followed with the keys alone', async () => {
      await signInAt('/admin/imports');
      await page().getByRole('heading', { name: 'Admin Imports' }).waitFor();
      await tabToId(page(), 'file');
      // Space on the focused file input opens the chooser. On a loaded machine the first press was once
      // missed (CI): press again, from the keyboard, while the input still has the focus.
      let chooser: FileChooser | undefined;
      for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
        expect(await page().evaluate(() => document.activeElement?.id)).toBe('file');
        [chooser] = await Promise.all([
          page()
            .waitForEvent('filechooser', { timeout: 10_000 })
            .catch(() => undefined),
          page().keyboard.press('Space'),
        ]);
      }
      if (!chooser) throw new Error('Space on the file input never opened the file chooser');
      await chooser.setFiles({
        name: 'regions.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('code,name\r\nY54,North of England\r\n'),
      });
      await tabToId(page(), 'kind');
      await page().keyboard.type('Regions');
      await tabTo(page(), (el) => el.name === 'partial', 'the strict or partial radios');
      await tabToText(page(), 'Upload and import');
      await page().keyboard.press('Enter');
      await page()
        .getByText(/^Finished: 100%/)
        .waitFor({ timeout: 120_000 });
      await page().getByText('1 row imported').waitFor();
    });
  });

  test('an admin adds a user (problems at their fields), resets a password, deactivates: signed out', async () => {
    await signInAt('/admin');
    await heading('Admin').waitFor();
    await expectAxeClean();
    await page().getByRole('link', { name: 'Users' }).click();
    await page().getByRole('heading', { name: 'Admin Users' }).waitFor();
    await expectAxeClean();
    await page().getByRole('button', { name: 'Add a user' }).click();
    await page().getByRole('heading', { name: 'Admin Add a user' }).waitFor();

    // Nothing filled in: the form says what is missing.
    await page().getByRole('button', { name: 'Add user' }).click();
    await page().getByText('There is a problem').waitFor();
    for (const message of [
      'Enter their full name',
      'Enter their e-mail address',
      'Choose a role',
      'Enter a first password',
    ])
      await page().getByRole('link', { name: message }).waitFor();
    await expectAxeClean();

    // The API's rules: a password too short, then an e-mail address already taken.
    await page().getByLabel('Full name').fill('Sam Jones');
    await page().getByLabel('E-mail address').fill(MANAGER);
    await page().getByLabel('Support', { exact: true }).check();
    await page().getByLabel('Region').selectOption('Y54');
    await page().getByLabel('First password').fill('short');
    await page().getByRole('button', { name: 'Add user' }).click();
    await page()
      .getByRole('link', { name: /^Password must be at least 12 characters/ })
      .waitFor();
    expect(await page().locator('#password--error-message').textContent()).toMatch(/at least 12 characters/);
    await page().getByLabel('First password').fill('a first password');
    await page().getByRole('button', { name: 'Add user' }).click();
    await page()
      .getByRole('link', { name: `A user with e-mail ${MANAGER} already exists` })
      .waitFor();
    expect(await page().locator('#email--error-message').textContent()).toMatch(/already exists/);

    await page().getByLabel('E-mail address').fill('sam.jones@test.invalid');
    await page().getByRole('button', { name: 'Add user' }).click();
    await page().getByRole('heading', { name: 'User Sam Jones' }).waitFor();
    await page().getByText('Sam Jones has been added.').waitFor();
    await expectAxeClean();
    const sam = (await suite.ctx.api().get('/users?q=sam.jones').expect(200)).body.items[0];
    expect(sam).toMatchObject({ role: 'support', regionCode: 'Y54', active: true });

    // Sam signs in in a browser of their own.
    const samContext = await suite.browser.newContext();
    try {
      const { page: samPage, problems } = await openPage(samContext);
      await samPage.goto(`${suite.base}/sign-in`);
      await samPage.getByLabel('E-mail address').fill('sam.jones@test.invalid');
      await samPage.getByLabel('Password').fill('a first password');
      await samPage.getByRole('button', { name: 'Sign in' }).click();
      await samPage.getByRole('heading', { name: /Progress in numbers/ }).waitFor();
      // Sam is no admin: no Admin item in the header.
      expect(
        await samPage.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).count(),
      ).toBe(0);

      // A reset password: the API ends Sam's sessions; the page says how to hand the new one over.
      await page().getByLabel('New password').fill('short');
      await page().getByRole('button', { name: 'Reset password' }).click();
      await page()
        .locator('#newPassword--error-message')
        .getByText(/at least 12 characters/)
        .waitFor();
      await page().getByLabel('New password').fill('a second password');
      await page().getByRole('button', { name: 'Reset password' }).click();
      await page()
        .getByText(
          /has been reset and every session of theirs has ended\. Tell them the new password by phone or in person/,
        )
        .waitFor();

      await samPage.goto(`${suite.base}/sign-in`);
      await samPage.getByLabel('E-mail address').fill('sam.jones@test.invalid');
      await samPage.getByLabel('Password').fill('a second password');
      await samPage.getByRole('button', { name: 'Sign in' }).click();
      await samPage.getByRole('heading', { name: /Progress in numbers/ }).waitFor();

      // Deactivation asks first; "No" keeps them.
      await page().getByRole('button', { name: 'Deactivate user' }).click();
      await page().getByRole('button', { name: 'No, keep them active' }).click();
      await page().getByRole('button', { name: 'Deactivate user' }).click();
      await page().getByText('They are signed out at once, everywhere').waitFor();
      await expectAxeClean();
      await page().getByRole('button', { name: 'Yes, deactivate Sam Jones' }).click();
      await page().getByText('Deactivated', { exact: true }).waitFor();
      expect(await page().getByRole('button', { name: 'Deactivate user' }).count()).toBe(0);

      // Sam's next request finds the session over: back to sign-in with the reason.
      await samPage
        .getByRole('group', { name: 'Figures at the end of' })
        .getByLabel('Month', { exact: true })
        .fill('6');
      await samPage.getByRole('button', { name: 'Show figures' }).click();
      await samPage.getByText('This session has ended: sign in again').waitFor();
      await samPage.waitForURL(/\/sign-in/);
      expect(problems).toEqual([]);
    } finally {
      await samContext.close();
    }

    // The users list shows Sam deactivated.
    await page().getByRole('link', { name: 'Back to users' }).click();
    const list = page().getByRole('table', { name: /^Users \(/ });
    await list.waitFor();
    const samRow = list.locator('tbody tr', { hasText: 'sam.jones@test.invalid' });
    // The list read again after the change (the page shown before may be the one cached from earlier).
    await samRow.filter({ hasText: 'Deactivated' }).waitFor();
    expect(await samRow.locator('th, td').allTextContents()).toEqual([
      'Sam Jones',
      'sam.jones@test.invalid',
      'Support',
      'Y54',
      'Deactivated',
    ]);
  });

  test('the audit log: filters by user, entity and dates, kept in the URL', async () => {
    const target = await suite.ctx.factories.user({
      role: Role.Support,
      email: 'audited@test.invalid',
      name: 'Aud Ited',
    });
    const admin = await suite.ctx.user(Role.Admin);
    await suite.ctx.api().patch(`/users/${target.id}`).send({ name: 'Aud Ited Renamed' }).expect(200);
    await suite.ctx.api().post(`/users/${target.id}/deactivate`).expect(200);

    await signInAt('/admin/audit');
    await page().getByRole('heading', { name: 'Admin Audit log' }).waitFor();
    await page()
      .getByRole('table', { name: /Changes, newest first/ })
      .waitFor();
    await expectAxeClean();
    // On a phone the log (its details are long) scrolls in its own box, not the page; the users list too.
    await atWidth(page(), 360, async () => {
      expect(await sidewaysOverflow(page().locator('html'))).toBe(0);
      expect(await sidewaysOverflow(page().getByRole('region', { name: 'Audit log table' }))).toBeGreaterThan(0);
      await page().goto(`${suite.base}/admin/users`);
      await page()
        .getByRole('table', { name: /^Users \(/ })
        .waitFor();
      expect(await sidewaysOverflow(page().locator('html'))).toBe(0);
    });
    await page().goto(`${suite.base}/admin/audit`);
    await page()
      .getByRole('table', { name: /Changes, newest first/ })
      .waitFor();

    await page().getByLabel('What changed').selectOption('user');
    await page().getByLabel('Its code or number').fill(String(target.id));
    await page().getByLabel('Changed by').selectOption(String(admin.id));
    await page().getByRole('button', { name: 'Show changes' }).click();
    await page().waitForURL(/entityType=user/);
    const url = new URL(page().url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      userId: String(admin.id),
      entityType: 'user',
      entityId: String(target.id),
    });
    const table = page().getByRole('table', { name: 'Changes, newest first (2), page 1' });
    await table.waitFor();
    const actions = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toEqual(['user.deactivate', 'user.update']);
    // The entity links to the user's page.
    expect(
      await table
        .getByRole('link', { name: String(target.id) })
        .first()
        .getAttribute('href'),
    ).toBe(`/admin/users/${target.id}`);

    // Dates: nothing before 2000; a reload keeps the filters and the boxes.
    await page().getByLabel('Before (date)').fill('2000-01-01');
    await page().getByRole('button', { name: 'Show changes' }).click();
    await page().getByText('No change matches these filters.').waitFor();
    await page().reload();
    await page().getByText('No change matches these filters.').waitFor();
    expect(await page().getByLabel('Before (date)').inputValue()).toBe('2000-01-01');
    expect(await page().getByLabel('What changed').inputValue()).toBe('user');
    await page().getByLabel('Before (date)').fill('');
    await page().getByLabel('From (date)').fill('2000-01-01');
    await page().getByRole('button', { name: 'Show changes' }).click();
    await page().getByRole('table', { name: 'Changes, newest first (2), page 1' }).waitFor();
    await page().goBack();
    await page().getByText('No change matches these filters.').waitFor();
  });

  test('keyboard only: the admin index, users and the new-user form, and the audit filters', async () => {
    await signInAt('/admin');
    await heading('Admin').waitFor();
    await tabToText(page(), 'Users');
    await page().keyboard.press('Enter');
    await page().getByRole('heading', { name: 'Admin Users' }).waitFor();
    await tabToText(page(), 'Add a user');
    await page().keyboard.press('Enter');
    await page().getByRole('heading', { name: 'Admin Add a user' }).waitFor();
    await tabToId(page(), 'name');
    await page().keyboard.type('Kim Keys');
    await page().keyboard.press('Tab');
    await page().keyboard.type('kim.keys@test.invalid');
    await page().keyboard.press('Tab');
    // The first radio takes the focus; the arrow keys move the choice.
    await page().keyboard.press('Space');
    await page().keyboard.press('ArrowDown');
    expect(await page().getByLabel('Manager', { exact: true }).isChecked()).toBe(true);
    await tabToId(page(), 'password');
    await page().keyboard.type('a keyboard password');
    await page().keyboard.press('Enter');
    await page().getByRole('heading', { name: 'User Kim Keys' }).waitFor();

    await page().goto(`${suite.base}/admin/audit`);
    await page().getByRole('heading', { name: 'Admin Audit log' }).waitFor();
    await tabToId(page(), 'entityType');
    await page().keyboard.type('User');
    await tabToText(page(), 'Show changes');
    await page().keyboard.press('Enter');
    await page().waitForURL(/entityType=user/);
    await page()
      .getByRole('table', { name: /Changes, newest first/ })
      .waitFor();
  });

  test('a non-admin sees no admin navigation and a clear "not allowed" page on admin addresses', async () => {
    await signInAt('/?asOf=2014-09-30', MANAGER);
    await page()
      .getByRole('heading', { name: /Progress in numbers/ })
      .waitFor();
    const nav = page().getByRole('navigation', { name: 'Pages' });
    await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    for (const path of ['/admin', '/admin/users', '/admin/imports/1', '/admin/audit']) {
      await page().goto(`${suite.base}${path}`);
      await heading('You are not allowed to see this page').waitFor();
      expect(await page().title()).toMatch(/^You are not allowed to see this page/);
    }
    await expectAxeClean();
    // The API refuses too.
    await suite.ctx.api(Role.Manager).get('/users').expect(403);

    // An admin sees the item, and it leads to the admin index.
    await page().getByRole('button', { name: 'Sign out' }).click();
    await signInAt('/', ADMIN);
    await page().getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
    await heading('Admin').waitFor();
  });
});
