/**
 * Every "predict, then play" exercise on every page reveals exactly what the simulation
 * computes for its scenario (and, with a comparison, for the changed scenario).
 */
import { expect, test } from '@playwright/test';
import { mergeScenario, type Plain } from '../../src/components/widgets/merge';
import { answer, type Ask } from '../../src/components/widgets/exercise-ask';
import { validateScenario } from '../../src/sim';
import { readFileSync } from 'node:fs';
import { builtPages, distFileFor } from '../site-pages';

const chapterPages = builtPages().filter((p) => {
  const file = distFileFor(p);
  return file !== undefined && readFileSync(file, 'utf8').includes('data-ask=');
});

function compute(input: Plain, ask: string): number {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(`invalid exercise scenario: ${JSON.stringify(checked.errors)}`);
  return answer(checked.scenario, ask as Ask);
}

/** Reads a number as the page prints it ("1,800.3 ms", "1,800.3 毫秒"). */
const readNumber = (text: string): number => Number(text.replace(/[^\d.]/g, ''));
const round1 = (n: number): number => Math.round(n * 10) / 10;

for (const path of chapterPages) {
  test(`exercises on ${path} reveal the simulation's answer`, async ({ page }) => {
    await page.goto(path);
    const exercises = page.locator('aside.exercise');
    const count = await exercises.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const ex = exercises.nth(i);
      const answer = ex.locator('[data-answer]');
      await expect(answer).toBeHidden();
      await ex.locator('summary').first().click();
      await expect(answer).toBeVisible();
      const ask = (await ex.getAttribute('data-ask')) ?? '';
      const scenario = JSON.parse((await ex.getAttribute('data-scenario')) ?? '{}') as Plain;
      expect(readNumber(await answer.innerText())).toBe(round1(compute(scenario, ask)));
      const compareAttr = await ex.getAttribute('data-compare');
      if (compareAttr) {
        const changed = mergeScenario(scenario, JSON.parse(compareAttr) as Plain);
        const second = ex.locator('[data-answer-compare]');
        expect(readNumber(await second.innerText())).toBe(round1(compute(changed, ask)));
      }
    }
  });
}
