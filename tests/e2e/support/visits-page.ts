import { expect, type Locator, type Page } from '@playwright/test';
import { choose } from './combobox';

/** Page objects for the Visits feature: role-based locators only, so they read like what a user sees. */
export class VisitsList {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly status: Locator;
  readonly country: Locator;
  readonly traveller: Locator;
  readonly find: Locator;
  readonly sort: Locator;
  readonly newVisit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Visits' });
    this.table = page.getByRole('table', { name: 'Visits' });
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
    this.count = page.getByText(/^[\d,]+ visits?( match)?$/);
    this.status = page.getByLabel('Status', { exact: true });
    this.country = page.getByLabel('Host country');
    this.traveller = page.getByLabel('Traveller');
    this.find = page.getByLabel('Find visits');
    this.sort = page.getByLabel('Sort by');
    this.newVisit = page.getByRole('link', { name: 'New visit' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`./#/visits${query}`);
    await expect(this.heading).toBeVisible();
  }

  row(name: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name }) });
  }

  async open(name: string | RegExp): Promise<VisitDetail> {
    await this.page.getByRole('link', { name }).click();
    const detail = new VisitDetail(this.page);
    await expect(detail.heading).toBeVisible();
    return detail;
  }

  async expectCount(n: number): Promise<void> {
    await expect(this.rows).toHaveCount(n);
    await expect(this.count).toHaveText(new RegExp(`^${n.toLocaleString('en-US')} visits?`));
  }
}

export class VisitDetail {
  readonly heading: Locator;
  readonly history: Locator;
  readonly historyRows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.history = page.getByRole('table', { name: 'Status history' });
    this.historyRows = this.history.getByRole('row').filter({ has: page.getByRole('cell') });
  }

  async changeStatus(opts: { to: string | RegExp; on?: string; reason?: string; start?: string; end?: string }): Promise<StatusDialog> {
    await this.page.getByRole('button', { name: 'Change status' }).click();
    const dialog = new StatusDialog(this.page);
    await expect(dialog.root).toBeVisible();
    await dialog.fill(opts);
    return dialog;
  }

  async changeStatusAndSave(opts: { to: string | RegExp; on?: string; reason?: string; start?: string; end?: string }): Promise<void> {
    const dialog = await this.changeStatus(opts);
    await dialog.submit.click();
    await expect(dialog.root).toBeHidden();
  }

  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete', exact: true }).click();
  }
}

export class StatusDialog {
  readonly root: Locator;
  readonly newStatus: Locator;
  readonly submit: Locator;

  /** `title`: the dialog's name, per the action that opened it ("Change status", "Reopen", …). */
  constructor(
    readonly page: Page,
    title = 'Change status',
  ) {
    this.root = page.getByRole('dialog', { name: title });
    this.newStatus = this.root.getByLabel('New status');
    this.submit = this.root.locator('button[type=submit]');
  }

  async fill(opts: { to: string | RegExp; on?: string; reason?: string; start?: string; end?: string }): Promise<void> {
    const options = await this.newStatus.locator('option').allTextContents();
    const label = options.find((o) => (typeof opts.to === 'string' ? o.includes(opts.to) : opts.to.test(o)));
    if (!label) throw new Error(`No status option ${String(opts.to)} among ${options.join(' | ')}`);
    await this.newStatus.selectOption({ label });
    if (opts.on) await this.root.getByLabel('Effective date').fill(opts.on);
    if (opts.reason !== undefined) await this.root.getByLabel('Reason').fill(opts.reason);
    if (opts.start !== undefined) await this.root.getByLabel('Start').fill(opts.start);
    if (opts.end !== undefined) await this.root.getByLabel('End').fill(opts.end);
  }
}

export interface VisitInput {
  traveller?: string;
  newTraveller?: string;
  country?: string;
  city?: string;
  kind?: string;
  purpose?: string;
  start?: string;
  end?: string;
  status?: string;
  tags?: string;
}

export class VisitForm {
  readonly form: Locator;
  readonly save: Locator;
  readonly cancel: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form.visit-form');
    this.save = page.getByRole('button', { name: 'Save visit' });
    this.cancel = page.getByRole('button', { name: 'Cancel' });
    this.summary = this.form.getByRole('alert');
  }

  async fill(v: VisitInput): Promise<void> {
    const f = this.form;
    if (v.newTraveller) {
      await f.getByRole('button', { name: 'New person…' }).click();
      await f.getByLabel('Name of the new person').fill(v.newTraveller);
      await f.getByRole('button', { name: /^Create person/ }).click();
      await expect(f.getByLabel('Traveller')).toHaveValue(/.+/);
    }
    if (v.traveller) {
      await choose(f.getByRole('combobox', { name: 'Traveller' }), v.traveller);
      await expect(f.getByRole('combobox', { name: 'Traveller' })).toHaveValue(v.traveller);
    }
    if (v.country) {
      await choose(f.getByRole('combobox', { name: 'Host country' }), v.country);
      await expect(f.getByRole('combobox', { name: 'Host country' })).toHaveValue(v.country);
    }
    if (v.city !== undefined) await f.getByLabel('City').fill(v.city);
    if (v.kind) await f.getByLabel('Kind').selectOption({ label: v.kind });
    if (v.purpose !== undefined) await f.getByLabel('Purpose').fill(v.purpose);
    if (v.start !== undefined) await f.getByLabel('Start').fill(v.start);
    if (v.end !== undefined) await f.getByLabel('End').fill(v.end);
    if (v.status) await f.getByLabel('Status').selectOption(v.status);
    if (v.tags !== undefined) await f.getByLabel('Tags').fill(v.tags);
  }

  /**
   * Fills, saves, and waits for the new visit's page. With `duplicateOf`, expects the warning that
   * the visit may already be recorded (naming that visit) and saves anyway.
   */
  async create(v: VisitInput, { duplicateOf }: { duplicateOf?: string | RegExp } = {}): Promise<VisitDetail> {
    await this.fill(v);
    await this.save.click();
    if (duplicateOf) {
      const warning = this.page.getByRole('dialog', { name: 'This visit may already be recorded' });
      await expect(warning.getByRole('link', { name: duplicateOf })).toBeVisible();
      await warning.getByRole('button', { name: 'Save anyway' }).click();
    }
    const detail = new VisitDetail(this.page);
    await expect(this.page.getByText('Visit saved')).toBeVisible();
    await expect(detail.history).toBeVisible();
    return detail;
  }
}
