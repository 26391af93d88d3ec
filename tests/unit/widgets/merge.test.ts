import { describe, expect, it } from 'vitest';
import { mergeScenario } from '../../../src/components/widgets/merge';

describe('mergeScenario', () => {
  it('merges nested objects key by key and lets later values win', () => {
    const base = { http: { version: '1.1', keepAlive: true }, network: { rttMs: 100 } };
    const patch = { http: { pipelining: true }, network: { rttMs: 50 } };
    expect(mergeScenario(base, patch)).toEqual({
      http: { version: '1.1', keepAlive: true, pipelining: true },
      network: { rttMs: 50 },
    });
  });

  it('replaces arrays instead of merging them and leaves the inputs unchanged', () => {
    const base = { page: { objects: [1000, 2000] } };
    const patch = { page: { objects: [5] } };
    expect(mergeScenario(base, patch)).toEqual({ page: { objects: [5] } });
    expect(base.page.objects).toEqual([1000, 2000]);
  });

  it('skips undefined fragments', () => {
    expect(mergeScenario(undefined, { seed: 3 }, undefined)).toEqual({ seed: 3 });
  });
});
