/** Exercise tolerances, sentences in both languages, and the progress record. */
import { afterEach, describe, expect, it } from 'vitest';
import { dict } from '../../../src/i18n';
import { withinTolerance } from '../../../src/components/widgets/exercise-metric';
import {
  answerSegments,
  exerciseStrings,
  feedbackLine,
  formatNumber,
  toleranceSentence,
  type Segment,
} from '../../../src/components/widgets/exercise-text';
import {
  PROGRESS_KEY,
  isAnsweredDetail,
  pageProgress,
  recordAnswer,
  resetProgress,
} from '../../../src/components/progress/progress-store';

const text = (parts: Segment[]): string =>
  parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

describe('numbers', () => {
  it('print at most one decimal with thousands grouped (one formatter for both languages)', () => {
    expect(formatNumber(1812.34)).toBe('1,812.3');
    expect(formatNumber(1812.36)).toBe('1,812.4');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(89.96)).toBe('90');
    expect(formatNumber(-12.5)).toBe('-12.5');
  });
});

describe('tolerance', () => {
  it('counts a page-load time right within half a round trip', () => {
    expect(withinTolerance('pageLoadMs', 1800, 1812.3, 100)).toBe(true);
    expect(withinTolerance('pageLoadMs', 1762.3, 1812.3, 100)).toBe(true);
    expect(withinTolerance('pageLoadMs', 1762.2, 1812.3, 100)).toBe(false);
    expect(withinTolerance('pageLoadMs', 1700, 1812.3, 100)).toBe(false);
  });
  it('counts connections and handshake round trips only when exact', () => {
    expect(withinTolerance('connectionsOpened', 3, 3, 80)).toBe(true);
    expect(withinTolerance('connectionsOpened', 2, 3, 80)).toBe(false);
    expect(withinTolerance('handshakeRoundTrips', 1, 2, 100)).toBe(false);
  });
  it('counts workload estimates right within 10 %', () => {
    expect(withinTolerance('meanWorkersHeld', 95, 89.8, 100)).toBe(true);
    expect(withinTolerance('meanWorkersHeld', 102, 89.8, 100)).toBe(false);
  });
});

describe('sentences', () => {
  const en = exerciseStrings(dict('en').exercise, 'meanWorkersHeld');
  const zh = exerciseStrings(dict('zh').exercise, 'meanWorkersHeld');

  it('say the answer with and without a change in natural sentences', () => {
    expect(text(answerSegments(en, 89.79, 218.94))).toBe(
      'In the simulation 89.8 workers are held on average (busy or idle) as described, and 218.9 workers with the change: 129.1 more.',
    );
    expect(text(answerSegments(zh, 89.79, 218.94))).toBe(
      '模拟中，按题目所述，平均有 89.8 个工作进程被占用（忙碌或空闲）；改动之后是 218.9 个工作进程，多了 129.1 个。',
    );
    const ms = exerciseStrings(dict('en').exercise, 'pageLoadMs');
    expect(text(answerSegments(ms, 1812.31))).toBe(
      'In the simulation the page loads in 1,812.3 ms.',
    );
    const conns = exerciseStrings(dict('en').exercise, 'connectionsOpened');
    expect(text(answerSegments(conns, 3, 1))).toBe(
      'In the simulation the browser opens 3 connections as described, and 1 connection with the change: 2 fewer.',
    );
  });

  it('mark the values to emphasise', () => {
    const parts = answerSegments(en, 1, 2).filter((p) => typeof p !== 'string');
    expect(parts.map((p) => (typeof p === 'string' ? '' : p.slot))).toEqual(['a', 'b']);
  });

  it('state the tolerance and the verdict', () => {
    const ms = exerciseStrings(dict('en').exercise, 'pageLoadMs');
    expect(toleranceSentence(ms, 80)).toContain('±40 ms');
    expect(
      feedbackLine(ms, {
        label: 'As described',
        predicted: 1400,
        expected: 1812.3,
        rttMs: 100,
        right: false,
      }),
    ).toBe(
      'As described: you predicted 1,400 ms; the simulation gives 1,812.3 ms (18.1 RTT). Off by 412.3 ms: outside the tolerance (±½ RTT, ±50 ms).',
    );
    // Chinese sentences follow each other with no space after the full stop.
    const zhMs = exerciseStrings(dict('zh').exercise, 'pageLoadMs');
    expect(
      feedbackLine(zhMs, {
        label: '题目所述情形',
        predicted: 150,
        expected: 800.1,
        rttMs: 100,
        right: false,
      }),
    ).toBe(
      '题目所述情形：你的预测是 150 ms，模拟结果是 800.1 ms（8 个 RTT）。相差 650.1 ms，超出了容差（±½ RTT，即 ±50 ms）。',
    );
  });
});

describe('progress record', () => {
  const store = new Map<string, string>();
  const fake = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  (globalThis as { localStorage?: unknown }).localStorage = fake;
  afterEach(() => store.clear());

  it('keeps answers per page and forgets them on reset', () => {
    recordAnswer('/http-1-1/', { kind: 'exercise', id: 'a', correct: true });
    recordAnswer('/http-1-1/', { kind: 'concept-check', id: 'b', correct: false });
    recordAnswer('/zh/http-1-1/', { kind: 'exercise', id: 'a', correct: false });
    expect([...pageProgress('/http-1-1/')]).toEqual([
      ['exercise:a', true],
      ['concept-check:b', false],
    ]);
    expect(pageProgress('/zh/http-1-1/').get('exercise:a')).toBe(false);
    resetProgress();
    expect(pageProgress('/http-1-1/').size).toBe(0);
    expect(store.has(PROGRESS_KEY)).toBe(false);
  });

  it('survives a damaged record', () => {
    store.set(PROGRESS_KEY, '{not json');
    expect(pageProgress('/').size).toBe(0);
    recordAnswer('/', { kind: 'exercise', id: 'x', correct: true });
    expect(pageProgress('/').get('exercise:x')).toBe(true);
  });

  it('accepts only well-formed answer events', () => {
    expect(isAnsweredDetail({ kind: 'exercise', id: 'a', correct: true })).toBe(true);
    expect(isAnsweredDetail({ kind: 'quiz', id: 'a', correct: true })).toBe(false);
    expect(isAnsweredDetail({ kind: 'exercise', id: '', correct: true })).toBe(false);
    expect(isAnsweredDetail({ kind: 'exercise', id: 'a' })).toBe(false);
  });
});
