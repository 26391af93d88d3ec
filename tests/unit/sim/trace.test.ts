import { describe, expect, it } from 'vitest';
import { presetNames, presets } from '../../../src/sim/presets';
import { simulate } from '../../../src/sim/simulate';
import { TraceRecorder } from '../../../src/sim/trace';

describe('TraceRecorder', () => {
  it('nextPacketId counts from 1', () => {
    const t = new TraceRecorder();
    expect([t.nextPacketId(), t.nextPacketId(), t.nextPacketId()]).toEqual([1, 2, 3]);
  });

  it('emit appends in order', () => {
    const t = new TraceRecorder();
    t.emit({ type: 'end', t: 1, events: 0, outcome: 'idle' });
    expect(t.events).toHaveLength(1);
  });
});

describe('trace', () => {
  it.each(presetNames)(
    '%s: survives a JSON round trip unchanged (no Infinity, NaN or undefined)',
    (name) => {
      const p = presets[name];
      if (p === undefined) throw new Error(name);
      // Workload presets: the same events from 2 s of arrivals instead of 20 s (a full trace of
      // 1,200 clients compared twice, deeply, is slow, and longer runs add no new kind of field).
      const w = p.scenario.workload;
      const { trace } = simulate(
        w === undefined ? p.scenario : { ...p.scenario, workload: { ...w, durationMs: 2000 } },
      );
      expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
      expect(structuredClone(trace)).toEqual(trace);
    },
  );

  it('ends with exactly one end event', () => {
    const { trace } = simulate({ page: { objects: 2 } });
    expect(trace.filter((e) => e.type === 'end')).toHaveLength(1);
    expect(trace[trace.length - 1]?.type).toBe('end');
  });

  it('packet ids are 1..n in emission order', () => {
    const { trace } = simulate({ page: { objects: 2 } });
    const ids = trace.flatMap((e) => (e.type === 'packet' ? [e.id] : []));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });
});
