import type { Dictionary } from '../en';

/** 播放器、参数控件和各个小部件的中文文字。 */
export const widgets: Dictionary['widgets'] = {
  play: '播放',
  pause: '暂停',
  stepBack: '上一个事件',
  stepNext: '下一个事件',
  reset: '重置',
  end: '结尾',
  player: '播放控制',
  speed: '速度',
  speedHint: '1× 时整张图在 8 秒内播完。',
  time: '时间',
  timeOf: '{t} 毫秒 / 共 {d} 毫秒',
  timeValue: '{t} 毫秒',
  shortcuts: '焦点在图内时可用按键：空格或 K 播放/暂停 · ← → 或 J L 单步 · Home 重置',
  reducedMotion: '已开启“减少动态效果”：播放时逐个事件前进。',
  showTable: '以表格显示',
  hideTable: '隐藏表格',
  parameters: '参数',
  notices: '网址中有本图无法使用的参数值：',
  noticeClamped: '{key}={raw} 超出范围，改用 {used}。',
  noticeInvalid: '{key}={raw} 不是有效的值，改用默认值 {used}。',
  noticeUnknown: '{key} 不是本图的参数，已忽略。',
  moreEvents: '另有 {n} 个事件',
  atTime: '{t} 毫秒：',
  noEvent: '{t} 毫秒：尚无事件。',
  ms: '毫秒',
  mbps: 'Mbit/s',
  bytes: '字节',
  connectionsUnit: '个连接',
  param: {
    rtt: '往返时延（RTT）',
    rttHelp: '数据包到达服务器、再收到回应所需的时间。',
    tls: '加密',
    bandwidth: '带宽',
    objects: '页面中的图片数',
    objectBytes: '每张图片的大小',
    connections: '并行连接数',
    connectionsHelp: '浏览器可以同时向服务器打开的连接数上限。',
    slowMs: '第一张图片额外的服务器处理时间',
    slowMsHelp: '让第一张图片的响应变慢，以演示队头阻塞。',
  },
  tlsOption: {
    none: '不加密（纯 HTTP）',
    'tls1.2': 'TLS 1.2',
    'tls1.3': 'TLS 1.3',
  },
  roundTrips: {
    one: '1 个往返',
    other: '{n} 个往返',
  },
  handshake: {
    title: '第一个请求之前的握手',
    caption:
      '客户端与服务器之间的往返时延为 {rtt} 毫秒。客户端先建立 TCP 连接，再协商 {tls}，然后发送一个小的 HTTP 请求。每条斜线代表一个数据包，时间自上而下推进。',
    summaryTls:
      '请求的第一个字节在 {total}之后发出（TCP {tcp} + {tls} {tlsRt}），即第 {sent} 毫秒；响应在第 {done} 毫秒接收完毕。',
    summaryPlain:
      '请求的第一个字节在 {total}之后发出（TCP {tcp}，无 TLS），即第 {sent} 毫秒；响应在第 {done} 毫秒接收完毕。',
    ladder: '客户端与服务器之间的数据包',
  },
  race: {
    title: 'HTTP/1.0 与持久连接的对比',
    caption:
      '同一个页面——一个 HTML 文档加 {objects} 张 {bytes} 字节的图片——经由往返时延 {rtt} 毫秒、带宽 {bw} Mbit/s 的网络加载两次：一次用 HTTP/1.0（每个对象新建一个连接），一次用 HTTP/1.1 持久连接（{conns}）。两者共用同一个时钟。',
    oneConnection: '最多 1 个连接',
    nConnections: '最多 {n} 个并行连接',
    http10: 'HTTP/1.0：每个对象一个连接',
    keepAlive: 'HTTP/1.1 持久连接',
    summaryFaster:
      '使用持久连接，页面在 {fast} 毫秒加载完成，而不是 {slow} 毫秒：快了 {diff} 毫秒（{pct}%），用了 {connsKa}而不是 {conns10}，发送 {packetsKa} 个数据包而不是 {packets10} 个。',
    summarySlower:
      '使用持久连接，页面在 {fast} 毫秒加载完成，HTTP/1.0 则为 {slow} 毫秒（相差 {diff} 毫秒），用了 {connsKa}而不是 {conns10}，发送 {packetsKa} 个数据包而不是 {packets10} 个。',
    connections: {
      one: '1 个连接',
      other: '{n} 个连接',
    },
  },
  pipelining: {
    title: '管线化与队头阻塞',
    caption:
      '一个 HTTP/1.1 持久连接经由 {rtt} 毫秒的往返时延获取一个 HTML 文档和 {objects} 张 {bytes} 字节的图片。左边每个请求都要等上一个响应到达后才发出；右边的请求采用管线化，一个接一个连续发出，而服务器必须按顺序响应。第一张图片在服务器上多花 {slow} 毫秒。',
    sequential: '顺序请求（一次一个）',
    pipelined: '管线化',
    summary:
      '采用管线化，页面在第 {pipe} 毫秒加载完成，而不是第 {seq} 毫秒。排在慢的第一张图片之后，其余响应虽已就绪，仍要在服务器队列中最多等待 {wait} 毫秒：这就是队头阻塞。',
    summaryNoWait: '采用管线化，页面在第 {pipe} 毫秒加载完成，而不是第 {seq} 毫秒；没有响应需要排在别的响应之后等待。',
  },
  gallery: {
    title: '交互式图解',
    description:
      'Keep-Alive 教程中的全部交互式图解：握手过程、HTTP/1.0 与持久连接的对比，以及管线化与队头阻塞，均由网络模拟器实时计算。',
    intro:
      '这里的每张图都根据旁边的参数，由模拟器生成的事件记录绘制而成。点击“播放”观看数据包的传输，逐个事件单步查看，或者修改参数：模拟会立即重新运行，页面地址也会记住你的设置，方便分享。',
    noScript: '未启用 JavaScript 时，每张图显示默认参数下的最终状态；控件需要 JavaScript 才能使用。',
  },
};
