import type { replay as en } from '../en/replay';

/** “重放你的页面”页面（`ReplayPage.astro`、`replay-page.ts`）的中文文字。 */
export const replay: typeof en = {
  title: '重放你的页面',
  summary:
    '载入浏览器保存的 HAR 文件，看同一个页面分别用 HTTP/1.0、HTTP/1.1 keep-alive、HTTP/2 和 HTTP/3 加载，在同一个网络上模拟。',
  lead: '前面各章加载的都是虚构的页面，这一页加载的是你自己的页面。先保存一个 HAR 文件（HTTP Archive：浏览器为某个页面发出的全部请求，连同大小和计时），在这里选中它，模拟器就把同一个页面重放四遍：HTTP/1.0 每个请求新建一条连接、HTTP/1.1 keep-alive、HTTP/2 和 HTTP/3。页面的每个源站各有自己的连接，每个对象保留它的大小和实测的服务器处理时间，并且要等引用它的那个对象到达之后才会被请求（样式表里的字体、脚本发起的 fetch）。',
  privacy: '文件不会离开你的浏览器：读取和模拟都在本页的后台 worker 线程中完成，不上传任何内容。',
  howTo: '如何保存 HAR 文件',
  howToSteps: [
    'Chrome 和 Edge：打开开发者工具（F12），切到“网络”面板，刷新页面，在请求列表上右键，选“以 HAR 格式保存所有内容”。',
    'Firefox：打开“网络”面板（Ctrl+Shift+E），刷新页面，点面板右上角的齿轮，选“全部另存为 HAR”。',
    'Safari：先启用“开发”菜单，打开 Web 检查器的“网络”标签页，刷新页面，点“导出”。',
  ],
  noJs: '重放页面需要 JavaScript。没有它，也可以在自己的电脑上用命令行做同样的事：npm run sim -- --har page.har（见 README）。',
  form: '你的页面',
  file: 'HAR 文件',
  fileHint: '不超过 20 MB 的 .har 文件；点选，或拖放到这个框里。',
  sample: '或者重放一个示例',
  samples: {
    'two-origins': '两个源站，六个请求',
    gallery: '相册：三个源站，29 个请求',
  },
  sampleHint:
    '用 Chromium 从本地测试页面录制的页面。第一个：HTML、一张图片和一个 JSON 文件来自一个源站，样式表、它引用的字体和一个脚本来自另一个。相册：HTML，同样的样式表、字体和脚本，外加图片服务器上 24 张 6 到 41 KB 的照片。它们是在同一台机器上录制的，自身的往返时延不到 1 ms：除非你另填往返时延，都按 100 ms 重放。',
  sampleButton: '重放示例',
  network: '网络',
  rtt: '往返时延（ms）',
  rttHint: '留空：使用 HAR 里测得的往返时延。',
  bandwidth: '带宽（Mbit/s）',
  loss: '丢包率（%）',
  dns: 'DNS 查询（ms）',
  dnsHint: '每个新主机名查询一次。留空：使用 HAR 自身的（HAR 没有记录时为 0）。',
  replayAgain: '按这些数值重放',
  reading: '正在读取 {name}……',
  computing: '正在用四种协议重放 {name}……',
  done: '已重放 {name}：在这个浏览器里读取并模拟四次，用时 {ms} ms。',
  errors: {
    'too-large': '文件超过 20 MB。请只保存一次页面加载的 HAR，不含响应内容，再试一次。',
    'not-json': '文件不是有效的 JSON，因此不可能是 HAR 文件。',
    'not-har': '文件是 JSON，但不是 HAR 文件：里面没有请求列表（log.entries）。',
    'no-entries': 'HAR 文件里没有请求：它的 entries 列表是空的。',
    'no-usable-entries':
      'HAR 文件里没有一个请求可以重放：它们要么来自缓存或 service worker，要么失败了，要么用的是 data:、blob: 或非 HTTP 地址，要么属于另一个页面，要么格式有误。',
    'too-big':
      '页面太大，超出了模拟器的范围：{detail}。请保存一个小一些的页面，或这个页面前一部分的 HAR。',
    failed: '重放失败：{message}',
    unreadable: '无法读取文件：{message}',
    badParam: '{field} 应在 {min} 到 {max} 之间；{value} 已改为 {used}。',
    badParamMeasured: '{field} 应在 {min} 到 {max} 之间；{value} 已忽略，改用 HAR 自身的往返时延。',
    badParamMeasuredDns:
      '{field} 应在 {min} 到 {max} 之间；{value} 已忽略，改用 HAR 自身的 DNS 查询时间。',
  },
  results: '各协议下的页面加载',
  caption:
    '模拟条件：往返时延 {rtt} ms（{rttFrom}），带宽 {bandwidth} Mbit/s，丢包率 {loss}%，每个新主机名一次 {dns} ms 的 DNS 查询（{dnsFrom}）；全部使用 TLS 1.3，每个主机最多 6 条连接。条形表示页面加载时间，共用一个刻度。',
  rttFrom: {
    connect: 'HAR 中测得',
    'min-wait': '由 HAR 中的等待时间估计',
    none: '默认值',
    option: '你设定的',
  },
  dnsFrom: {
    dns: '取 HAR 中各主机首次查询时间的中位数',
    none: 'HAR 没有记录查询时间',
    option: '你设定的',
  },
  columns: {
    protocol: '协议',
    load: '页面加载时间',
    connections: '连接数',
    handshakes: '握手往返次数',
  },
  protocols: {
    '1.0': 'HTTP/1.0，每个请求一条新连接',
    '1.1': 'HTTP/1.1 keep-alive',
    '2': 'HTTP/2',
    '3': 'HTTP/3（基于 QUIC）',
  },
  measured: 'HAR 自身记录的加载时间（浏览器的 load 事件）',
  ms: '{n} ms',
  incomplete: '{n} ms（有请求未完成）',
  verdict:
    '{best}加载这个页面用 {bestMs} ms，{worst}用 {worstMs} ms。保存 HAR 的那个浏览器用了 {measuredMs} ms：它还要解析页面、运行脚本、排版，这些模拟器都没有建模，而且它所在的网络也不是这里设定的网络。',
  viewsTitle: '你的页面，四种加载，同一个时钟',
  viewsCaption:
    '把同一次重放画出来：每种协议的数据包和请求随时间的变化。可以四个一起播放，也可以逐个事件前进。',
  viewsSummary:
    '页面加载时间：HTTP/1.0 {h10} ms，HTTP/1.1 {h11} ms，HTTP/2 {h2} ms，HTTP/3 {h3} ms。',
  read: '读到了什么',
  readLine:
    '重放了 {entries} 个请求中的 {replayed} 个，来自 {origins} 个源站，响应主体共 {bytes} 字节。',
  lateLine:
    '其中 {n} 个是在页面静下来之后才发出的，按文件记录的时刻（从文档开始算起）重放，不计入页面加载时间。',
  origins: '文件中的源站：{list}。',
  coalesced: '录制时共用过连接的源站，在这里用 HTTP/2 和 HTTP/3 时同样共用：{list}。',
  coalescedPair: '{origin} 走 {with} 的连接',
  ignored: '未计入：{list}。',
  ignoredReasons: {
    malformed: '{n} 个格式有误',
    'data-url': '{n} 个 data: 地址',
    'blob-url': '{n} 个 blob: 地址',
    'not-http': '{n} 个不走 HTTP',
    'other-page': '{n} 个属于其他页面',
    'service-worker': '{n} 个由 service worker 应答',
    'from-cache': '{n} 个来自浏览器缓存',
    failed: '{n} 个失败或被中止',
    redirect: '{n} 个是文档之前的重定向',
  },
  notReplayed: {
    late: '{n} 个在页面静下来之后才发出的请求超出了模拟器按原时刻重放的 100 个，或晚于一小时，没有重放',
    overLimit: '{n} 个超出了模拟器 1,000 个对象的上限',
    asGet: '{n} 个使用 GET 以外的方法，按 GET 重放',
    emptyBodies: '{n} 个响应主体为空，按 1 字节重放',
  },
  notReplayedLead: '与原样不同的：{list}。',
  guessedFields: {
    bytes: '{n} 个响应大小文件中没有给出',
    parent: '{n} 个请求没有写明发起者或 Referer，按由 HTML 引出处理',
    startMs: '{n} 个开始时间无法读取',
    durationMs: '{n} 个耗时无法读取',
    thinkMs: '{n} 个服务器处理时间，因为没有可以扣除的往返时延',
    rtt: '往返时延，因为文件中没有建立连接的计时',
    dns: 'DNS 查询，按 0 ms 处理：没有一个主机的首个请求记录了查询耗时',
    method: '{n} 个请求方法，按 GET 处理',
    document: '文档：第一个请求不是 HTML 页面',
    measuredLoadMs: '页面自身的加载时间：文件中没有 load 事件，取最后一个请求结束的时刻',
  },
  guessed: '推测的：{list}。',
  listSep: '；',
  notModelled:
    '没有建模的部分：请求主体、优先级，以及浏览器在两次响应之间自己要做的工作；每次 DNS 查询的耗时都相同；流量控制（TCP 接收窗口取 6 MB，即浏览器借助窗口缩放通告的大小；HTTP/2 和 QUIC 的流量控制窗口没有建模）；源站之间只在录制中确实共用过连接时才共用连接。',
};
