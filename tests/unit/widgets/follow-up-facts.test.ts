import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/components/controls/params';
import { followUpOutcome } from '../../../src/components/widgets/follow-up-facts';
import { pageLoadScenario, pageLoadSchema } from '../../../src/components/widgets/page-load-params';
import { simulate } from '../../../src/sim';

const page = defaults(pageLoadSchema);

describe('followUpOutcome', () => {
  it('is undefined without a follow-up', () => {
    expect(followUpOutcome(simulate(pageLoadScenario(page)).trace)).toBeUndefined();
  });

  it('reports a reuse before the server timeout and a new connection after it', () => {
    const early = followUpOutcome(simulate(pageLoadScenario({ ...page, followUpAt: 3000 })).trace);
    expect(early).toMatchObject({ kind: 'reused', atMs: 3000 });
    const late = followUpOutcome(simulate(pageLoadScenario({ ...page, followUpAt: 8000 })).trace);
    expect(late).toMatchObject({ kind: 'new', atMs: 8000, conn: 6, firstConn: 6 });
  });
});
