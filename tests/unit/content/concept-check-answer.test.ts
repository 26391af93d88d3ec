import { describe, expect, it } from 'vitest';
import { isRight, parseAnswer } from '../../../src/components/content/concept-check-answer';

const OPTIONS = ['a', 'b', 'c', 'd'];

describe('parseAnswer', () => {
  it('returns the one right letter of a single-choice check', () => {
    expect(parseAnswer('b', OPTIONS, false, 'x')).toEqual(['b']);
  });
  it('returns the right letters of a multiple-choice check, sorted', () => {
    expect(parseAnswer(' d  a ', OPTIONS, true, 'x')).toEqual(['a', 'd']);
  });
  it('rejects a letter that names no option, saying which', () => {
    expect(() => parseAnswer('e', OPTIONS, false, 'check-x')).toThrow(
      'check-x: answer "e" is not an option (options: a, b, c, d)',
    );
  });
  it('rejects two answers for a single-choice check', () => {
    expect(() => parseAnswer('a b', OPTIONS, false, 'x')).toThrow('needs one answer');
  });
  it('rejects an empty answer and a repeated letter', () => {
    expect(() => parseAnswer(' ', OPTIONS, true, 'x')).toThrow('empty');
    expect(() => parseAnswer('a a', OPTIONS, true, 'x')).toThrow('repeats');
  });
});

describe('isRight', () => {
  it('is true for exactly the right set, in any order', () => {
    expect(isRight(['d', 'a'], ['a', 'd'])).toBe(true);
    expect(isRight(['b'], ['b'])).toBe(true);
  });
  it('is false for a subset, a superset or a different choice', () => {
    expect(isRight(['a'], ['a', 'd'])).toBe(false);
    expect(isRight(['a', 'b', 'd'], ['a', 'd'])).toBe(false);
    expect(isRight(['c'], ['b'])).toBe(false);
    expect(isRight([], ['b'])).toBe(false);
  });
});
