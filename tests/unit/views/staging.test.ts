/**
 * `stage`: the views of a widget mount one per task (issue 14). Checked with Vitest's fake
 * timers: each turn runs in a timer task of its own, in the order asked, and a cancelled turn
 * never runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stage } from '../../../src/components/views/staging';

describe('stage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs nothing at once, then one turn per task in the order asked', () => {
    const ran: string[] = [];
    stage(() => ran.push('a'));
    stage(() => ran.push('b'));
    stage(() => ran.push('c'));
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('skips a turn cancelled before it came, and the others keep their order', () => {
    const ran: string[] = [];
    stage(() => ran.push('a'));
    const cancel = stage(() => ran.push('b'));
    stage(() => ran.push('c'));
    cancel();
    vi.runAllTimers();
    expect(ran).toEqual(['a', 'c']);
  });

  it('gives a turn asked for during another its own later task', () => {
    const ran: string[] = [];
    stage(() => {
      ran.push('a');
      stage(() => ran.push('nested'));
    });
    stage(() => ran.push('b'));
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b', 'nested']);
  });
});
