import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ANSWERED,
  answered,
  embedIdIn,
  hostMessage,
} from '../../../src/components/embed/host-events';
import { embedIdOf } from '../../../src/components/embed/resize';
import { ANSWERED_EVENT, isAnsweredDetail } from '../../../src/components/progress/progress-store';

describe('hostMessage', () => {
  it('wraps a played event with the embed id and widget name', () => {
    expect(hostMessage('lesson-3', 'race', { event: 'played', detail: { atMs: 0 } })).toEqual({
      type: 'keep-alive:event',
      version: 1,
      id: 'lesson-3',
      widget: 'race',
      event: 'played',
      detail: { atMs: 0 },
    });
  });

  it('carries a parameter change and an answer as they are', () => {
    expect(
      hostMessage('', 'handshake', {
        event: 'parameter-changed',
        detail: { name: 'rtt', value: 200 },
      }),
    ).toMatchObject({ id: '', event: 'parameter-changed', detail: { name: 'rtt', value: 200 } });
    expect(
      hostMessage('a', 'race', {
        event: 'exercise-answered',
        detail: { id: 'reuse', kind: 'exercise', correct: true },
      }),
    ).toMatchObject({ event: 'exercise-answered', detail: { id: 'reuse', correct: true } });
  });
});

describe('embedIdIn', () => {
  it.each([
    '?embedId=a&embedId=b',
    `?embedId=${'x'.repeat(300)}`,
    '?rtt=5',
    '?embedId=%3Cscript%3E',
    '',
  ])('reads %j as the resize script does', (search) => {
    expect(embedIdIn(search)).toBe(embedIdOf(search));
  });
});

describe('answered', () => {
  it('listens for the event the questions dispatch', () => {
    expect(ANSWERED).toBe(ANSWERED_EVENT);
  });

  it('passes an answer on with exactly its id, kind and correctness', () => {
    expect(answered({ kind: 'exercise', id: 'reuse', correct: false, extra: 1 })).toEqual({
      id: 'reuse',
      kind: 'exercise',
      correct: false,
    });
  });

  it('accepts what the progress store accepts, and nothing else', () => {
    const detail = fc.record({
      kind: fc.constantFrom('exercise', 'concept-check', 'quiz', ''),
      id: fc.oneof(fc.string(), fc.constant(7)),
      correct: fc.oneof(fc.boolean(), fc.constant('yes')),
    });
    fc.assert(
      fc.property(fc.oneof(detail, fc.anything()), (v) => {
        expect(answered(v) !== undefined).toBe(isAnsweredDetail(v));
      }),
    );
  });
});
