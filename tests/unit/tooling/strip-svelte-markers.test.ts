import { describe, expect, it } from 'vitest';
import { SVELTE_MARKER } from '../../../src/integrations/strip-svelte-markers.mjs';

const strip = (html: string): string => html.replace(SVELTE_MARKER, '');

describe('Svelte hydration markers', () => {
  it('removes block, branch and anchor markers', () => {
    expect(strip('<g><!--[--><!--[0--><rect/><!--]--><!--[-1--><!--]--><!----></g>')).toBe(
      '<g><rect/></g>',
    );
    expect(strip('<!--[12-->x<!--]-->')).toBe('x');
  });

  it('keeps every other comment and text that merely looks alike', () => {
    const kept = [
      '<!-- Wrapped, never scrolled sideways -->',
      '<!--[if IE]><p>old</p><![endif]-->',
      '<!--[x-->',
      '<p>&lt;!--[--&gt;</p>',
    ].join('');
    expect(strip(kept)).toBe(kept);
  });
});
