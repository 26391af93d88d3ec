import { describe, expect, it } from 'vitest';
import { embedIdOf } from '../../../src/components/embed/resize';

describe('embedIdOf', () => {
  it('takes the last embedId of the query', () => {
    expect(embedIdOf('?embedId=a&embedId=b')).toBe('b');
  });

  it('cuts an embedId to 200 characters', () => {
    expect(embedIdOf(`?embedId=${'x'.repeat(300)}`)).toBe('x'.repeat(200));
  });

  it('is empty without one', () => {
    expect(embedIdOf('?rtt=5')).toBe('');
  });
});

describe('the resize script’s copy of the embedId constants', () => {
  it('equals embed-query’s', async () => {
    const resize = await import('../../../src/components/embed/resize');
    const query = await import('../../../src/components/embed/embed-query');
    expect([resize.EMBED_ID_KEY, resize.EMBED_ID_MAX]).toEqual([
      query.EMBED_ID_KEY,
      query.EMBED_ID_MAX,
    ]);
  });
});

describe('the resize script’s copy of the pending attribute', () => {
  it('equals island-attrs’', async () => {
    const resize = await import('../../../src/components/embed/resize');
    const attrs = await import('../../../src/components/widgets/island-attrs');
    expect(resize.PENDING_ATTR).toBe(attrs.PENDING_ATTR);
  });
});
