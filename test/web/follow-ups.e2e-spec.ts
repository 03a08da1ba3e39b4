/// <reference lib="dom" />
import type { Locator } from 'playwright-core';
import { Level, Role, Service } from '@app/domain';
import { RemindersService, ReminderKind } from '@app/reminders';
import { WorkerContext } from '../setup/worker-context';
import { axeViolations, browserSuite } from './browser';

jest.setTimeout(180_000);

/**
 * The follow-up pages and the reminders inbox in Debian's Chromium, against the real API, PostgreSQL and
 * Redis, with the real worker: the rule (nightly sweep) opens the follow-ups, the due job reminds the owner.
 */
describe('follow-ups and reminders in a browser', () => {
  const SUPPORT = { email: 'sam.north@test.invalid', name: 'Sam North' };
  const MANAGER = { email: 'mary.north@test.invalid', name: 'Mary Manager' };
  const SOUTH = { email: 'sid.south@test.invalid', name: 'Sid South' };
  const ADMIN = { email: 'ada.admin@test.invalid', name: 'Ada Admin' };
  const practices: Record<string, { id: number; code: string }> = {};
  const users: Record<string, number> = {};
  let worker: WorkerContext;

  const suite = browserSuite(async (ctx) => {
    await ctx.factories.region('Y54', 'North of England');
    await ctx.factories.region('Y55', 'Midlands and East of England');
    users.support = (await ctx.factories.user({ role: Role.Support, regionCode: 'Y54', ...SUPPORT })).id;
    users.manager = (await ctx.factories.user({ role: Role.Manager, regionCode: 'Y54', ...MANAGER })).id;
    users.south = (await ctx.factories.user({ role: Role.Support, regionCode: 'Y55', ...SOUTH })).id;
    users.admin = (await ctx.factories.user({ role: Role.Admin, ...ADMIN })).id;
    practices.flow = await ctx.factories.practice({ name: 'Riverside Surgery' });
    practices.readOnly = await ctx.factories.practice({ name: 'Hillside Medical Centre' });
    practices.keyboard = await ctx.factories.practice({ name: 'Parkview Practice' });
    practices.overdue = await ctx.factories.practice({ name: 'Old Mill Surgery' });
    practices.south = await ctx.factories.practice({ name: 'Southgate Surgery', regionCode: 'Y55', ccgCode: '01A' });
    // Enough for two pages of the list (20 a page).
    for (let i = 0; i < 18; i++) await ctx.factories.practice({ name: `Practice number ${i + 1}` });

    // No status recorded anywhere: every practice misses every service, and the nightly sweep opens a
    // follow-up for each, as the real worker does.
    worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
    await worker.schedules.sweepFollowUps();
    await ctx.db.query(`UPDATE follow_up SET due_date = current_date - 3 WHERE practice_id = $1`, [
      practices.overdue.id,
    ]);
  });
  afterAll(async () => {
    await worker?.close();
  });
  const { test } = suite;
  const page = () => suite.page;

  const followUpOf = async (practiceId: number) =>
    (
      await suite.ctx.db.query(
        `SELECT id, due_date::text AS "dueDate" FROM follow_up
         WHERE practice_id = $1 AND state IN ('open', 'contacted', 'barriers_recorded')`,
        [practiceId],
      )
    )[0] as { id: number; dueDate: string };
  const summaryValue = (key: string) =>
    page()
      .locator('.nhsuk-summary-list__row')
      .filter({ has: page().locator('dt', { hasText: key }) })
      .locator('dd');
  const history = () => page().getByRole('list', { name: 'History, newest first' });
  const remindersLink = (name: string | RegExp) =>
    page().getByRole('navigation', { name: 'Pages' }).getByRole('link', { name });
  const WRITE_BUTTONS = ['Record contact', 'Record barrier', 'Set due date', 'Change owner', 'Close follow-up'];

  /** Presses Tab until `target` has the focus (the keyboard alone gets there), then returns. */
  const tabTo = async (target: Locator, limit = 60) => {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page().keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  };

  test('a follow-up goes open → contacted → barriers recorded → resolved; its reminder comes and goes', async () => {
    await suite.signInAt('/follow-ups', SUPPORT.email);
    await page()
      .getByRole('heading', { name: /My follow-ups/ })
      .waitFor();
    await page().getByText('0 follow-ups match the filters.').waitFor();

    // Everyone's, then the practice's follow-up from the list.
    await page().getByLabel('Whose').selectOption({ label: 'Everyone’s' });
    await page().getByRole('button', { name: 'Apply filters' }).click();
    await page().waitForURL(/owner=all/);
    await page().getByRole('link', { name: 'View the follow-up with Riverside Surgery' }).click();
    await page().getByRole('heading', { name: 'Follow-up Riverside Surgery' }).waitFor();
    expect(await summaryValue('State').textContent()).toBe('Open');
    expect(await summaryValue('Owner').textContent()).toBe('Nobody');
    await history().getByRole('heading', { name: 'Opened' }).waitFor();
    // Its practice links to the practice's page.
    expect(await page().getByRole('link', { name: 'Riverside Surgery' }).getAttribute('href')).toBe(
      `/practices/${practices.flow.code}`,
    );

    // Owner: only those who may own it are offered (not the manager, not support staff of another region).
    // The people come from their own request: wait for them before reading the options.
    const ownerSelect = page().getByLabel('Who owns this follow-up?');
    await ownerSelect.locator('option', { hasText: 'Sam North' }).waitFor({ state: 'attached' });
    const owners = await ownerSelect.locator('option').allTextContents();
    expect(owners).toEqual(['Nobody', 'Ada Admin (admin)', 'Sam North (support, Y54)']);
    await page().getByLabel('Who owns this follow-up?').selectOption({ label: 'Sam North (support, Y54)' });
    await page().getByRole('button', { name: 'Change owner' }).click();
    await page().getByText('Owner changed.').waitFor();
    expect(await summaryValue('Owner').textContent()).toBe(SUPPORT.name);
    // The change is in its history, with who made it (the API's audit trail of the follow-up).
    await history()
      .getByRole('heading', { name: `Owner set to ${SUPPORT.name}` })
      .waitFor();
    await history().getByText('Owner before: nobody.').waitFor();

    // A contact: the form's own checks first, in the error summary and against the fields.
    await page().getByRole('button', { name: 'Record contact' }).click();
    const contactForm = page().getByRole('form', { name: 'Record a contact' });
    await contactForm.getByRole('alert').getByText('Select how you contacted the practice').waitFor();
    expect(await contactForm.locator('#contact-outcome-error').textContent()).toBe(
      'Error: Enter what came of the contact',
    );
    await contactForm.getByLabel('Phone').check();
    await contactForm.getByLabel('Outcome').fill('Spoke to the practice manager about online records');
    await page().getByRole('button', { name: 'Record contact' }).click();
    await page().getByText('Contact recorded.').waitFor();
    expect(await summaryValue('State').textContent()).toBe('Contacted');
    await history().getByRole('heading', { name: 'Contacted by phone' }).waitFor();
    await history().getByText('Spoke to the practice manager about online records').waitFor();

    // A barrier of category "other" without its detail: the API's problem shows against the detail.
    const barrierForm = page().getByRole('form', { name: 'Record a barrier' });
    await barrierForm.getByLabel('Service').selectOption({ label: 'View medical record' });
    await barrierForm.getByLabel('Other', { exact: true }).check();
    await page().getByRole('button', { name: 'Record barrier' }).click();
    await barrierForm.getByRole('alert').getByText('detail is required when category is other').waitFor();
    expect(await barrierForm.locator('#barrier-detail-error').textContent()).toBe(
      'Error: detail is required when category is other',
    );
    await barrierForm.getByLabel('What is it?').fill('Waiting for the redaction training');
    await page().getByRole('button', { name: 'Record barrier' }).click();
    await page().getByText('Barrier recorded.').waitFor();
    expect(await summaryValue('State').textContent()).toBe('Barriers recorded');
    await history().getByRole('heading', { name: 'Barrier recorded: Other' }).waitFor();
    await history().getByText('View medical record: Waiting for the redaction training').waitFor();

    // The next due date: the API refuses one in the past, against the field.
    const dueForm = page().getByRole('form', { name: 'Next due date' });
    // A date that does not exist: the message's example is a date the form would take, as the hint's is.
    await dueForm.getByLabel('Day').fill('31');
    await dueForm.getByLabel('Month').fill('2');
    await dueForm.getByLabel('Year').fill('2030');
    await page().getByRole('button', { name: 'Set due date' }).click();
    const hintExample = /for example (\d+ \d+ \d{4})/.exec(await dueForm.locator('.nhsuk-hint').innerText())![1];
    await dueForm
      .locator('#due-date-error')
      .getByText(`Enter a real date with a day, month and year, like ${hintExample}`)
      .waitFor();
    await dueForm.getByLabel('Day').fill('1');
    await dueForm.getByLabel('Month').fill('1');
    await dueForm.getByLabel('Year').fill('2001');
    await page().getByRole('button', { name: 'Set due date' }).click();
    await dueForm
      .locator('#due-date-error')
      .getByText(/is in the past/)
      .waitFor();
    const due = new Date(Date.now() + 40 * 86_400_000);
    await dueForm.getByLabel('Day').fill(String(due.getUTCDate()));
    await dueForm.getByLabel('Month').fill(String(due.getUTCMonth() + 1));
    await dueForm.getByLabel('Year').fill(String(due.getUTCFullYear()));
    await page().getByRole('button', { name: 'Set due date' }).click();
    await page().getByText('Next due date set.').waitFor();
    const followUp = await followUpOf(practices.flow.id);
    expect(followUp.dueDate).toBe(due.toISOString().slice(0, 10));
    const dueText = due.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    await history().getByRole('heading', { name: 'Due date changed' }).waitFor();
    await history()
      .getByText(new RegExp(`^From \\d+ \\w+ \\d{4} to ${dueText}\\.$`))
      .waitFor();

    // The due job fires (the worker's handler, as Bull runs it on the day): the owner is reminded.
    expect(await worker.followUps.followUpDue({ followUpId: followUp.id, dueDate: followUp.dueDate })).toBe('reminded');
    await page().reload();
    await remindersLink('Reminders 1 unread').click();
    await page().getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    const subject = `Follow-up due today: ${practices.flow.code} Riverside Surgery`;
    await page()
      .getByRole('heading', { name: `Unread ${subject}` })
      .waitFor();
    await page().getByText('You have 1 unread.').waitFor();
    await page()
      .getByRole('button', { name: `Mark as read: ${subject}` })
      .click();
    await page().getByText('You have no unread reminders.').waitFor();
    await page().getByRole('heading', { name: subject, exact: true }).waitFor();
    await remindersLink(/^Reminders$/).waitFor();
    await page().getByRole('link', { name: 'Unread only' }).click();
    await page().getByText('Nothing unread.').waitFor();

    // Back to the follow-up: resolved with a reason, after which nothing more can be written.
    await page().goto(`${suite.base}/follow-ups/${followUp.id}`);
    const closeForm = page().getByRole('form', { name: 'Close the follow-up' });
    await closeForm.getByLabel(/^Resolve/).check();
    await closeForm.getByLabel('Reason').fill('Records go live next week');
    await page().getByRole('button', { name: 'Close follow-up' }).click();
    await page().getByText('Follow-up resolved.').waitFor();
    expect(await summaryValue('State').textContent()).toBe('Resolved');
    await history().getByRole('heading', { name: 'Resolved' }).waitFor();
    await history().getByText('Records go live next week').waitFor();
    // Newest first: resolved, due date, barrier, contact, owner, opened.
    expect(await history().getByRole('heading').allTextContents()).toEqual([
      'Resolved',
      'Due date changed',
      'Barrier recorded: Other',
      'Contacted by phone',
      `Owner set to ${SUPPORT.name}`,
      'Opened',
    ]);
    for (const name of WRITE_BUTTONS) expect(await page().getByRole('button', { name }).count()).toBe(0);
  });

  test('users who may not write see the follow-up but no write controls', async () => {
    const { id } = await followUpOf(practices.readOnly.id);
    for (const who of [MANAGER, SOUTH]) {
      await suite.signInAt(`/follow-ups/${id}`, who.email);
      await page().getByRole('heading', { name: 'Follow-up Hillside Medical Centre' }).waitFor();
      expect(await summaryValue('State').textContent()).toBe('Open');
      await history().getByRole('heading', { name: 'Opened' }).waitFor();
      for (const name of WRITE_BUTTONS) expect(await page().getByRole('button', { name }).count()).toBe(0);
      expect(await page().getByRole('form').count()).toBe(0);
      await page().getByRole('button', { name: 'Sign out' }).click();
      await page().getByText('You have signed out.').waitFor();
    }
    // The same page for its region's support staff has the forms (the controls are hidden, not missing).
    await suite.signInAt(`/follow-ups/${id}`, SUPPORT.email);
    await page().getByRole('button', { name: 'Record contact' }).waitFor();
  });

  test('the list: soonest due first, filters and the page in the address, paginated', async () => {
    await suite.signInAt('/follow-ups?owner=all&region=Y54', SUPPORT.email);
    const table = page().getByRole('table', { name: 'Follow-ups in North of England, soonest due first' });
    await table.waitFor();
    // 22 active in Y54 (the seed's 23 less the one resolved above, if that test ran first): two pages.
    const total = (await suite.ctx.api(Role.Manager).get('/follow-ups?regionCode=Y54&pageSize=1').expect(200)).body
      .total as number;
    await page().getByText(`${total} follow-ups match the filters; page 1 of 2.`).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(20);
    // Soonest due first: the overdue one leads.
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toMatch(/Old Mill Surgery/);
    expect(await table.locator('tbody tr').first().getByText('Overdue').count()).toBe(1);

    await page().getByRole('navigation', { name: 'Pages of follow-ups' }).getByRole('link', { name: 'Next' }).click();
    await page().waitForURL(/page=2/);
    await page().getByText(`${total} follow-ups match the filters; page 2 of 2.`).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(total - 20);

    await page().getByLabel('Due', { exact: true }).selectOption({ label: 'Overdue' });
    await page().getByLabel('Service not offered').selectOption({ label: 'View medical record' });
    await page().getByRole('button', { name: 'Apply filters' }).click();
    await page().waitForURL((url) => url.searchParams.get('due') === 'overdue' && !url.searchParams.has('page'));
    expect(new URL(page().url()).searchParams.get('notOffered')).toBe('records');
    await page().getByText('1 follow-up matches the filters.').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);

    // Back restores the previous filters (and the form shows them); a reload keeps the current ones.
    await page().goBack();
    await page().getByText(`${total} follow-ups match the filters; page 2 of 2.`).waitFor();
    expect(await page().getByLabel('Due', { exact: true }).inputValue()).toBe('');
    await page().goForward();
    await page().getByText('1 follow-up matches the filters.').waitFor();
    await page().reload();
    await page().getByText('1 follow-up matches the filters.').waitFor();
    expect(await page().getByLabel('Due', { exact: true }).inputValue()).toBe('overdue');

    // Another region's follow-ups by the region filter.
    await page().getByLabel('Region').selectOption({ label: 'Midlands and East of England' });
    await page().getByLabel('Due', { exact: true }).selectOption({ label: 'Any due date' });
    await page().getByRole('button', { name: 'Apply filters' }).click();
    await page()
      .getByRole('table', { name: 'Follow-ups in Midlands and East of England, soonest due first' })
      .getByRole('link', { name: 'Southgate Surgery', exact: true })
      .waitFor();
  });

  test('axe and the keyboard alone: the list, the follow-up page (with errors) and the inbox', async () => {
    const { id } = await followUpOf(practices.keyboard.id);
    await suite.ctx.app.get(RemindersService, { strict: false }).storeNow([
      {
        userId: users.admin,
        kind: ReminderKind.FollowUpDue,
        dedupeKey: `follow-up-${id}-keyboard`,
        subject: 'Follow-up due today: Parkview Practice',
        body: 'The follow-up with Parkview Practice is due today.\nServices not offered yet: records.',
        payload: { followUp: { id } },
      },
    ]);

    // The list, by keyboard: the filters and the apply button, then a follow-up's link.
    await suite.signInAt('/follow-ups', ADMIN.email);
    await page()
      .getByRole('heading', { name: /My follow-ups/ })
      .waitFor();
    expect(await axeViolations(page())).toEqual([]);
    await tabTo(page().getByLabel('Whose'));
    await page().keyboard.press('ArrowDown'); // Everyone's
    await tabTo(page().getByRole('button', { name: 'Apply filters' }));
    await page().keyboard.press('Enter');
    await page().waitForURL(/owner=all/);
    await page()
      .getByRole('table', { name: /soonest due first/ })
      .waitFor();
    expect(await axeViolations(page())).toEqual([]);
    await tabTo(page().getByRole('link', { name: 'View the follow-up with Parkview Practice' }), 200);
    await page().keyboard.press('Enter');
    await page().getByRole('heading', { name: 'Follow-up Parkview Practice' }).waitFor();
    expect(await axeViolations(page())).toEqual([]);

    // A contact recorded by keyboard alone, through its error summary.
    await tabTo(page().getByRole('button', { name: 'Record contact' }));
    await page().keyboard.press('Enter');
    const summary = page().getByRole('form', { name: 'Record a contact' }).getByRole('alert');
    await summary.waitFor();
    // The summary (its box around the alert) has the focus: the keyboard starts where the problems are.
    expect(await summary.evaluate((el) => el.closest('.nhsuk-error-summary') === document.activeElement)).toBe(true);
    expect(await axeViolations(page())).toEqual([]);
    await tabTo(page().getByRole('link', { name: 'Select how you contacted the practice' }));
    await page().keyboard.press('Enter');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('contact-method');
    await page().keyboard.press('Space');
    await tabTo(page().getByLabel('Outcome'));
    await page().keyboard.type('Left a message with reception');
    await page().keyboard.press('Tab');
    await page().keyboard.press('Enter');
    await page().getByText('Contact recorded.').waitFor();
    await history().getByRole('heading', { name: 'Contacted by phone' }).waitFor();

    // The inbox: the header's count, and a reminder marked read by keyboard.
    await tabTo(remindersLink('Reminders 1 unread'));
    await page().keyboard.press('Enter');
    await page().getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    await page().getByText('You have 1 unread.').waitFor();
    expect(await axeViolations(page())).toEqual([]);
    await tabTo(page().getByRole('button', { name: 'Mark as read: Follow-up due today: Parkview Practice' }));
    await page().keyboard.press('Enter');
    await page().getByText('You have no unread reminders.').waitFor();
    await remindersLink(/^Reminders$/).waitFor();
    expect(await axeViolations(page())).toEqual([]);
  });

  test('a practice page read as its last service is enabled shows the follow-up resolve itself', async () => {
    // Last: a new practice and its follow-up would change the other tests' lists.
    const practice = await suite.ctx.factories.practice({ name: 'Brookside Surgery' });
    for (const service of [Service.Appointments, Service.Prescriptions])
      await suite.ctx.factories.statusEvent(practice.id, service, Level.Enabled, '2014-01-01');
    await worker.schedules.sweepFollowUps();
    expect(await followUpOf(practice.id)).toBeDefined();
    // The write that enables records (effective 1 December 2014); its rule job waits in the outbox.
    await suite.ctx
      .api()
      .post(`/practices/${practice.code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: '2014-12-01' })
      .expect(201);

    await suite.signInAt(`/practices/${practice.code}`, SUPPORT.email);
    await page().getByText('the tracker resolves this follow-up by itself').waitFor();
    expect(await summaryValue('State').textContent()).toBe('Open');

    await worker.settle();
    await page().getByText('No follow-up in progress').waitFor();
    expect(await followUpOf(practice.id)).toBeUndefined();
    expect(await page().getByText('the tracker resolves this follow-up by itself').count()).toBe(0);
  });
});
