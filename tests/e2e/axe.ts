import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rules Section 508 refers to. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/** The serious and critical violations on the screen as it is, each with its rule, what to fix and the elements. */
async function blockingViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself: no extra page, which an Electron window cannot open.
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join('; ') ?? ''}`)
          .join('\n')}`,
    );
}

/** Fails the spec on any serious or critical axe-core violation, naming each. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await blockingViolations(page), `accessibility violations on the ${screen} screen`).toEqual([]);
}
