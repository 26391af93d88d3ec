/**
 * A ladder's bands (a packet's serialization, a flight's or bundle's span) are wound the same way
 * whichever way the packet goes: one connection's bands share a path filled by the nonzero rule,
 * so a request band and a response band wound opposite ways would leave their overlap unfilled.
 */
import { describe, expect, it } from 'vitest';
import { band, type LadderLine } from '../../../src/components/views/ladder/marks';

/** The corners of an `M…L…L…L…Z` path. */
function corners(d: string): [number, number][] {
  return d
    .replace(/^M|Z$/g, '')
    .split('L')
    .map((xy) => xy.split(',').map(Number) as [number, number]);
}

/** Twice the signed area (shoelace): positive when clockwise on a screen (y down). */
function signedArea2(pts: [number, number][]): number {
  let sum = 0;
  pts.forEach(([x, y], i) => {
    const [nx, ny] = pts[(i + 1) % pts.length] as [number, number];
    sum += x * ny - nx * y;
  });
  return sum;
}

describe('band', () => {
  // A packet 10 px of serialization long (first bit at y 0, last at y 10) taking 1 px to cross.
  const toServer: LadderLine = { x1: 0, y1: 10, x2: 100, y2: 11 };
  const toClient: LadderLine = { x1: 100, y1: 10, x2: 0, y2: 11 };

  it('has the same corners for both directions, mirrored', () => {
    expect(corners(band(toServer, 0, 1))).toEqual([
      [0, 0],
      [100, 1],
      [100, 11],
      [0, 10],
    ]);
    expect(corners(band(toClient, 0, 1))).toEqual([
      [100, 10],
      [0, 11],
      [0, 1],
      [100, 0],
    ]);
  });

  it('winds clockwise on the screen in both directions (area 100 × 10 each)', () => {
    expect(signedArea2(corners(band(toServer, 0, 1)))).toBe(2 * 1000);
    expect(signedArea2(corners(band(toClient, 0, 1)))).toBe(2 * 1000);
  });
});
