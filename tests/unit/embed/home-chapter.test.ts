import { describe, expect, it } from 'vitest';
import { homeChapter, mountedNames } from '../../../src/components/embed/home-chapter';

describe('mountedNames', () => {
  it('finds every <Widget name="…"> in an MDX body, whatever its other attributes', () => {
    const body = `Text.\n<Widget name="page-load" id="a" />\n\n<Widget id="b"\n  name='keep-alive-race' params={{ rtt: 1 }} />\n<Exercise id="c" />`;
    expect(mountedNames(body)).toEqual(['page-load', 'keep-alive-race']);
  });
});

describe('homeChapter', () => {
  const chapters = [
    { slug: 'one', title: 'One', body: '<Widget name="handshake" id="h" />' },
    { slug: 'two', title: 'Two', body: '<Widget name="keep-alive-race" id="r" />' },
    { slug: 'three', title: 'Three', body: '<Widget name="race" id="r2" />' },
  ];

  it('is the first chapter that mounts the widget by any of its names', () => {
    expect(homeChapter('zh', ['race', 'keep-alive-race'], 'race', chapters)).toEqual({
      href: '/zh/two/',
      chapter: 'Two',
    });
  });

  it('is the gallery section when no chapter mounts the widget', () => {
    expect(homeChapter('en', ['pipelining'], 'pipelining', chapters)).toEqual({
      href: '/widgets/#g-pipelining',
      chapter: undefined,
    });
  });
});
