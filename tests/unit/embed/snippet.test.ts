import { describe, expect, it } from 'vitest';
import { embedPath, embedSnippet, escapeAttribute } from '../../../src/components/embed/snippet';

describe('embedPath', () => {
  it('puts Chinese embeds under /zh/ and keeps the query', () => {
    expect(embedPath('en', 'race', '?rtt=200')).toBe('/embed/race/?rtt=200');
    expect(embedPath('zh', 'handshake', '')).toBe('/zh/embed/handshake/');
  });
});

describe('embedSnippet', () => {
  it('writes a lazy, sandboxed, full-width frame of 640 px allowed full screen, and the host script', () => {
    expect(
      embedSnippet('https://ka.example', '/embed/race/?rtt=200&objects=10', 'Race "A" <1>'),
    ).toBe(
      '<iframe src="https://ka.example/embed/race/?rtt=200&amp;objects=10" title="Race &quot;A&quot; &lt;1&gt;" loading="lazy" width="100%" height="640" style="width: 100%; border: 0;" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" allow="fullscreen" data-keep-alive-embed></iframe>\n' +
        '<script src="https://ka.example/embed.js" async></script>',
    );
  });
  it('gives the frame the height it is asked for, in whole pixels', () => {
    expect(embedSnippet('https://ka.example', '/embed/race/', 'Race', 2327.6)).toContain(
      ' height="2328" ',
    );
  });
});

describe('escapeAttribute', () => {
  it('escapes &, ", < and > and nothing else', () => {
    expect(escapeAttribute(`a&b"c<d>e'f`)).toBe("a&amp;b&quot;c&lt;d&gt;e'f");
  });
});
