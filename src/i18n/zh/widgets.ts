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
  packetsTitle: '数据包',
  requestsTitle: '请求（按连接分组）',
  notices: '网址中有本图无法使用的参数值：',
  noticeClamped: '{key}={raw} 超出范围，改用 {used}。',
  noticeInvalid: '{key}={raw} 不是有效的值，改用默认值 {used}。',
  noticeUnknown: '{key}={raw} 不是本图的参数，已忽略。',
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
    version: '保持连接的一方',
    versionHelp: '右侧用哪种协议让连接保持打开。',
    slowMsHelp: '让第一张图片的响应变慢，以演示队头阻塞。',
    httpVersion: 'HTTP 版本',
    keepAlive: '持久连接（Keep-Alive）',
    keepAliveHelp:
      'HTTP/1.1：关闭时发送 Connection: close。HTTP/1.0：开启时发送 Connection: Keep-Alive。HTTP/0.9 总是在响应后关闭连接。',
    perHost: '每个主机的连接数',
    perHostHelp: '浏览器可以同时向同一个主机名打开的连接数上限。',
    slowStartAfterIdle: '空闲后重新慢启动',
    slowStartAfterIdleHelp:
      '连接空闲一段时间后再复用时，拥塞窗口先退回初始大小（Linux 的默认行为）。',
    serverTimeout: '服务器的 keep-alive 超时',
    serverTimeoutHelp: '连接空闲达到这么久，服务器就将其关闭。',
    followUpAt: '后续点击的时刻',
    followUpAtHelp: '0 表示不点击；否则在开始导航后这么久再发出一个 GET 请求。',
    followUpBytes: '后续请求的响应大小',
    totalCap: '连接总数上限',
    totalCapHelp: '达到上限后，浏览器会关闭最近最少使用的空闲连接，腾出位置来打开新连接。',
    shards: '图片所用的主机名数',
    shardsHelp: '域名分片：把图片分散到这么多个主机名上。',
    clientIdle: '浏览器的空闲超时',
    clientIdleHelp: '连接空闲达到这么久，浏览器就将其关闭。',
    clickOffset: '点击相对服务器超时的时刻',
    clickOffsetHelp: '负值：点击发生在服务器空闲计时器到期之前；正值：发生在其后。',
    method: '点击所用的请求方法',
  },
  httpVersionOption: {
    '0.9': 'HTTP/0.9',
    '1.0': 'HTTP/1.0',
    '1.1': 'HTTP/1.1',
  },
  methodOption: {
    GET: 'GET（可以重试）',
    POST: 'POST（不会重试）',
  },
  lanesTitle: '各连接随时间的状态',
  listSeparator: '，',
  versionOption: {
    '1.1': 'HTTP/1.1（默认持久连接）',
    '1.0': 'HTTP/1.0 + Connection: Keep-Alive',
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
      '同一个页面——一个 HTML 文档加 {objects} 张 {bytes} 字节的图片——经由往返时延 {rtt} 毫秒、带宽 {bw} Mbit/s 的网络加载两次：一次用 HTTP/1.0（每个对象新建一个连接），一次用{ka}（{conns}）。两者共用同一个时钟。',
    oneConnection: '最多 1 个连接',
    nConnections: '最多 {n} 个并行连接',
    http10: 'HTTP/1.0：每个对象一个连接',
    keepAlive: 'HTTP/1.1 持久连接',
    keepAlive10: 'HTTP/1.0 加 Connection: Keep-Alive',
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
      '一个 HTTP/1.1 持久连接经由 {rtt} 毫秒的往返时延获取一个 HTML 文档和 {objects} 张 {bytes} 字节的图片。第一次运行中，每个请求都要等上一个响应到达后才发出；第二次运行中，请求采用管线化，一个接一个连续发出，而服务器必须按顺序响应。第一张图片在服务器上多花 {slow} 毫秒。',
    sequential: '顺序请求（一次一个）',
    pipelined: '管线化',
    summary:
      '采用管线化，页面在第 {pipe} 毫秒加载完成，而不是第 {seq} 毫秒。排在慢的第一张图片之后，其余响应虽已就绪，仍要在服务器队列中最多等待 {wait} 毫秒：这就是队头阻塞。',
    summaryNoWait:
      '采用管线化，页面在第 {pipe} 毫秒加载完成，而不是第 {seq} 毫秒；没有响应需要排在别的响应之后等待。',
  },
  pageLoad: {
    title: '一次页面加载',
    caption:
      '浏览器加载一个页面——一个 2,000 字节的 HTML 文档和 {objects} 张 {bytes} 字节的图片——使用 {proto}，{tls}，网络往返时延 {rtt} 毫秒、带宽 {bw} Mbit/s，对该主机最多打开 {conns} 个连接。服务器会关闭空闲 {timeout} 毫秒的连接。',
    captionFollowUp:
      '开始导航后第 {at} 毫秒，读者点击一个链接：再发出一个 GET 请求，响应为 {fbytes} 字节。',
    proto: {
      '0.9': 'HTTP/0.9（每个连接只发一个请求）',
      '1.0': 'HTTP/1.0（每个连接只发一个请求）',
      '1.0ka': 'HTTP/1.0 加 Connection: Keep-Alive',
      '1.1': 'HTTP/1.1（持久连接）',
      '1.1close': 'HTTP/1.1 加 Connection: close',
    },
    tlsNone: '不加密',
    tlsOn: '经 {tls} 加密',
    summary: '页面在 {load} 毫秒加载完成，用了 {conns}，共 {packets} 个数据包。',
    followReused: '第 {at} 毫秒的点击复用了连接 {conn}：响应在 {took} 毫秒后接收完毕。',
    followNew: '第 {at} 毫秒的点击新建了连接 {conn}：响应在 {took} 毫秒后接收完毕。',
    followRetried:
      '第 {at} 毫秒的点击走的是连接 {first}，而服务器刚刚关闭了它；浏览器在新建的连接 {conn} 上重试，点击后 {took} 毫秒接收完毕。',
    followError:
      '第 {at} 毫秒的点击走的是连接 {first}，而服务器刚刚关闭了它；请求在 {took} 毫秒后失败。',
  },
  pool: {
    title: '浏览器的连接池',
    caption:
      '浏览器通过 HTTP/1.1 持久连接、经由 {rtt} 毫秒的往返时延加载一个 HTML 文档和 {objects} 张 {bytes} 字节的图片，{hosts}；每个主机最多 {perHost} 个连接，总共最多 {total} 个。服务器让空闲连接保持打开；浏览器会关闭空闲 {idle} 毫秒的连接。',
    oneHost: '全部来自同一个主机',
    shardedHosts: '图片分散在 {n} 个主机名上',
    summary:
      '页面在 {load} 毫秒加载完成。浏览器共打开 {conns}（{hosts}）。{wait}为腾出位置而淘汰（最近最少使用的先淘汰）：{evicted} 个；空闲 {idle} 毫秒后关闭：{expired} 个。',
    hostCount: '{host} {n} 个',
    waitNone: '没有请求需要等待空闲的连接。',
    waitSome: {
      one: '有 1 个请求要等待连接空出来，等了 {longest} 毫秒。',
      other: '有 {n} 个请求要等待连接空出来，最长等了 {longest} 毫秒。',
    },
    lanes: '各连接随时间的状态（每条泳道一个连接）',
  },
  timeoutRace: {
    title: 'keep-alive 超时竞争',
    caption:
      '浏览器已通过 HTTP/1.1 持久连接加载了一个小页面，往返时延 {rtt} 毫秒。服务器关闭空闲 {server} 毫秒的连接，浏览器则要空闲 {client} 毫秒才关闭。读者点击一个链接（{method}），{when}，即第 {at} 毫秒。',
    whenBefore: '比服务器的空闲超时早 {offset} 毫秒',
    whenAfter: '比服务器的空闲超时晚 {offset} 毫秒',
    whenAt: '恰好在服务器空闲超时到期的那一刻',
    reused:
      '{method} 请求在服务器空闲计时器到期之前到达：连接被复用，响应在点击后 {took} 毫秒接收完毕。',
    retried:
      '服务器的 FIN 与 {method} 请求在线路上交错而过，已关闭的套接字用 RST 回应该请求。浏览器在新连接上重试：响应在点击后 {took} 毫秒接收完毕，而干净地复用连接只需 {clean} 毫秒——多花了 {extra} 毫秒。',
    error:
      '服务器的 FIN 与 {method} 请求在线路上交错而过，已关闭的套接字用 RST 回应该请求。{method} 请求不会被自动重试：它在点击后 {took} 毫秒失败（{error}），页面只能报告错误。',
    serverClosed:
      '点击之前服务器已经关闭了这个空闲连接：浏览器立即新建连接，响应在点击后 {took} 毫秒接收完毕（比干净地复用连接多 {extra} 毫秒）。',
    clientClosed:
      '浏览器自己先关闭了这个空闲连接（它的空闲超时更短），因此不存在竞争：新建一个连接，响应在点击后 {took} 毫秒接收完毕。',
    errors: {
      'connection-reset': '连接被重置',
      'connection-closed': '连接已关闭',
      'connection-timeout': '连接超时',
      'incomplete-response': '响应不完整',
    },
  },
  gallery: {
    title: '交互式图解',
    contents: '图解列表',
    handshakeAbout: '在第一个请求字节发出之前，TCP 连接和 TLS 要花费多少时间。',
    raceAbout: '同一个页面分别通过 HTTP/1.0 和一个持久连接加载。',
    pipeliningAbout: '连续发出多个请求，以及一个慢响应如何拖累其他响应。',
    handshake: '握手',
    race: '持久连接对比',
    pipelining: '管线化',
    pageLoadAbout: '一次页面加载（可加一次后续点击），所有视图同时呈现。',
    poolAbout: '浏览器连接池中的每主机上限、连接复用、LRU 淘汰和空闲超时。',
    timeoutRaceAbout: '点击复用某个连接时，服务器恰好将其关闭。',
    pageLoad: '页面加载',
    pool: '连接池',
    timeoutRace: '超时竞争',
    description:
      'Keep-Alive 教程中的全部交互式图解：握手过程、HTTP/1.0 与持久连接的对比、管线化、一次页面加载、连接池和超时竞争，均由网络模拟器实时计算。',
    intro:
      '这里的每张图都根据旁边的参数，由模拟器生成的事件记录绘制而成。点击“播放”观看数据包的传输，逐个事件单步查看，或者修改参数：模拟会立即重新运行，页面地址也会记住你的设置，方便分享。',
    noScript:
      '未启用 JavaScript 时，每张图显示默认参数下的最终状态；控件需要 JavaScript 才能使用。',
  },
};
