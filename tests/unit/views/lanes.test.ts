import { describe, expect, it } from 'vitest';
import {
  clipSegments,
  connectionLanes,
  laneFrames,
  phaseAt,
  traceEndMs,
} from '../../../src/components/views/lanes';
import { laneBusy } from '../../../src/components/views/trace-clock';
import { trace } from './fixture';

const [lane] = connectionLanes(trace);

/** Segments written as "phase start-end, ...", e.g. "idle 230-300, closing 300-600". */
function segments(spec: string): { phase: string; startMs: number; endMs: number }[] {
  return spec.split(', ').map((s) => {
    const [phase = '', range = ''] = s.split(' ');
    const [startMs, endMs] = range.split('-').map(Number);
    return { phase, startMs: startMs ?? NaN, endMs: endMs ?? NaN };
  });
}

describe('connectionLanes', () => {
  it('connectionLanes gives one lane for the one connection, with its host', () => {
    expect(connectionLanes(trace)).toHaveLength(1);
    expect(lane).toMatchObject({ conn: 1, host: 'example.com' });
  });
  it.each([
    {
      side: 'client',
      does: 'merges FIN_WAIT_1 and FIN_WAIT_2 into one closing segment on the client',
      phases: 'handshake 0-100, active 100-230, idle 230-300, closing 300-600, time-wait 600-700',
    },
    {
      side: 'server',
      does: 'runs the server side from SYN received to closed at the end',
      phases: 'handshake 50-150, active 150-230, idle 230-550, closing 550-650, closed 650-700',
    },
  ] as const)('connectionLanes $does', ({ side, phases }) => {
    expect(lane![side]).toEqual(segments(phases));
  });
  it('connectionLanes extends the last phases to a later end when asked', () => {
    expect(connectionLanes(trace, 800)[0]!.client.at(-1)).toEqual({
      phase: 'closed',
      startMs: 700,
      endMs: 800,
    });
  });
});

describe('clipSegments and phaseAt', () => {
  it('clipSegments at 250 ms cuts the idle segment at 250', () => {
    expect(clipSegments(lane!.client, 250)).toEqual([
      { phase: 'handshake', startMs: 0, endMs: 100 },
      { phase: 'active', startMs: 100, endMs: 230 },
      { phase: 'idle', startMs: 230, endMs: 250 },
    ]);
  });
  it('clipSegments at 0 ms draws nothing', () => {
    expect(clipSegments(lane!.client, 0)).toEqual([]);
  });
  it('phaseAt gives the server closing at 600 ms and nothing before its first event', () => {
    expect(phaseAt(lane!.server, 600)).toBe('closing');
    expect(phaseAt(lane!.server, 10)).toBeUndefined();
  });
  it('traceEndMs is the time of the last event', () => {
    expect(traceEndMs(trace)).toBe(700);
    expect(traceEndMs([])).toBe(0);
  });
});

describe('laneFrames', () => {
  const framesAt = laneFrames(connectionLanes(trace));
  it('laneFrames before the first event gives an empty, unstarted lane', () => {
    expect(framesAt(-1)).toEqual([{ conn: 1, started: false, client: [], server: [] }]);
  });
  it('laneFrames at 75 ms clips the client handshake and the server handshake', () => {
    expect(framesAt(75)).toEqual([
      {
        conn: 1,
        started: true,
        client: [{ phase: 'handshake', startMs: 0, endMs: 75 }],
        server: [{ phase: 'handshake', startMs: 50, endMs: 75 }],
      },
    ]);
  });
  it('laneFrames after the end returns the same settled object every time', () => {
    expect(framesAt(700)[0]).toBe(framesAt(900)[0]);
    expect(framesAt(700)[0]!.client).toHaveLength(5);
  });
});

describe('laneBusy', () => {
  it('laneBusy makes a packet busy from sending to arrival and other events instants', () => {
    const busy = laneBusy(trace);
    expect(busy[0]).toEqual([0, 0]);
    expect(busy).toContainEqual([160, 220]);
    expect(busy).toContainEqual([300, 300]);
  });
});
