import { describe, expect, it } from 'vitest';
import * as sim from '../../../src/sim';

describe('index', () => {
  it('re-exports the library API the site uses', () => {
    for (const name of [
      'simulate',
      'validateScenario',
      'formatErrors',
      'computeMetrics',
      'presets',
      'presetNames',
      'SCENARIO_FIELDS',
      'COMPOSITE_FIELDS',
      'pageLoadRoundTrips',
      'slowStartRounds',
      'ScenarioError',
    ]) {
      expect(sim, name).toHaveProperty(name);
    }
  });

  it('simulate through the index gives the HPBN ch.11 keep-alive figure', () => {
    const p = sim.presets['hpbn-ch11-keepalive'];
    expect(p && sim.simulate(p.scenario).metrics.pageLoadMs).toBe(228);
  });
});
