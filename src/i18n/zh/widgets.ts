import type { Dictionary } from '../en';

/** 播放器、参数控件和各个图解的中文文字。 */
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
  timeOf: '{t} ms / 共 {d} ms',
  timeValue: '{t} ms',
  shortcuts:
    '焦点在图上或本图解内任意位置时可用按键（文本框和下拉菜单保留自己的按键，滑块保留方向键）：空格或 K 播放/暂停 · ← → 或 J L 上一个/下一个事件 · Home 重置 · End 跳到最后',
  diagramsLabel: '图：空格或 K 播放/暂停，← 和 → 逐个事件前后移动',
  reducedMotion: '已开启“减少动态效果”：播放时逐个事件前进。',
  atTheEnd: '播放到最后：',
  pageFailed: {
    one: '页面的 {total} 个请求中有 1 个最终失败，页面不完整。',
    other: '页面的 {total} 个请求中有 {n} 个最终失败，页面不完整。',
  },
  pageFailedRuns: '页面有请求最终失败，页面不完整：{list}。',
  pageFailedRun: { one: '{label}：{total} 个中 1 个', other: '{label}：{total} 个中 {n} 个' },
  afterClock: {
    one: '图在 {end} ms 处结束；之后关闭连接时还要发送 1 个数据包，在 {last} ms。',
    other: '图在 {end} ms 处结束；之后关闭连接时还要发送 {n} 个数据包，最后一个在 {last} ms。',
  },
  afterClockRuns: '图在 {end} ms 处结束；之后关闭连接时还要发送数据包：{list}。',
  afterClockRun: {
    one: '{label}：1 个，在 {last} ms',
    other: '{label}：{n} 个，最后一个在 {last} ms',
  },
  epilogueSep: '；',
  computing: '正在计算新的运行结果……',
  runFailed: '模拟失败：{message}',
  showTable: '以表格显示',
  hideTable: '隐藏表格',
  parameters: '参数',
  paramsHide: '隐藏参数',
  paramsShow: '显示参数',
  paramsOn: '开',
  paramsOff: '关',
  paramsOthers: '其余 {n} 项为默认值',
  paramsAllDefault: '全部 {n} 项均为默认值',
  groupUnused: '当前模式不使用这一组；因为其中有值不同于默认值，所以仍然显示。',
  viewTabs: '图',
  viewTab: {
    packets: '数据包',
    requests: '请求',
    connections: '连接',
    server: '服务器',
    latency: '响应时间',
    sweep: '随超时变化',
  },
  packetsTitle: '数据包',
  requestsTitle: '请求（按连接归类）',
  notices: '网址中有本图无法使用的参数值：',
  noticeClamped: '{key}={raw} 超出范围，改用 {used}。',
  noticeInvalid: '{key}={raw} 不是有效的值，改用默认值 {used}。',
  noticeUnknown: '{key}={raw} 不是本图的参数，已忽略。',
  moreEvents: '另有 {n} 个事件',
  atTime: '{t} ms：',
  noEvent: '{t} ms：尚无事件。',
  ms: 'ms',
  percent: '%',
  mbps: 'Mbit/s',
  bytes: '字节',
  connectionsUnit: '条连接',
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
    serverTimeoutZeroHelp:
      '连接空闲达到这么久，服务器就将其关闭；设为 0 即关闭 keep-alive（HTTP/1.x 的每个响应都带 Connection: close，相当于 nginx 的 keepalive_timeout 0）。',
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
    retryPolicy: '浏览器的重试规则',
    retryPolicyHelp:
      '浏览器的做法：复用的连接在响应开始之前失败时，任何请求都重发一次；“只重试幂等请求”的客户端只重发 GET，这是 RFC 9110 §9.2.2 的建议。',
    cause: '连接为何断开',
    causeHelp:
      '重置：服务器执行了点击发出的请求，随后工作进程在响应之前崩溃，连接被重置；服务器的空闲计时器不会到期。',
    loss: '随机丢包率',
    lossHelp: '每个数据包都以这个概率丢失（三次运行使用同一个随机种子）。',
    addressChangeAt: '客户端地址变更时刻',
    addressChangeAtHelp:
      '0 表示不变更；否则在开始导航后这么久，客户端换到新的 IP 地址（TCP 连接随之中断，QUIC 连接则迁移过去）。',
    dropPacket: '丢弃指定数据包',
    dropPacketHelp: '在每次运行中，丢弃服务器在第一条连接上发出的第 N 个数据包（0 表示不丢）。',
    rate: '访客到达速率',
    rateHelp: '每秒新来的访客数，到达时刻随机（泊松过程）。',
    keepAliveTimeout: '服务器的 keep-alive 超时',
    keepAliveTimeoutHelp: '设为 0 即关闭持久连接：服务器发完唯一的响应就关闭连接。',
    objectsPerClient: '每位访客请求的对象数',
    objectsPerClientHelp: '1 代表图床（每次访问只取一个文件）；一个普通网页约有 30 个。',
    model: '服务器模型',
    modelHelp:
      '多进程/多线程：每条连接占一个工作进程，连接开着就一直占着，空闲时也不例外。事件驱动：空闲连接只占内存。',
    modelHelpUnlimited: '不设上限：所有连接同时得到服务。',
    workers: '工作进程数（多进程/多线程模型）',
    workersHelp: '相当于 Apache prefork 的 MaxRequestWorkers：能同时服务的连接数（默认 256）。',
    connectionCap: '连接数上限（事件驱动模型）',
    connectionCapHelp:
      '事件驱动服务器允许同时打开的连接数（nginx 中为 worker_connections × 工作进程数）。',
    backlog: '监听队列长度（backlog）',
    backlogHelp: '可排队等待工作进程的连接数；队列满后，新连接会被拒绝（Apache 默认 511）。',
    duration: '访客持续到达时长',
    durationHelp: '新访客持续到达的时间。',
    mode: '模拟内容',
    pipelining: 'HTTP 管线化',
    pipeliningHelp: 'HTTP/1.1 加持久连接：在一条连接上连续发出多个请求，不等前一个响应。',
    lossSeedHelp: '每个数据包都以这个概率丢失；具体丢哪些由下面的随机种子决定。',
    initialWindow: '初始拥塞窗口',
    initialWindowHelp: '收到第一个 ACK 之前 TCP 可以发送的报文段数（RFC 6928 起为 10）。',
    delayedAck: '延迟确认',
    delayedAckHelp:
      '两端每收到两个报文段立即确认一次，单独一个则等 40 ms（Linux 的下限）再确认，希望让 ACK 随数据一起发出。',
    nagle: 'Nagle 算法',
    nagleHelp:
      '比 MSS 短的报文段要等此前发出的数据都被确认后才发送（RFC 896）。服务器通常用 TCP_NODELAY 关掉它；与延迟确认叠加时，响应可能被卡住。',
    fastOpen: 'TCP Fast Open',
    fastOpenHelp:
      '第一条连接从服务器拿到 cookie；此后每条连接都把 cookie 和最先要发的数据（请求，或 TLS 的 ClientHello）放进 SYN，服务器可以立即应答：以后每条连接少一个往返（RFC 7413）。浏览器如今已不再使用它。',
    synRetries: 'SYN 重传次数',
    synRetriesHelp:
      '得不到应答的 SYN 最多再发几次，每次等待的时间是上一次的两倍，用完仍无应答则连接失败（Linux 的 tcp_syn_retries 默认 6 次，从 1 秒超时算起共 127 秒；Linux 6.5 起先以 1 秒间隔重传几次，约 131 秒）。',
    seed: '随机种子',
    seedHelp: '决定丢失哪些数据包以及访客的到达时刻：种子相同，运行结果就相同。',
    htmlBytes: 'HTML 的大小',
    maxRequests: '每条连接的最大请求数',
    maxRequestsHelp:
      '服务器在一条连接上发完这么多个响应后就关闭它（Apache 默认 100）；0 表示不限。',
    resetAfter: '处理完第几个请求后重置连接',
    resetAfterHelp:
      '服务器在每条连接上处理完第这么多个请求后不发响应，而是重置连接，就像干完活就崩溃的工作进程（仅 HTTP/1.x）；0 表示从不。',
    processing: '服务器处理每个请求的时间',
    visitorBytes: '每个对象的大小',
  },
  modelOption: {
    threaded: '多进程/多线程',
    event: '事件驱动（nginx 式）',
    unlimited: '不设上限',
  },
  httpVersionOption: {
    '0.9': 'HTTP/0.9',
    '1.0': 'HTTP/1.0',
    '1.1': 'HTTP/1.1',
    '2': 'HTTP/2',
    '3': 'HTTP/3（QUIC）',
  },
  methodOption: {
    GET: 'GET（幂等）',
    POST: 'POST（非幂等）',
  },
  retryPolicyOption: {
    browser: '浏览器做法（任何方法）',
    'idempotent-only': '只重试幂等请求（GET）',
  },
  causeOption: {
    timeout: '服务器的空闲超时（竞态）',
    reset: '服务器处理完请求后重置连接',
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
    'tls1.2-resumed': 'TLS 1.2 会话恢复（会话票据）',
    'tls1.3': 'TLS 1.3',
    'tls1.3-resumed': 'TLS 1.3 会话恢复（PSK，无早期数据）',
    'tls1.3-0rtt': 'TLS 1.3 会话恢复（0-RTT 早期数据）',
  },
  roundTrips: {
    one: '1 个往返',
    other: '{n} 个往返',
  },
  handshake: {
    title: '第一个请求之前的握手',
    caption:
      '客户端与服务器之间的往返时延为 {rtt} ms。客户端先建立 TCP 连接，再协商 {tls}，然后发送一个小的 HTTP 请求。每条斜线代表一个数据包，时间自上而下推进。',
    summaryTls:
      '请求的第一个字节在 {total}之后发出（TCP {tcp} + {tls} {tlsRt}），即 {sent} ms 时；响应在 {done} ms 时接收完毕。',
    summaryPlain:
      '请求的第一个字节在 {total}之后发出（TCP {tcp}，无 TLS），即 {sent} ms 时；响应在 {done} ms 时接收完毕。',
    ladder: '客户端与服务器之间的数据包',
  },
  race: {
    title: 'HTTP/1.0 与持久连接的对比',
    caption:
      '同一个页面——一个 HTML 文档加 {objects} 张 {bytes} 字节的图片——经由往返时延 {rtt} ms、带宽 {bw} Mbit/s 的网络加载两次：一次用 HTTP/1.0（每个对象新建一条连接），一次用 {ka}（{conns}）。两者共用同一个时钟。',
    oneConnection: '最多 1 条连接',
    nConnections: '最多 {n} 条并行连接',
    http10: 'HTTP/1.0：每个对象一条连接',
    keepAlive: 'HTTP/1.1 持久连接',
    keepAlive10: 'HTTP/1.0 加 Connection: Keep-Alive',
    summaryFaster:
      '使用持久连接，页面在 {fast} ms 加载完成，而不是 {slow} ms：快了 {diff} ms（{pct}%），用了 {connsKa}而不是 {conns10}，发送 {packetsKa} 个数据包而不是 {packets10} 个。',
    summarySlower:
      '使用持久连接，页面在 {fast} ms 加载完成，HTTP/1.0 则为 {slow} ms（相差 {diff} ms），用了 {connsKa}而不是 {conns10}，发送 {packetsKa} 个数据包而不是 {packets10} 个。',
    connections: {
      one: '1 条连接',
      other: '{n} 条连接',
    },
    captionTimeout: '服务器会关闭空闲达 {timeout} ms 的连接。',
    serverClosed:
      '页面还没加载完，服务器就按 {timeout} ms 的持久连接超时关闭了 {closed}：服务器写完响应就开始计时，而在这条路径上，计时器到点时响应可能还在路上，浏览器也正要复用这条连接。',
    retried: '浏览器在新连接上重发了 {retried}。',
    retriedFailed: '浏览器在新连接上重发了 {retried}，其中 {failed} 仍然失败。',
    requests: {
      one: '1 个请求',
      other: '{n} 个请求',
    },
  },
  pipelining: {
    title: '管线化与队头阻塞',
    caption:
      '一条 HTTP/1.1 持久连接经由 {rtt} ms 的往返时延获取一个 HTML 文档和 {objects} 张 {bytes} 字节的图片。第一次运行中，每个请求都要等上一个响应到达后才发出；第二次运行中，请求采用管线化，一个接一个连续发出，而服务器必须按顺序响应。第一张图片在服务器上多花 {slow} ms。',
    sequential: '顺序请求（一次一个）',
    pipelined: '管线化',
    summary:
      '采用管线化，页面在 {pipe} ms 时加载完成，而不是 {seq} ms。排在慢的第一张图片之后，其余响应虽已就绪，仍要在服务器队列中最多等待 {wait} ms：这就是队头阻塞。',
    summaryNoWait:
      '采用管线化，页面在 {pipe} ms 时加载完成，而不是 {seq} ms；没有响应需要排在别的响应之后等待。',
  },
  pageLoad: {
    title: '一次页面加载',
    caption:
      '浏览器加载一个页面——一个 2,000 字节的 HTML 文档和 {objects} 张 {bytes} 字节的图片——使用 {proto}，{tls}，网络往返时延 {rtt} ms、带宽 {bw} Mbit/s，对该主机最多打开 {conns} 条连接。服务器会关闭空闲 {timeout} ms 的连接。',
    captionFollowUp:
      '开始导航后 {at} ms，读者点击一个链接：再发出一个 GET 请求，响应为 {fbytes} 字节。',
    proto: {
      '0.9': 'HTTP/0.9（每条连接只发一个请求）',
      '1.0': 'HTTP/1.0（每条连接只发一个请求）',
      '1.0ka': 'HTTP/1.0 加 Connection: Keep-Alive',
      '1.1': 'HTTP/1.1（持久连接）',
      '1.1close': 'HTTP/1.1 加 Connection: close',
    },
    tlsNone: '不加密',
    tlsOn: '经 {tls} 加密',
    summary: '页面在 {load} ms 加载完成，用了 {conns}，共 {packets} 个数据包。',
    followReused: '{at} ms 时的点击复用了连接 {conn}：响应在 {took} ms 后接收完毕。',
    followNew: '{at} ms 时的点击新建了连接 {conn}：响应在 {took} ms 后接收完毕。',
    followRetried:
      '{at} ms 时的点击走的是连接 {first}，而服务器刚刚关闭了它；浏览器在新建的连接 {conn} 上重试，点击后 {took} ms 接收完毕。',
    followError:
      '{at} ms 时的点击走的是连接 {first}，而服务器刚刚关闭了它；请求在 {took} ms 后失败。',
  },
  pool: {
    title: '浏览器的连接池',
    caption:
      '浏览器通过 HTTP/1.1 持久连接、经由 {rtt} ms 的往返时延加载一个 HTML 文档和 {objects} 张 {bytes} 字节的图片，{hosts}；每个主机最多 {perHost} 条连接，总共最多 {total} 条。服务器让空闲连接保持打开；浏览器会关闭空闲 {idle} ms 的连接。',
    oneHost: '全部来自同一个主机',
    shardedHosts: '图片分散在 {n} 个主机名上',
    summary:
      '页面在 {load} ms 加载完成。浏览器共打开 {conns}（{hosts}）。{wait}为腾出位置而淘汰（最近最少使用的先淘汰）：{evicted} 条；空闲 {idle} ms 后关闭：{expired} 条。',
    hostCount: '{host} {n} 条',
    waitNone: '没有请求需要等待空闲的连接。',
    waitSome: {
      one: '有 1 个请求要等待连接空出来，等了 {longest} ms。',
      other: '有 {n} 个请求要等待连接空出来，最长等了 {longest} ms。',
    },
    lanes: '各连接随时间的状态（每条泳道一条连接）',
  },
  timeoutRace: {
    title: 'keep-alive 超时竞态',
    caption:
      '浏览器已通过 HTTP/1.1 持久连接加载了一个小页面，往返时延 {rtt} ms。服务器关闭空闲 {server} ms 的连接，浏览器则要空闲 {client} ms 才关闭。读者点击一个链接（{method}），{when}，即 {at} ms 时。',
    whenBefore: '比服务器的空闲超时早 {offset} ms',
    whenAfter: '比服务器的空闲超时晚 {offset} ms',
    whenAt: '恰好在服务器空闲超时到期的那一刻',
    reused:
      '{method} 请求在服务器空闲计时器到期之前到达：连接被复用，响应在点击后 {took} ms 接收完毕。',
    retried:
      '服务器的 FIN 与 {method} 请求在线路上交错而过，已关闭的套接字用 RST 回应该请求。浏览器在新连接上重试：响应在点击后 {took} ms 接收完毕，而干净地复用连接只需 {clean} ms——多花了 {extra} ms。',
    error:
      '服务器的 FIN 与 {method} 请求在线路上交错而过，已关闭的套接字用 RST 回应该请求。按“只重试幂等请求”的规则，{method} 请求不会被自动重试：它在点击后 {took} ms 失败（{error}），页面只能报告错误。',
    retriedLost:
      '{method} 请求没有到达服务器：它在途中丢失了，而服务器的 FIN 告诉浏览器连接已关闭。浏览器在新连接上重试：响应在点击后 {took} ms 接收完毕，而干净地复用连接只需 {clean} ms——多花了 {extra} ms。',
    errorLost:
      '{method} 请求没有到达服务器：它在途中丢失了，而服务器的 FIN 告诉浏览器连接已关闭。按“只重试幂等请求”的规则，{method} 请求不会被自动重试：它在点击后 {took} ms 失败（{error}），页面只能报告错误。',
    captionReset:
      '浏览器已通过 HTTP/1.1 持久连接加载了一个小页面，往返时延 {rtt} ms。读者在 {at} ms 时点击一个链接（{method}），请求走那条空闲连接。这一次与服务器的空闲计时器无关：服务器执行完请求，却没有响应，而是重置了连接，就像一个干完活就崩溃的工作进程。',
    retriedReset:
      '服务器执行了这个 {method} 请求，却在响应的任何字节发出之前重置了连接。浏览器无从得知请求已被执行；由于这是一条复用的连接，它在新连接上把 {method} 再发一次：响应在点击后 {took} ms 接收完毕，而干净地复用连接只需 {clean} ms。',
    errorReset:
      '服务器执行了这个 {method} 请求，却在响应的任何字节发出之前重置了连接。按“只重试幂等请求”的规则，{method} 请求不会被自动重试：它在点击后 {took} ms 失败（{error}），页面报告了错误，而服务器其实已经执行过这个请求。',
    clientClosedReset:
      '浏览器自己先关闭了这条空闲连接（它的空闲超时更短），于是点击新建一条连接，服务器在这条连接上正常响应：响应在点击后 {took} ms 接收完毕。',
    processed: {
      zero: '服务器日志：这个 {method} 一次也没有被处理。',
      one: '服务器日志：这个 {method} 被处理了一次。',
      two: '服务器日志：这个 {method} 被处理了两次。',
      other: '服务器日志：这个 {method} 被处理了 {n} 次。',
    },
    duplicate:
      '对 POST 来说，这就是一次重复提交（比如同一笔订单下了两次），除非服务器自己识别出重复。',
    serverClosed:
      '点击之前服务器已经关闭了这条空闲连接：浏览器立即新建连接，响应在点击后 {took} ms 接收完毕（比干净地复用连接多 {extra} ms）。',
    clientClosed:
      '浏览器自己先关闭了这条空闲连接（它的空闲超时更短），因此不存在竞态：新建一条连接，响应在点击后 {took} ms 接收完毕。',
    errors: {
      'connection-reset': '连接被重置',
      'connection-closed': '连接已关闭',
      'connection-timeout': '连接超时',
      'incomplete-response': '响应不完整',
    },
  },
  embed: {
    theme: '配色主题',
    button: '嵌入',
    open: '在新标签页中打开',
    heading: '嵌入这张图',
    intro:
      '把下面的 HTML 粘贴到你的网页或课程页面中（在编辑器的 HTML 或源代码视图里）。框架会按当前设置显示这张图，脚本会自动把框架调整到合适的高度。',
    code: '嵌入代码',
    copy: '复制代码',
    copied: '已复制到剪贴板。',
    copyFailed: '无法自动复制：代码已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。',
    frameTitle: '{title}（Keep-Alive 交互图解）',
    description:
      '来自 Keep-Alive HTTP 持久连接教程的交互图解：{title}。图中的数据由在浏览器中运行的网络模拟实时计算。',
    back: '出自 Keep-Alive 教程的章节“{chapter}”',
    backGallery: '出自 Keep-Alive 教程的交互图解',
    noScript:
      'JavaScript 未启用，这张图显示的是默认设置：网址中的参数只有在 JavaScript 运行时才会生效。',
    noticeAbove: '{key}={raw} 超过最大值 {limit}，改用 {used}。',
    noticeBelow: '{key}={raw} 低于最小值 {limit}，改用 {used}。',
    noticeStep: '{key}={raw} 不符合步长 {limit}，改用 {used}。',
    noticeNotNumber: '{key}={raw} 不是数字，改用默认值 {used}。',
    noticeNotOption: '{key}={raw} 不是 {limit} 之一，改用默认值 {used}。',
    noticeNotBoolean: '{key}={raw} 不是 1、0、true 或 false，改用默认值 {used}。',
    noticeRepeated: '{key} 出现了 {n} 次（{raw}），使用最后一个值。',
    layout: '布局',
    layoutFull: '完整：参数、图和说明',
    layoutCompact: '紧凑：参数排成一行',
    layoutDiagram: '仅图：只有图和播放控制',
    events: '向宿主页面发送事件',
  },
  present: {
    button: '演示',
    leave: '退出演示',
    fullscreen: '全屏',
    bar: '演示',
    keys: '空格：播放/暂停 · ← → 或 Page Up/Down：上一个/下一个事件 · Home/End · Esc：退出',
  },
  multiplexing: {
    title: '同一页面，三种协议：HTTP/1.1、HTTP/2 与 HTTP/3',
    caption:
      '同一个页面：先是 {html} 字节的 HTML 文档，再是 {objects} 张各 {bytes} 字节的图片；{tls}，往返时延 {rtt} ms，带宽 {bw} Mbit/s。{loss}左：HTTP/1.1，最多 {conns} 条连接。中：HTTP/2，每个请求是同一条 TCP 连接上的一个流。右：HTTP/3，同样的流跑在一条基于 UDP 的 QUIC 连接上。',
    lossNone: '没有随机丢包。',
    lossSome: '每个数据包都以 {loss}% 的概率丢失。',
    dropOne: '每次运行都丢弃服务器在第一条连接上发出的第 {n} 个数据包。',
    h1: 'HTTP/1.1，最多 6 条连接',
    h2: 'HTTP/2，一条 TCP 连接',
    h3: 'HTTP/3，一条 QUIC 连接',
    times: '页面加载时间：HTTP/1.1 为 {h1} ms，HTTP/2 为 {h2} ms，HTTP/3 为 {h3} ms。',
    noStall: '没有任何流因为丢包而等待。',
    stallH2: {
      one: 'HTTP/2：1 个流被队头阻塞了 {total} ms：它的数据已经到达，却要在其他丢失的数据后面等待，因为 TCP 按顺序交付同一条字节流。',
      other:
        'HTTP/2：{n} 个流被队头阻塞：它们的数据已经到达，却要在其他丢失的数据后面等待，因为 TCP 按顺序交付同一条字节流；合计 {total} ms（各流等待时间之和；最长 {longest} ms）。',
    },
    stallH2None: 'HTTP/2：没有流被队头阻塞。',
    stallH2Own: {
      one: 'HTTP/2：1 个流等待自身丢失的数据 {total} ms。',
      other: 'HTTP/2：{n} 个流等待自身丢失的数据，合计 {total} ms（最长 {longest} ms）。',
    },
    stallH3: {
      one: 'HTTP/3：1 个流等待自身丢失的数据 {total} ms；没有流被队头阻塞，因为 QUIC 分别交付每个流。',
      other:
        'HTTP/3：{n} 个流等待自身丢失的数据，合计 {total} ms（各流等待时间之和；最长 {longest} ms）；没有流被队头阻塞，因为 QUIC 分别交付每个流。',
    },
    stallH3None: 'HTTP/3：没有流需要等待；丢失的数据包只会拖慢它所承载数据的那个流。',
  },
  imageHost: {
    title: '图床：工作进程被谁占着？',
    caption:
      '访客随机到达，每秒 {rate} 位，持续 {duration} 秒，往返时延 {rtt} ms；每位访客通过 HTTP/1.1 获取 {objects}（每个 {bytes} 字节）后离开。{server}{keepAlive}',
    captionThreaded:
      '服务器为每条连接分配一个工作进程：共 {workers} 个，每个从接受连接起一直被占用到连接关闭；监听队列长度为 {backlog}。',
    captionEvent:
      '服务器采用事件驱动模型：最多 {connections} 条打开的连接，空闲连接只占内存、不占工作进程；监听队列长度为 {backlog}。',
    keepAliveOn: '连接空闲 {timeout} 秒后由服务器关闭。',
    keepAliveOff: '持久连接已关闭：每条连接只处理一个响应就关闭。',
    objectCount: {
      one: '1 个对象',
      other: '{n} 个对象',
    },
    perSecond: '位/秒',
    seconds: '秒',
    presets: '快捷设置',
    timeoutPresets: 'keep-alive 超时',
    presetOff: '关闭',
    presetApache: '5 秒（Apache 默认）',
    preset15: '15 秒',
    presetNginx: '75 秒（nginx 默认）',
    objectPresets: '每位访客获取',
    presetImage: '1 个对象（图床）',
    presetPage: '30 个对象（普通网页）',
    slotsTitle: '服务器工作进程随时间的变化',
    slotsTitleEvent: '服务器连接随时间的变化',
    latencyTitle: '响应时间分布',
    sweepTitle: '吞吐量与 p95 延迟随 keep-alive 超时的变化',
    sweepImage: '每位访客 1 个对象',
    sweepPage: '每位访客 {n} 个对象，访客数为 1/{n}（每秒请求数相同）',
    sweepOffered: '{label}：本次运行每秒到达 {offered} 个请求',
    sweepProgress: '正在计算超时扫描：已完成 {done} / {total} 次运行',
    sweepDone: '超时扫描完成：共 {total} 次运行。',
    computing: '正在计算新的运行结果……',
    failed: '模拟失败：{message}',
    statsTitle: '本次运行的数据',
    stats: {
      clients: '访客数',
      requests: '完成的请求数',
      throughput: '吞吐量',
      throughputValue: '每秒 {n} 个响应',
      busy: '正在服务的工作进程（平均 / 峰值）',
      idle: '因 keep-alive 空闲占用的工作进程（平均 / 峰值）',
      busyEvent: '活跃连接（平均 / 峰值）',
      idleEvent: '空闲连接（平均 / 峰值）',
      meanPeak: '{mean} / {peak}',
      queue: '等待工作进程的时间（平均 / p95）',
      queueValue: '{mean} / {p95} ms',
      backlog: '监听队列（峰值）',
      refused: '被拒绝的连接',
      failed: '失败的请求（放弃建立连接）',
      latency: '已完成请求的响应时间 p50 / p95 / p99',
      latencyValue: '{p50} / {p95} / {p99} ms',
      timeWait: '服务器处于 TIME_WAIT 的套接字（峰值）',
      fds: '服务器文件描述符（峰值）',
      memory: '服务器内存（峰值，估算）',
      memoryValue: '{n} MB',
    },
    little:
      '按利特尔定律估算（每位访客 1 个对象）：稳态下被占用的工作进程 ≈ 到达速率 × 占用时长（超时再加上延迟关闭的一个往返）≈ {rate}/秒 × {hold} 秒 ≈ {n}，而可用的只有 {limit} 个。',
    summary:
      '平均有 {held} 条连接占着服务器的槽位（{busy} 条在服务，{idle} 条因 keep-alive 空闲），上限为 {limit}。{pressure}已完成的响应中，一半在 {p50} ms 内完成，95% 在 {p95} ms 内完成；服务器每秒完成 {throughput} 个响应。',
    unlimited: '不设上限',
    pressureNone: '没有访客需要等待工作进程。',
    pressureQueue:
      '槽位时常全被占满：连接只能在监听队列中等待（同时最多 {backlog} 个），第 95 百分位的等待时间为 {wait} ms。',
    pressureRefused: {
      one: '槽位全被占满，监听队列也已溢出：1 条连接被拒绝，只能重传 SYN。',
      other: '槽位全被占满，监听队列也已溢出：{n} 条连接被拒绝，只能重传 SYN。',
    },
    pressureFailed: {
      one: '1 个请求失败：SYN 重传次数用完后，浏览器放弃了这条连接。',
      other: '{n} 个请求失败：SYN 重传次数用完后，浏览器放弃了这些连接。',
    },
  },
  playground: {
    title: '实验场：模拟器的全部参数',
    modeOption: {
      page: '一次页面加载',
      visitors: '大量访客（负载）',
    },
    group: {
      protocol: '协议',
      network: '网络',
      page: '页面',
      browser: '浏览器',
      server: '服务器',
      visitors: '访客',
    },
    segments: '个报文段',
    tools: '实验场工具',
    copyLink: '复制链接',
    copied: '链接已复制：打开它就能看到这组设置下的实验场。',
    copyFailed: '无法自动复制：下方的链接已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。',
    linkLabel: '这组设置的链接',
    reset: '恢复默认设置',
    resetDone: '所有设置都已恢复为默认值。',
    adjustTitle: '有些设置无法同时成立，模拟改用以下设置：',
    adjust: {
      keepAlive09: 'HTTP/0.9 没有持久连接：每条连接在响应后都会关闭。',
      pipeliningVersion: '管线化需要 HTTP/1.1：请求逐个发送。',
      pipeliningClose: '管线化需要持久连接：请求逐个发送。',
      keepAliveMux: 'HTTP/2 和 HTTP/3 的连接总是持久的：持久连接保持开启。',
      pipeliningMux: 'HTTP/2 和 HTTP/3 以并发的流发送请求，管线化不适用。',
      tlsQuic: 'HTTP/3 运行在 QUIC 之上，而 QUIC 总是使用 TLS 1.3：模拟改用 TLS 1.3。',
      quicIdle:
        'HTTP/3：两个空闲超时用作 QUIC 的空闲超时（max_idle_timeout），“每条连接的最大请求数”不适用。',
      keepAliveOffQuic:
        '服务器的 keep-alive 超时设为 0（关闭 keep-alive）在 HTTP/3 中没有对应设置：服务器沿用 QUIC 的空闲超时。',
      resetMux:
        '“处理完第几个请求后重置连接”只适用于 HTTP/1.x：HTTP/2 或 HTTP/3 服务器只会重置一个流，而不是整条连接；模拟没有建模这种情况，因此忽略这项设置。',
      fastOpenQuic:
        'TCP Fast Open 缩短的是 TCP 握手；HTTP/3 运行在 QUIC 之上，没有 TCP 握手，因此忽略这项设置（QUIC 自己的捷径是 0-RTT）。',
      keepAliveUnderMs:
        '服务器的 keep-alive 超时要么为 0（关闭 keep-alive），要么至少 1 ms：模拟改用 1 ms。',
    },
    proto: {
      '0.9': 'HTTP/0.9',
      '1.0': 'HTTP/1.0（每个请求一条连接）',
      '1.0ka': 'HTTP/1.0 加 Connection: Keep-Alive',
      '1.1': 'HTTP/1.1（持久连接）',
      '1.1close': 'HTTP/1.1 加 Connection: close',
      '1.1pipe': 'HTTP/1.1 加管线化',
      '2': 'HTTP/2（一个 TCP 连接上的多个流）',
      '3': 'HTTP/3（一个 QUIC 连接上的多个流）',
    },
    captionPage:
      '浏览器加载一个页面——{html} 字节的 HTML，随后是 {objects}，每个 {bytes} 字节——使用 {proto}，{tls}，往返时延 {rtt} ms、带宽 {bw} Mbit/s、丢包率 {loss}%，每个主机最多 {perHost} 条连接。{server}',
    captionVisitors:
      '访客在随机时刻到达，每秒 {rate} 位，持续 {duration} ms；每位访客使用 {proto}，{tls}，获取 {objects}，每个 {bytes} 字节；往返时延 {rtt} ms，所有访客共享 {bw} Mbit/s 带宽，丢包率 {loss}%。{server}',
    serverUnlimited: '服务器同时服务所有连接，并{closing}。',
    serverThreaded:
      '服务器采用多进程/多线程模型：{workers} 个工作进程，监听队列长度 {backlog}；它会{closing}。',
    serverEvent:
      '服务器采用事件驱动模型：最多 {connections} 条连接，监听队列长度 {backlog}；它会{closing}。',
    closeIdle: '关闭空闲 {timeout} ms 的连接',
    closeEach: '每发完一个响应就关闭连接（即关闭 keep-alive）',
    summaryVisitors:
      '平均有 {held} 条连接占着服务器的槽位（{busy} 条在服务，{idle} 条因 keep-alive 空闲）{limit}。{pressure}已完成的响应中，一半在 {p50} ms 内完成，95% 在 {p95} ms 内完成；服务器每秒完成 {throughput} 个响应。',
    limitOf: '，上限为 {n}',
    noSweepH3:
      'HTTP/3 没有 HTTP 层的 keep-alive 超时可供扫描（它的连接由 QUIC 的空闲超时关闭），因此这里不做超时扫描。',
    sweepSeries: '当前设置',
  },
  gallery: {
    title: '交互图解',
    contents: '图解列表',
    handshakeAbout: '在第一个请求字节发出之前，TCP 连接和 TLS 要花费多少时间。',
    raceAbout: '同一个页面分别通过 HTTP/1.0 和一个持久连接加载。',
    pipeliningAbout: '连续发出多个请求，以及一个慢响应如何拖累其他响应。',
    handshake: '握手',
    race: '持久连接对比',
    pipelining: '管线化',
    pageLoadAbout: '一次页面加载（可加一次后续点击），所有视图同时呈现。',
    poolAbout: '浏览器连接池中的每主机上限、连接复用、LRU 淘汰和空闲超时。',
    timeoutRaceAbout: '点击复用某条连接时，服务器恰好将其关闭。',
    pageLoad: '页面加载',
    pool: '连接池',
    timeoutRace: '超时竞态',
    multiplexing: '多路复用',
    multiplexingAbout:
      '同一页面分别通过 HTTP/1.1、HTTP/2 和 HTTP/3 加载，时钟同步、可加丢包：看谁在等丢失的数据包。',
    imageHost: '图床',
    imageHostAbout:
      '大量访客、一台服务器：keep-alive 让工作进程空等，随之而来的排队与拒绝，以及不同超时的对比扫描。',
    playground: '实验场',
    playgroundAbout:
      '模拟器的全部参数集中在一页：协议、TLS、网络、页面、浏览器、服务器，或大量访客；所有视图齐备，设置可通过链接分享。',
    description:
      'Keep-Alive 教程中的全部交互图解：握手过程、HTTP/1.0 与持久连接的对比、管线化、一次页面加载、连接池、超时竞态和图床，均由网络模拟器实时计算。',
    intro:
      '这里的每张图都根据旁边的参数，由模拟器生成的事件记录绘制而成。点击“播放”观看数据包的传输，逐个事件单步查看，或者修改参数：模拟会立即重新运行，页面地址也会记住你的设置，方便分享。',
    noScript:
      '未启用 JavaScript 时，每张图显示默认参数下的最终状态；控件需要 JavaScript 才能使用。',
  },
};
