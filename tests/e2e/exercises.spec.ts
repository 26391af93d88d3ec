/**
 * "Predict, then play": every exercise, in both languages, keeps its question and a disclosure
 * with the simulation's answer without JavaScript, and with it opens the answer only after a
 * prediction is checked. Wrong and right predictions get their two feedbacks; "New numbers"
 * draws a seeded scenario whose answer equals the simulation CLI's (`npm run sim`) for the same
 * scenario; the progress marks in the table of contents survive a reload and reset.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer, type Ask } from '../../src/components/widgets/exercise-ask';
import { drawRanges, drawScenario } from '../../src/components/widgets/exercise-draw';
import { mergeScenario, type Plain } from '../../src/components/widgets/merge';
import { validateScenario } from '../../src/sim';
import { builtPages, distFileFor } from '../site-pages';

const chapterPages = builtPages().filter((p) => {
  const file = distFileFor(p);
  return file !== undefined && readFileSync(file, 'utf8').includes('data-exercise=');
});

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function compute(input: Plain, ask: string): number {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(`invalid exercise scenario: ${JSON.stringify(checked.errors)}`);
  return answer(checked.scenario, ask as Ask);
}

/** `npx tsx` without npx's own start-up (this is what `npm run sim` runs). */
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

const tmp = mkdtempSync(join(tmpdir(), 'ka-exercise-'));
let fileNo = 0;

/** The answer to `ask` as the simulation's command line prints it for a scenario. */
function cli(input: Plain, ask: string): number {
  const file = join(tmp, `scenario-${++fileNo}.json`);
  writeFileSync(file, JSON.stringify(input));
  const out = JSON.parse(
    execFileSync(TSX, ['src/sim/cli.ts', file], { encoding: 'utf8' }),
  ) as Record<string, unknown>;
  const server = out['server'] as Record<string, number> | undefined;
  switch (ask) {
    case 'pageLoadMs':
    case 'connectionsOpened':
    case 'handshakeRoundTrips':
    case 'throughputPerSec':
      return out[ask] as number;
    case 'packets':
      return (out['packets'] as { total: number }).total;
    case 'meanWorkersHeld':
      return (server?.['meanWorkersBusy'] ?? NaN) + (server?.['meanWorkersIdle'] ?? NaN);
    case 'refused':
      return server?.['refused'] ?? NaN;
    case 'p95LatencyMs':
      return (out['latencyMs'] as { p95: number }).p95;
    default:
      throw new Error(`unknown ask ${ask}`);
  }
}

/** Reads a number as the page prints it ("1,800.3 ms", "1,800.3 毫秒", "3 connections"). */
const readNumber = (text: string): number => Number(text.replace(/[^\d.]/g, ''));
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** An exercise's own scenarios: as described, and with the change when it has one. */
async function scenariosOf(ex: Locator): Promise<{ ask: string; runs: Plain[] }> {
  const ask = (await ex.getAttribute('data-ask')) ?? '';
  const scenario = JSON.parse((await ex.getAttribute('data-scenario')) ?? '{}') as Plain;
  const compareAttr = await ex.getAttribute('data-compare');
  const runs = compareAttr
    ? [scenario, mergeScenario(scenario, JSON.parse(compareAttr) as Plain)]
    : [scenario];
  return { ask, runs };
}

/** Types predictions into an exercise's fields and checks them. */
async function predict(ex: Locator, values: readonly number[]): Promise<void> {
  const inputs = ex.locator('[data-predict] input');
  await expect(inputs).toHaveCount(values.length);
  for (const [i, v] of values.entries()) await inputs.nth(i).fill(String(v));
  await ex.locator('[data-predict] button[type="submit"]').click();
}

/** The values an exercise's revealed answer line shows. */
async function shownAnswers(ex: Locator): Promise<number[]> {
  const out = [readNumber(await ex.locator('[data-answer]').innerText())];
  const second = ex.locator('[data-answer-compare]');
  if ((await second.count()) > 0) out.push(readNumber(await second.innerText()));
  return out;
}

for (const path of chapterPages) {
  test(`exercises on ${path}: the answer without JavaScript, and after a prediction with it`, async ({
    browser,
    page,
  }) => {
    // Without JavaScript: the question and a disclosure with the simulation's answer.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(path);
    const still = plain.locator('[data-exercise]');
    const n = await still.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const ex = still.nth(i);
      await expect(ex.locator('.question')).toBeVisible();
      await expect(ex.locator('[data-predict]')).toBeHidden();
      await expect(ex.locator('[data-answer]')).toBeHidden();
      await ex.locator('summary').first().click();
      const { ask, runs } = await scenariosOf(ex);
      expect(await shownAnswers(ex)).toEqual(runs.map((r) => round1(compute(r, ask))));
    }
    await noJs.close();
    // No reader-facing scenario JSON, with or without JavaScript.
    const html = readFileSync(distFileFor(path) ?? '', 'utf8');
    expect(html).not.toMatch(/<pre[^>]*><code>\s*\{/);

    // With JavaScript: nothing is revealed before a prediction; a right one opens the answer.
    await page.goto(path);
    const live = page.locator('[data-exercise]');
    for (let i = 0; i < n; i++) {
      const ex = live.nth(i);
      await expect(ex.locator('[data-predict]')).toBeVisible();
      await expect(ex.locator('[data-reveal]')).toBeHidden();
      const { ask, runs } = await scenariosOf(ex);
      const expected = runs.map((r) => compute(r, ask));
      await predict(ex, expected.map(round1));
      await expect(ex.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'right');
      await expect(ex.locator('[data-answer]')).toBeVisible();
      expect(await shownAnswers(ex)).toEqual(expected.map(round1));
    }
  });
}

test('a wrong and a right prediction get their two feedbacks, in both languages', async ({
  page,
}) => {
  for (const [path, right, wrongWord] of [
    ['/http-1-0-keep-alive/', 'Right.', 'Off by'],
    ['/zh/http-1-0-keep-alive/', '答对了。', '超出了容差'],
  ] as const) {
    await page.goto(path);
    const ex = page.locator('#http10-keepalive-time');
    const { ask, runs } = await scenariosOf(ex);
    const [a, b] = runs.map((r) => compute(r, ask)) as [number, number];
    // RTT 80 ms: a prediction three round trips short is outside ±½ RTT.
    await predict(ex, [Math.round(a - 240), Math.round(b)]);
    const feedback = ex.locator('[data-feedback]');
    await expect(ex.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'wrong');
    await expect(feedback.locator('[data-check="wrong"]')).toContainText(wrongWord);
    await expect(feedback.locator('[data-check="right"]')).toHaveCount(1);
    await expect(ex.locator('[data-reveal]')).toBeVisible();
    await predict(ex, [Math.round(a + 30), Math.round(b - 30)]);
    await expect(ex.locator('[data-verdict]')).toHaveText(right);
    await expect(feedback.locator('[data-check="right"]')).toHaveCount(2);
    // A count must be exact.
    const count = page.locator('#http10-max-requests');
    const c = await scenariosOf(count);
    const [x, y] = c.runs.map((r) => compute(r, c.ask)) as [number, number];
    await predict(count, [x + 1, y]);
    await expect(count.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'wrong');
    await predict(count, [x, y]);
    await expect(count.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'right');
  }
});

/** Checks one drawn seed: URL, question line, and the answer against the simulation's CLI. */
async function checkSeed(page: Page, ex: Locator, id: string, seed: number): Promise<number[]> {
  expect(new URL(page.url()).searchParams.get(`ex-${id}`)).toBe(String(seed));
  const base = JSON.parse((await ex.getAttribute('data-scenario')) ?? '{}') as Plain;
  const compareAttr = await ex.getAttribute('data-compare');
  const ask = (await ex.getAttribute('data-ask')) ?? '';
  const { scenario, values } = drawScenario(drawRanges(id, base), base, seed);
  const drawn = ex.locator('[data-drawn]');
  await expect(drawn).toBeVisible();
  await expect(drawn).toContainText(String(seed));
  for (const v of values)
    await expect(drawn).toContainText(new Intl.NumberFormat('en').format(v.value));
  const runs = compareAttr
    ? [scenario, mergeScenario(scenario, JSON.parse(compareAttr) as Plain)]
    : [scenario];
  const expected = runs.map((r) => cli(r, ask));
  await predict(ex, expected.map(round1));
  await expect(ex.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'right');
  expect(await shownAnswers(ex)).toEqual(expected.map(round1));
  return expected;
}

test('"New numbers" changes the question and its answer, which equals the simulation CLI', async ({
  page,
}) => {
  // Six runs of the command line (a second or more each on a busy machine).
  test.setTimeout(180_000);
  const id = 'http10-keepalive-time';
  await page.goto('/http-1-0-keep-alive/');
  const ex = page.locator(`#${id}`);
  const { ask, runs } = await scenariosOf(ex);
  const original = runs.map((r) => round1(compute(r, ask)));
  const question = await ex.locator('[data-drawn]').innerText();
  const answers: number[][] = [];
  for (const seed of [1, 2, 3]) {
    await ex.locator('[data-new-numbers]').click();
    await expect(ex.locator('[data-drawn]')).not.toHaveText(question);
    answers.push(await checkSeed(page, ex, id, seed));
  }
  expect(answers.some((a) => round1(a[0] ?? NaN) !== original[0])).toBe(true);
  expect(new Set(answers.map((a) => a.join())).size).toBeGreaterThan(1);
  // Back to the question's own numbers.
  await ex.locator('[data-original]').click();
  await expect(ex.locator('[data-drawn]')).toBeHidden();
  expect(new URL(page.url()).searchParams.has(`ex-${id}`)).toBe(false);
});

test('a seed in the URL sets the numbers up (a workload, in Chinese)', async ({ page }) => {
  test.setTimeout(120_000);
  const id = 'workers-needed';
  await page.goto(`/zh/server-costs/?ex-${id}=17`);
  const ex = page.locator(`#${id}`);
  await checkSeed(page, ex, id, 17);
  // The Playground link carries the drawn scenario.
  const href = (await ex.locator('[data-open]').first().getAttribute('href')) ?? '';
  expect(href).toContain('/zh/playground/?');
  expect(href).toContain('playground.seed=17');
});

test('progress is marked in the table of contents, survives a reload and resets', async ({
  page,
}) => {
  await page.goto('/browsers/');
  const ex = page.locator('#two-vs-six');
  const { ask, runs } = await scenariosOf(ex);
  const marks = page.locator('[data-toc] [data-progress-for]');
  const shown = page.locator('[data-toc] [data-progress-for]:not([hidden])');
  await expect(page.locator('[data-toc][data-progress-ready="1"]')).toHaveCount(1);
  // Before the first answer the table of contents shows no marks (it keeps its height).
  await expect(shown).toHaveCount(0);
  await expect(page.locator('[data-progress-tools]')).toBeHidden();
  const answeredSum = async (): Promise<number> => {
    const all = await marks.evaluateAll((els) =>
      els.map((e) => Number((e as HTMLElement).dataset['answered'] ?? 0)),
    );
    return all.reduce((a, b) => a + b, 0);
  };
  expect(await answeredSum()).toBe(0);
  await predict(
    ex,
    runs.map((r) => round1(compute(r, ask))),
  );
  await expect.poll(answeredSum).toBe(1);
  await expect(shown.first()).toBeVisible();
  await page.reload();
  await expect.poll(answeredSum).toBe(1);
  await expect(shown.first()).toBeVisible();
  await expect(
    page.locator('[data-toc] .complete, [data-toc] [data-answered="1"]').first(),
  ).toBeVisible();
  await page.locator('[data-progress-reset]').click();
  await expect.poll(answeredSum).toBe(0);
  await expect(page.locator('[data-progress-status]')).not.toBeEmpty();
  await expect(shown).toHaveCount(0);
  await page.reload();
  await expect.poll(answeredSum).toBe(0);
  await expect(shown).toHaveCount(0);
});

test('a concept check that announces its answer is counted and marked in its section', async ({
  page,
}) => {
  // Stands in for a concept check: a `data-concept-check` root in the exercise's section,
  // present before the page's scripts run, that dispatches `ka:answered` when answered.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const ex = document.getElementById('two-vs-six');
      if (!ex || document.querySelector('[data-concept-check="probe"]')) return;
      const root = document.createElement('div');
      root.dataset['conceptCheck'] = 'probe';
      ex.after(root);
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('/browsers/');
  const section = await page.evaluate(() => {
    const probe = document.querySelector('[data-concept-check="probe"]');
    const heads = [...document.querySelectorAll('[data-toc] [data-progress-for]')].map(
      (m) => (m as HTMLElement).dataset['progressFor'] ?? '',
    );
    let last = '';
    for (const id of heads) {
      const h = document.getElementById(id);
      if (h && probe && h.compareDocumentPosition(probe) & Node.DOCUMENT_POSITION_FOLLOWING)
        last = id;
    }
    return last;
  });
  const mark = page.locator(`[data-toc] [data-progress-for="${section}"]`);
  const before = Number(await mark.getAttribute('data-total'));
  expect(before).toBeGreaterThanOrEqual(2);
  await expect(mark).toHaveAttribute('data-answered', '0');
  await page.evaluate(() => {
    document.querySelector('[data-concept-check="probe"]')?.dispatchEvent(
      new CustomEvent('ka:answered', {
        bubbles: true,
        detail: { kind: 'concept-check', id: 'probe', correct: false },
      }),
    );
  });
  await expect(mark).toHaveAttribute('data-answered', '1');
  await page.reload();
  await expect(page.locator(`[data-toc] [data-progress-for="${section}"]`)).toHaveAttribute(
    'data-answered',
    '1',
  );
});

for (const scheme of ['light', 'dark'] as const) {
  test(`exercises and progress have no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('/zh/http-1-0-keep-alive/?ex-http10-keepalive-time=4');
    const ex = page.locator('#http10-keepalive-time');
    await expect(ex.locator('[data-answer-line]')).not.toContainText('…');
    await predict(ex, [1, 2]);
    await expect(ex.locator('[data-verdict]')).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include('[data-exercise]')
      .include('[data-toc]')
      .withTags(AXE_TAGS)
      .analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  });
}
