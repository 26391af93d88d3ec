import { describe, expect, it } from 'vitest';
import { shownView } from '../../../src/components/views/view-state.svelte';

describe('shownView', () => {
  const keys = ['packets', 'requests', 'connections'] as const;

  it('shows every view (undefined) in a wide widget, whatever tab was chosen', () => {
    expect(shownView({ narrow: false, tab: 'requests' }, keys)).toBeUndefined();
    expect(shownView(undefined, keys)).toBeUndefined();
  });

  it('shows the first view of a narrow widget until another is chosen', () => {
    expect(shownView({ narrow: true }, keys)).toBe('packets');
    expect(shownView({ narrow: true, tab: 'connections' }, keys)).toBe('connections');
  });

  it("falls back to the first view when the chosen one is not this widget's", () => {
    expect(shownView({ narrow: true, tab: 'sweep' }, keys)).toBe('packets');
  });

  it('has nothing to choose with a single view', () => {
    expect(shownView({ narrow: true, tab: 'packets' }, ['packets'])).toBeUndefined();
  });
});
