/**
 * Concept checks (`ConceptCheck.astro`): a wrong and a right answer give their two feedbacks, every
 * option then shows its explanation, the result is announced in a polite live region, the whole
 * check works from the keyboard alone, axe finds nothing on a chapter page with a check answered,
 * and without JavaScript the question and a <details> with the answer remain.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CHAPTER = '/why-connections-cost/';
/** "Which host holds TIME_WAIT under HTTP/1.0?": three options, the answer is B. */
const CHECK = '#check-time-wait-owner';

/** The parts of one check a test looks at. */
function parts(check: Locator) {
  return {
    submit: check.locator('button[type="submit"]'),
    retry: check.locator('.ka-check-retry'),
    result: check.locator('[role="status"]'),
    whys: check.locator('.ka-check-option .ka-check-why'),
    option: (letter: string) => check.locator(`.ka-check-option[data-option="${letter}"]`),
    input: (letter: string) => check.locator(`input[value="${letter}"]`),
  };
}

/** Presses Tab until the focus is inside `selector` (keyboard only, from the top of the page). */
async function tabInto(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      (s) => document.activeElement?.closest(s) !== null,
      selector,
    );
    if (inside) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a wrong answer and a right answer give their two feedbacks, with every explanation', async ({
  page,
}) => {
  await page.goto(CHAPTER);
  const check = page.locator(CHECK);
  const p = parts(check);
  // Set up by the script: the Check button shows, the no-JavaScript disclosure goes.
  await expect(p.submit).toBeVisible();
  await expect(check.locator('details')).toBeHidden();
  await expect(p.whys).toHaveCount(3);
  for (const why of await p.whys.all()) await expect(why).toBeHidden();

  await p.input('a').check();
  await p.submit.click();
  await expect(p.result).toHaveText(
    'Not quite: you chose A, the answer is B. Each option now shows why it is right or wrong.',
  );
  await expect(p.option('a')).toHaveAttribute('data-state', 'incorrect');
  await expect(p.option('a')).toHaveAttribute('data-chosen', '');
  await expect(p.option('a').locator('.ka-check-chosen')).toBeVisible();
  await expect(p.option('b')).toHaveAttribute('data-state', 'correct');
  for (const why of await p.whys.all()) await expect(why).toBeVisible();
  await expect(p.option('a').locator('.ka-check-why')).toContainText('Wrong.');
  await expect(p.option('b').locator('.ka-check-why')).toContainText('Right.');
  // Each explanation cites the section it comes from.
  await expect(p.option('a').locator('.ka-check-why a[href="#closing-costs-too"]')).toHaveCount(1);

  await p.retry.click();
  await expect(p.result).toHaveText('');
  await expect(p.input('a')).not.toBeChecked();
  for (const why of await p.whys.all()) await expect(why).toBeHidden();

  await p.input('b').check();
  await p.submit.click();
  await expect(p.result).toHaveText('Right: B. Each option now shows why it is right or wrong.');
  await expect(p.option('b')).toHaveAttribute('data-chosen', '');
  await expect(p.option('a')).not.toHaveAttribute('data-chosen', '');
});

test('pressing Check with nothing chosen asks for an answer', async ({ page }) => {
  await page.goto(CHAPTER);
  const p = parts(page.locator(CHECK));
  await p.submit.click();
  await expect(p.result).toHaveText('Choose an answer first.');
  for (const why of await p.whys.all()) await expect(why).toBeHidden();
});

test('the result is announced in a polite live region', async ({ page }) => {
  await page.goto(CHAPTER);
  const p = parts(page.locator(CHECK));
  await expect(p.result).toHaveAttribute('aria-live', 'polite');
  await expect(p.result).toHaveAttribute('role', 'status');
  // The region is in the page (empty) before the answer, so screen readers pick up the change.
  await expect(p.result).toHaveText('');
  await p.input('c').check();
  await p.submit.click();
  await expect(p.result).toContainText('the answer is B');
  const snapshot = await page.locator(CHECK).ariaSnapshot();
  expect(snapshot).toContain('status: "Not quite: you chose C, the answer is B.');
  // The options are a named group: the fieldset's legend is the question.
  await expect(page.getByRole('group', { name: /Which host is left holding/ })).toHaveCount(1);
});

test('a check works from the keyboard alone', async ({ page }) => {
  await page.goto(CHAPTER);
  const check = page.locator(CHECK);
  const p = parts(check);
  await tabInto(page, CHECK);
  // Tab lands on the radio group (the first option, none being chosen yet); arrows choose.
  await expect(p.input('a')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(p.input('a')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(p.submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(p.result).toContainText('Not quite');
  await page.keyboard.press('Tab');
  await expect(p.retry).toBeFocused();
  await page.keyboard.press('Enter');
  // Try again puts the focus back on the options.
  await expect(p.input('a')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(p.input('b')).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(p.result).toContainText('Right: B.');
});

test('a multiple-choice check wants every right option and no wrong one', async ({ page }) => {
  await page.goto('/pipelining/');
  const p = parts(page.locator('#check-pipeline-methods'));
  await expect(p.input('a')).toHaveAttribute('type', 'checkbox');
  await p.input('a').check();
  await p.input('b').check();
  await p.submit.click();
  await expect(p.result).toContainText('you chose A, B, the answer is A, B, D');
  await p.input('d').check();
  await p.submit.click();
  await expect(p.result).toContainText('Right: A, B, D.');
});

test('the Chinese page checks in Chinese', async ({ page }) => {
  await page.goto(`/zh${CHAPTER}`);
  const check = page.locator(CHECK);
  const p = parts(check);
  await expect(p.submit).toHaveText('检查');
  await p.input('b').check();
  await p.submit.click();
  await expect(p.result).toHaveText('答对了：B。每个选项下面都给出了对错的理由。');
  await expect(p.option('c').locator('.ka-check-why')).toContainText('错误。');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a chapter page with answered checks has no axe violations (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(CHAPTER, { waitUntil: 'networkidle' });
    for (const [id, letter] of [
      ['#check-time-wait-owner', 'a'],
      ['#check-resumption-round-trips', 'c'],
    ] as const) {
      const p = parts(page.locator(id));
      await p.input(letter).check();
      await p.submit.click();
      await expect(p.result).not.toHaveText('');
    }
    // Widgets hydrate as they scroll into view; wait until none on screen is still pending.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('astro-island[ssr]')].every((island) => {
          const r = island.getBoundingClientRect();
          return r.bottom <= 0 || r.top >= innerHeight || r.width === 0 || r.height === 0;
        }),
      undefined,
      { timeout: 15_000 },
    );
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const violations = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(violations).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the question and a disclosure with the answer and explanations remain', async ({
    page,
  }) => {
    await page.goto(CHAPTER);
    const check = page.locator(CHECK);
    await expect(check.locator('legend')).toContainText('Which host is left holding');
    await expect(check.locator('button[type="submit"]')).toBeHidden();
    const details = check.locator('details');
    await expect(details).toBeVisible();
    await expect(check.locator('.ka-check-key')).toBeHidden();
    await details.locator('summary').click();
    await expect(check.locator('.ka-check-key')).toHaveText('Answer: B.');
    const whys = details.locator('.ka-check-why');
    await expect(whys).toHaveCount(3);
    for (const why of await whys.all()) await expect(why).toBeVisible();
    await expect(whys.nth(1)).toContainText('Right.');
  });
});
