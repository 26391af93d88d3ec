import { describe, expect, it } from 'vitest';
import { uiStringsOf } from '../../../src/i18n';
import { pageFailures, runEpilogue } from '../../../src/components/widgets/run-epilogue';
import { metricsAt } from '../../../src/components/views/metrics';
import { request, sortTrace, trace } from '../views/fixture';

const en = uiStringsOf('en');
const zh = uiStringsOf('zh');

/** The fixture (request 1 done at 230 ms) plus a page request that fails and a follow-up that fails. */
const failing = sortTrace([
  ...trace,
  request(100, 'queued', 2, '/b.png'),
  request(400, 'error', 2, '/b.png', { error: 'connection-reset' }),
  request(200, 'queued', 3, '/next', { followUp: true }),
  request(450, 'error', 3, '/next', { followUp: true, error: 'connection-reset' }),
]);

describe('pageFailures', () => {
  it('counts page requests that failed for good, follow-up clicks apart', () => {
    expect(pageFailures(trace)).toEqual({ failed: 0, total: 1 });
    expect(pageFailures(failing)).toEqual({ failed: 1, total: 2 });
  });
});

describe('runEpilogue', () => {
  it('says nothing when every page request is done and the clock reaches the last packet', () => {
    // The fixture's last packet, the retransmitted FIN, is sent at 500 ms.
    expect(runEpilogue([{ trace }], 500, en)).toBe('');
    expect(runEpilogue([{ trace }], undefined, en)).toBe('');
  });
  it('counts the packets sent after the clock stops: the FIN at 300 ms and its retransmission at 500', () => {
    expect(runEpilogue([{ trace }], 230, en)).toBe(
      'After the diagrams end at 230 ms, 2 more packets are sent as connections close, the last at 500 ms.',
    );
    expect(runEpilogue([{ trace }], 300, en)).toBe(
      'After the diagrams end at 300 ms, 1 more packet is sent as connections close, at 500 ms.',
    );
    expect(runEpilogue([{ trace }], 230, zh)).toBe(
      '图在 230 ms 处结束；之后关闭连接时还要发送 2 个数据包，最后一个在 500 ms。',
    );
  });
  it('says which page requests failed, then the later packets; in a comparison, run by run', () => {
    expect(runEpilogue([{ trace: failing }], 500, en)).toBe(
      '1 of the page’s 2 requests failed for good, so the page is incomplete.',
    );
    expect(
      runEpilogue(
        [
          { trace, label: 'A' },
          { trace: failing, label: 'B' },
        ],
        230,
        en,
      ),
    ).toBe(
      'Some of the page’s requests failed for good, so the page is incomplete: B: 1 of 2. ' +
        'After the diagrams end at 230 ms, more packets are sent as connections close: ' +
        'A: 2, the last at 500 ms; B: 2, the last at 500 ms.',
    );
    expect(runEpilogue([{ trace: failing, label: 'B' }, { trace }], 500, zh)).toBe(
      '页面有请求最终失败，页面不完整：B：2 个中 1 个。',
    );
  });
  it('agrees with the metrics strip: what it shows at the clock’s end plus the later packets', () => {
    // 9 packets in all; 7 sent by 230 ms, as the strip counts them ("so far": more are to come).
    expect(metricsAt(trace, 230)).toMatchObject({ packets: 7, final: false });
    expect(metricsAt(trace, 500)).toMatchObject({ packets: 9, final: true });
  });
});
