/**
 * Bundles: where flights alone would draw more than one mark per 2 px of time axis, a ladder
 * bundles packets further (issue 15). The small cases are worked out by hand from the pixel
 * lines they are given; the property checks the bound and that bundling never joins what is
 * drawn differently; the dense cases are the three the issue names, on the built widgets'
 * scenarios, at the default ladder height (640 px: 592 px of axis, so at most 296 marks).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledMarks } from '../../../src/components/views/ladder/bundles';
import { severalConns } from '../../../src/components/views/ladder/flights';
import { defaultLadderHeight } from '../../../src/components/views/clock';
import { layoutLadder } from '../../../src/components/views/ladder/layout';
import type { LadderLine } from '../../../src/components/views/ladder/marks';
import { ladderPackets, type LadderPacket } from '../../../src/components/views/ladder/packets';
import {
  multiplexingScenario,
  multiplexingSchema,
  MUX_RUNS,
} from '../../../src/components/widgets/multiplexing-params';
import {
  pageLoadScenario,
  pageLoadSchema,
  type PageLoadValues,
} from '../../../src/components/widgets/page-load-params';
import {
  raceHttp10Scenario,
  raceKeepAliveScenario,
  raceSchema,
  type RaceValues,
} from '../../../src/components/widgets/race-params';
import type { ParamSchema } from '../../../src/components/controls/params';
import type { ScenarioInput } from '../../../src/sim/scenario';
import type { Direction, PacketKind } from '../../../src/sim/trace';
import { simulateForViews as simulate } from './recorded';

interface Spec {
  conn: number;
  kind: PacketKind;
  label: string;
  y: number;
  dir?: Direction;
  payload?: number;
  retransmit?: boolean;
  dropped?: boolean;
}

/** Packets and their lines from specs, in the given (send) order: y is where each line starts. */
function ladder(specs: readonly Spec[]): { packets: LadderPacket[]; lines: LadderLine[] } {
  const packets = specs.map((s, i): LadderPacket => ({
    id: i + 1,
    conn: s.conn,
    dir: s.dir ?? 'c2s',
    kind: s.kind,
    label: s.label,
    retransmit: s.retransmit ?? false,
    dropped: s.dropped ?? false,
    wireBytes: (s.payload ?? 0) + 40,
    payloadBytes: s.payload ?? 0,
    sendMs: s.y,
    txStartMs: s.y,
    txEndMs: s.y,
    owdMs: 50,
    reach: s.dropped ? 0.5 : 1,
    endMs: s.y + 50,
  }));
  const lines = specs.map((s) => ({ x1: 0, y1: s.y, x2: 100, y2: s.y + 50 }));
  return { packets, lines };
}

/** Twelve connections sending one SYN each, their lines 0.5 px apart. */
const twelveSyns: Spec[] = Array.from({ length: 12 }, (_, k) => ({
  conn: k + 1,
  kind: 'SYN',
  label: 'SYN',
  y: 0.5 * k,
}));

describe('bundledMarks', () => {
  it('keeps the flights when they are within one mark per 2 px', () => {
    // 16 px of axis: up to 8 marks. Four single SYNs stay four marks, no bundle.
    const { packets, lines } = ladder(
      [1, 2, 3, 4].map((conn) => ({ conn, kind: 'SYN', label: 'SYN', y: conn })),
    );
    const marks = bundledMarks(packets, lines, 16);
    expect(marks.map((m) => m.members)).toEqual([[0], [1], [2], [3]]);
    expect(marks.some((m) => m.bundle)).toBe(false);
  });

  it('bundles one connection’s packets of different kinds when flights would exceed the bound', () => {
    // Five connections each send a SYN and, 0.5 px later, a GET: ten single marks over 16 px
    // (bound 8). Bundling each connection's packets less than 2 px apart gives five marks.
    const specs: Spec[] = [];
    for (let conn = 1; conn <= 5; conn++) {
      specs.push({ conn, kind: 'SYN', label: 'SYN', y: 3 * conn });
      specs.push({ conn, kind: 'DATA', label: 'GET /a.png', y: 3 * conn + 0.5, payload: 300 });
    }
    const { packets, lines } = ladder(specs);
    const marks = bundledMarks(packets, lines, 16);
    expect(marks.map((m) => m.members)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
    expect(marks.map((m) => m.conn)).toEqual([1, 2, 3, 4, 5]);
    expect(marks[0]?.label).toBe('SYN + GET /a.png ×2, 300 B');
    expect(marks.every((m) => m.bundle)).toBe(true);
  });

  it('bundles across connections, in the neutral colour, when one connection’s bundles are not enough', () => {
    // Twelve connections send one SYN each, 0.5 px apart: twelve marks whatever the gap within a
    // connection; across connections they chain into one mark of twelve (bound 8).
    const { packets, lines } = ladder(twelveSyns);
    const marks = bundledMarks(packets, lines, 16);
    expect(marks).toHaveLength(1);
    expect(marks[0]?.conn).toBe(severalConns);
    expect(marks[0]?.label).toBe('SYN ×12');
    expect(marks[0]?.bundle).toBe(true);
  });

  it('never bundles the connection the reader picked beyond its flights', () => {
    // As above with connection 3 picked: its SYN stays its own mark; the other eleven chain
    // (connection 4's SYN starts 1 px after connection 2's, within the 2 px gap).
    const { packets, lines } = ladder(twelveSyns);
    const marks = bundledMarks(packets, lines, 16, 3);
    expect(marks.map((m) => m.members.length)).toEqual([11, 1]);
    expect(marks[1]?.members).toEqual([2]);
    expect(marks[1]?.conn).toBe(3);
  });

  it('names a bundle of more than two kinds by what it carries, then its first and last labels', () => {
    const kinds: [PacketKind, string][] = [
      ['SYN', 'SYN'],
      ['ACK', 'ACK'],
      ['DATA', 'GET /a.png'],
      ['FIN', 'FIN'],
    ];
    const specs: Spec[] = [];
    for (let conn = 1; conn <= 3; conn++)
      kinds.forEach(([kind, label], k) => specs.push({ conn, kind, label, y: 5 * conn + 0.4 * k }));
    const { packets, lines } = ladder(specs);
    // 12 single marks over 10 px (bound 8) → one bundle per connection.
    const marks = bundledMarks(packets, lines, 10);
    // The GET names each: it is neither first nor last.
    expect(marks.map((m) => m.label)).toEqual([
      'GET /a.png: SYN … FIN ×4',
      'GET /a.png: SYN … FIN ×4',
      'GET /a.png: SYN … FIN ×4',
    ]);
  });

  it('holds the bound and joins only packets drawn alike, for any packets', () => {
    const kinds: PacketKind[] = ['SYN', 'SYN-ACK', 'ACK', 'DATA', 'FIN', 'RST'];
    const spec = fc.record({
      conn: fc.integer({ min: 1, max: 40 }),
      kind: fc.constantFrom(...kinds),
      dir: fc.constantFrom<Direction>('c2s', 's2c'),
      y: fc.double({ min: 0, max: 300, noNaN: true }),
      retransmit: fc.boolean(),
      dropped: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 600 }),
        fc.integer({ min: 16, max: 300 }),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        (raw, axisPx, keep) => {
          const specs = raw.map((s) => ({ ...s, label: s.kind })).sort((a, b) => a.y - b.y);
          const { packets, lines } = ladder(specs);
          const marks = bundledMarks(packets, lines, axisPx, keep);
          const kept = packets.filter((p) => p.conn === keep).length;
          // The picked connection is left as flights: at most its own packets more.
          expect(marks.length).toBeLessThanOrEqual(Math.max(8, Math.floor(axisPx / 2)) + kept);
          const seen = marks.flatMap((m) => m.members).sort((a, b) => a - b);
          expect(seen).toEqual(packets.map((_, i) => i));
          for (const m of marks) {
            const ps = m.members.map((i) => packets[i] as LadderPacket);
            const first = ps[0] as LadderPacket;
            for (const p of ps) {
              expect([p.dir, p.retransmit, p.dropped]).toEqual([
                first.dir,
                first.retransmit,
                first.dropped,
              ]);
              if (p.conn === keep || first.conn === keep) expect(p.conn).toBe(first.conn);
            }
            // The picked connection's marks are flights: one kind, data or bare ACKs, each line
            // less than 2 px after the one before.
            if (first.conn === keep && ps.length > 1) {
              expect(
                ps.every((p) => p.kind === first.kind && ['DATA', 'ACK'].includes(p.kind)),
              ).toBe(true);
              for (const [k, i] of m.members.slice(1).entries())
                expect((lines[i]?.y1 ?? 0) - (lines[m.members[k] as number]?.y1 ?? 0)).toBeLessThan(
                  2,
                );
            }
            expect(m.conn).toBe(ps.every((p) => p.conn === first.conn) ? first.conn : severalConns);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

const defaults = (schema: ParamSchema): Record<string, unknown> =>
  Object.fromEntries(schema.map((p) => [p.key, p.default]));
const race = { ...defaults(raceSchema), objects: 60, rtt: 500 } as RaceValues;
const pageLoad = {
  ...defaults(pageLoadSchema),
  objects: 30,
  objectBytes: 200_000,
  bandwidth: 1,
  version: '1.0',
  keepAlive: false,
} as PageLoadValues;
const mux = defaults(multiplexingSchema) as Parameters<typeof multiplexingScenario>[0];

describe('the dense cases of issue 15 draw at most one mark per 2 px at default zoom', () => {
  const cases: [string, ScenarioInput][] = [
    ['Race, 60 images, RTT 500, HTTP/1.0', raceHttp10Scenario(race)],
    ['Race, 60 images, RTT 500, keep-alive', raceKeepAliveScenario(race)],
    ['Page load, 30 × 200 kB over 1 Mbit/s, HTTP/1.0', pageLoadScenario(pageLoad)],
    ...MUX_RUNS.map((run): [string, ScenarioInput] => [
      `Multiplexing (default), ${run}`,
      multiplexingScenario(mux, run),
    ]),
  ];
  for (const [name, scenario] of cases) {
    it(name, () => {
      const packets = ladderPackets(simulate(scenario).trace);
      // Over 28 packets the default height is its maximum, 640 px: 592 px of axis, 296 marks.
      expect(defaultLadderHeight(packets.length)).toBe(640);
      // Without the bundling code, the ladder says whether it needs it.
      const flights = layoutLadder(packets, { width: 640 });
      expect(flights.overBound).toBe(flights.marks.length > 296);
      for (const width of [358, 640, 1180]) {
        const layout = layoutLadder(packets, { width, bundle: bundledMarks });
        expect(layout.bottom - layout.top).toBe(592);
        expect(layout.overBound).toBe(false);
        expect(layout.marks.length).toBeLessThanOrEqual(296);
        expect(layout.marks.reduce((n, m) => n + m.members.length, 0)).toBe(packets.length);
      }
    });
  }
});
