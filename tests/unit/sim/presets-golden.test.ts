/**
 * Golden traces: whole traces of a few presets, stored in tests/golden/. They change only on
 * purpose: regenerate with `UPDATE_GOLDEN=1 npm run test:unit -- tests/unit/sim/presets-golden`
 * then `npx prettier --write tests/golden`, and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presets } from '../../../src/sim/presets';
import { simulate } from '../../../src/sim/simulate';

const dir = join(import.meta.dirname, '../../golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

describe.each([
  'hpbn-ch2-new',
  'hpbn-ch11-two-connections',
  'hpbn-ch11-keepalive',
  'hpbn-ch11-pipelined',
  'timeout-race',
])('preset %s', (name) => {
  it('produces exactly its golden trace', () => {
    const p = presets[name];
    if (p === undefined) throw new Error(`no preset ${name}`);
    const { trace, metrics } = simulate(p.scenario);
    const file = join(dir, `${name}.json`);
    const actual = JSON.parse(JSON.stringify({ preset: name, metrics, trace })) as unknown;
    if (update) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(file), `missing ${file}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
