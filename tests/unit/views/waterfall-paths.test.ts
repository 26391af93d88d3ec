import { describe, expect, it } from 'vitest';
import { fitPath } from '../../../src/components/views/waterfall/lines';

describe('fitPath', () => {
  it('fitPath keeps a path that fits as it is', () => {
    expect(fitPath('/photos/12.jpg', 14)).toBe('/photos/12.jpg');
  });
  it('fitPath elides the middle and keeps the last segment whole', () => {
    // "/12.jpg" is 7 characters: 9 - 7 - 1 (the ellipsis) = 1 of the head.
    expect(fitPath('/photos/12.jpg', 9)).toBe('/…/12.jpg');
    // 14 - 7 - 1 = 6 of the head: "img.ex".
    expect(fitPath('img.example.test/photos/12.jpg', 14)).toBe('img.ex…/12.jpg');
    // 8 - 7 - 1 = 0: the ellipsis and the last segment alone.
    expect(fitPath('/photos/10.jpg', 8)).toBe('…/10.jpg');
  });
  it('fitPath takes the segment before a trailing slash as the last', () => {
    // "/gallery/" is 9: 12 - 9 - 1 = 2 of the head.
    expect(fitPath('/2026/gallery/', 12)).toBe('/2…/gallery/');
  });
  it('fitPath cuts the end, as fitLabel, when the last segment alone does not fit', () => {
    expect(fitPath('/photos/12.jpg', 6)).toBe('/phot…');
    expect(fitPath('/averyveryverylongname.png', 10)).toBe('/averyver…');
  });
});
