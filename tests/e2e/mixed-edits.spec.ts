import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';
import { storedWorksheet as stored } from './stored-worksheet';

test.use({ actionTimeout: 30_000 });
// Two hundred quick edits, each a save through the store, on a machine that may be busy.
test.describe.configure({ timeout: 480_000 });

type Result = 'COMPLIANT' | 'DEFICIENT' | 'NOT_VERIFIED';
const RESULT_KEY: Record<Result, string> = { COMPLIANT: 'c', DEFICIENT: 'd', NOT_VERIFIED: 'v' };
const RESULT_LABEL: Record<Result, string> = {
  COMPLIANT: 'Compliant',
  DEFICIENT: 'Deficient',
  NOT_VERIFIED: 'Not verified',
};
const METHODS = ['OBSERVED_ON_SITE', 'DOCUMENT_REVIEWED', 'INTERVIEW'] as const;
const METHOD_LABEL = {
  OBSERVED_ON_SITE: 'Observed on site',
  DOCUMENT_REVIEWED: 'Document reviewed',
  INTERVIEW: 'Interview',
};
const REASONS = [
  { code: 'NO_WRITTEN_PROCEDURE', label: 'No written procedure' },
  { code: 'NOT_IMPLEMENTED', label: 'Not implemented' },
  { code: 'TRAINING_GAP', label: 'Training gap' },
];

/** What the SCSS meant each criterion to say, kept by the test as it edits. */
type Expected = { result: Result | null; methods: Set<string>; notes: string; reason: string | null };

/** A small seeded generator (mulberry32), so a failure replays the same sequence. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('a long, fast run of mixed keyboard and mouse edits across categories is what the screen, a reload and the store show', async ({
  app,
}) => {
  const { page } = app;
  const seed = Number(process.env.MIXED_EDITS_SEED ?? 20261202);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

  await new MembersPage(page).startValidationOf('Rio Bravo Freight Lines LLC');
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-11-30' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Rio Bravo Freight Lines LLC' })).toBeVisible();
  const validationId = /#\/validations\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(validationId).not.toBe('');

  const categories = [
    { number: 1, name: 'Security Vision & Responsibility' },
    { number: 4, name: 'Cybersecurity' },
    { number: 9, name: 'Physical Security' },
  ];
  const expected = new Map<string, Expected>();
  const state = (id: string): Expected => {
    let e = expected.get(id);
    if (!e) {
      e = { result: null, methods: new Set(), notes: '', reason: null };
      expected.set(id, e);
    }
    return e;
  };

  for (const [pass, category] of [...categories, ...categories].entries()) {
    await ws.openCategory(category.number, category.name);
    // The first round in the detailed cards, the second in compact rows.
    const view = pass < categories.length ? 'Detailed' : 'Compact';
    await page.getByRole('button', { name: view, exact: true }).click();
    const ids = await page
      .locator('[data-criterion]')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.criterion ?? ''));
    for (let step = 0; step < 35; step++) {
      const id = pick(ids);
      const row = ws.criterion(id);
      const e = state(id);
      const kind = next();
      if (kind < 0.35) {
        const result = pick(['COMPLIANT', 'COMPLIANT', 'NOT_VERIFIED', 'DEFICIENT'] as const);
        if (next() < 0.5) {
          await row.locator('h3').first().click();
          await page.keyboard.press(RESULT_KEY[result]);
        } else {
          await row.locator('.result-group label').filter({ hasText: RESULT_LABEL[result] }).click();
        }
        e.result = result;
        if (result === 'DEFICIENT') {
          const reasonField = row.getByLabel('Deficiency reason');
          const reason = pick(REASONS);
          if (e.reason === null) {
            await reasonField.selectOption({ label: reason.label });
            e.reason = reason.code;
          }
          await row.locator('h3').first().click();
        }
      } else if (kind < 0.7) {
        const method = pick(METHODS);
        if (view === 'Compact' || next() < 0.5) {
          await row.locator('h3').first().click();
          await page.keyboard.press(String(METHODS.indexOf(method) + 1));
        } else {
          await row.locator('.method-group label').filter({ hasText: METHOD_LABEL[method] }).click();
        }
        if (e.methods.has(method)) e.methods.delete(method);
        else e.methods.add(method);
      } else {
        const text = `Step ${pass}.${step}: ${pick(['seal log', 'badge audit', 'CCTV review', 'gate check'])}.`;
        await row.locator('h3').first().click();
        await page.keyboard.press('e');
        const notes = row.getByLabel(`Notes for ${id}`);
        await expect(notes).toBeFocused();
        await notes.fill(text);
        // Leave at once: no waiting for the pause that saves.
        await page.keyboard.press('Escape');
        e.notes = text;
      }
    }
  }
  await expect(ws.saveStatus()).toContainText('All changes saved');
  await expect(ws.saveStatus()).not.toContainText('not saved');

  const compareScreen = async (label: string) => {
    for (const category of categories) {
      await ws.openCategory(category.number, category.name);
      await page.getByRole('button', { name: 'Detailed', exact: true }).click();
      for (const [id, e] of expected) {
        const row = ws.criterion(id);
        if ((await row.count()) === 0) continue;
        for (const [result, name] of Object.entries(RESULT_LABEL)) {
          const radio = row.getByRole('radio', { name, exact: true });
          if (e.result === result) await expect(radio, `${label}: ${id} ${name}`).toBeChecked();
          else await expect(radio, `${label}: ${id} ${name}`).not.toBeChecked();
        }
        for (const method of METHODS) {
          const box = row.getByRole('checkbox', { name: METHOD_LABEL[method] });
          if (e.methods.has(method)) await expect(box, `${label}: ${id} ${method}`).toBeChecked();
          else await expect(box, `${label}: ${id} ${method}`).not.toBeChecked();
        }
        await expect(row.getByLabel(`Notes for ${id}`), `${label}: ${id} notes`).toHaveValue(e.notes);
        if (e.result === 'DEFICIENT' && e.reason) {
          const option = REASONS.find((r) => r.code === e.reason)?.label ?? '';
          await expect(row.getByLabel('Deficiency reason'), `${label}: ${id} reason`).toHaveValue(e.reason);
          expect(option).not.toBe('');
        }
      }
    }
  };
  await compareScreen('screen');

  const worksheet = await stored(page, validationId);
  const responses = new Map(worksheet.responses.map((r) => [r.criterionId, r]));
  for (const [id, e] of expected) {
    const r = responses.get(id);
    expect(r?.result ?? null, `store: ${id} result`).toBe(e.result);
    expect(new Set(r?.verificationMethods ?? []), `store: ${id} methods`).toEqual(e.methods);
    expect(r?.notes ?? '', `store: ${id} notes`).toBe(e.notes);
    if (e.result === 'DEFICIENT' && e.reason) {
      expect(worksheet.findings.find((f) => f.criterionId === id)?.reasonCode, `store: ${id} reason`).toBe(e.reason);
    }
  }

  await page.reload();
  await compareScreen('after reload');
});
