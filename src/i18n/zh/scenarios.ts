import type { scenarios as en } from '../en/scenarios';

/** 场景库（`scenario-library.ts`）的中文文字：图解标题旁的“场景”菜单、指南里的教学步骤表，以及每个场景的标题和一句话要点。 */
export const scenarios: typeof en = {
  menu: {
    summary: '场景',
    label: '“{widget}”的场景',
    intro: '打开为某个知识点设置好的图解：',
  },
  guide: {
    caption: '{chapter}的教学步骤',
    region: '{chapter}的场景，可横向滚动',
    scenario: '场景',
    widget: '图解',
    purpose: '学生应当看到什么',
    sources: '出处',
  },
  widgets: {
    handshake: {
      'tcp-only': {
        title: '只有 TCP，没有 TLS',
        purpose: '1 个往返后请求就发出：SYN、SYN-ACK，请求搭在最后那个 ACK 上一起走。',
      },
      'tls12-full': {
        title: 'TLS 1.2 完整握手',
        purpose: '第一个请求字节发出前要 3 个往返：TCP 1 个，TLS 1.2 2 个，每条新连接都得付一遍。',
      },
      'tls13-long-path': {
        title: '跨洋的 TLS 1.3（RTT 250 ms）',
        purpose: 'TLS 1.3 自己还要 1 个往返：请求发出前已过去 2 个往返，即 500 ms。',
      },
      'tls13-resumed': {
        title: 'TLS 1.3 恢复会话',
        purpose: '会话恢复省掉的是证书，不是往返：请求发出前仍是 2 个往返。',
      },
    },
    race: {
      'microscape-1997': {
        title: '1997 年的“Microscape”页面，走 HTTP/1.0',
        purpose: '42 张小图，像 IE 那样同时最多 4 条连接：Keep-Alive 几乎为每张图省掉一次握手。',
      },
      'many-small-objects': {
        title: '四十张小图，一条连接',
        purpose: '不用 keep-alive 时每张图都要等一次新握手：每多一张图，差距大约多一个 RTT。',
      },
      'few-large-objects': {
        title: '慢速链路上的三张大图',
        purpose: '瓶颈在带宽而不在往返时，keep-alive 省得不多：时间条大部分是传输。',
      },
      'six-connections': {
        title: '六条连接并行',
        purpose: '并行连接缩小了差距，但不用 keep-alive 时每条连接仍要为每张图新建一次连接。',
      },
    },
    pipelining: {
      'quick-responses': {
        title: '响应都很快',
        purpose: '请求一个接一个连发，共用往返：管线化的那次明显先完成。',
      },
      'slow-first': {
        title: '第一张图很慢（600 ms）',
        purpose: '响应必须按请求顺序返回：快的响应排在慢的后面等（队头阻塞）。',
      },
      'very-slow-first': {
        title: '十张图堵在一个极慢的响应后面',
        purpose: '第一张图在服务器上要两秒，其余九张早已备好，也只能跟着等。',
      },
      'long-path': {
        title: '长路径上的二十张图（RTT 300 ms）',
        purpose: '往返越长，管线化省得越多：每个请求省一个往返。',
      },
    },
    'page-load': {
      http09: {
        title: 'HTTP/0.9：每个对象一条连接',
        purpose: '每个对象都新开一条连接，服务器发完文档就关闭：每次都要握手。',
      },
      'http10-close': {
        title: '不带 Keep-Alive 的 HTTP/1.0',
        purpose: '有了首部和 Content-Length，但每个响应之后连接照样关闭。',
      },
      'slow-start-restart': {
        title: '空闲 3 秒后点击：重新慢启动',
        purpose: '复用的连接省掉了握手，但空闲之后拥塞窗口又从小开始。',
      },
      'warm-window': {
        title: '同样的点击，窗口仍是热的',
        purpose: '关掉空闲后慢启动，连接保留原来的窗口：大响应用更少的往返就传完。',
      },
      'idle-timeout-reopen': {
        title: '在服务器 5 秒超时之后点击',
        purpose: '服务器在最后一个响应发出 5 秒后关闭了空闲连接，所以 8 秒时的点击要重新握手。',
      },
    },
    'connection-pool': {
      'two-per-host': {
        title: 'RFC 2616：每个主机两条连接',
        purpose: '三十张图排队等两条连接：瀑布图是一道长长的阶梯。',
      },
      'six-per-host': {
        title: '现代浏览器：每个主机六条',
        purpose: '六条连接取同样的三十张图，阶梯更少、更宽。',
      },
      sharding: {
        title: '三个主机名的域名分片',
        purpose: '把图片分到三个主机名上绕过每主机上限，代价是更多次握手。',
      },
      'total-cap': {
        title: '域名分片遇上总数上限 8',
        purpose: '四个分片本可开 24 条连接，但浏览器的连接总数上限让同时打开的不超过 8 条。',
      },
    },
    'timeout-race': {
      'post-retried': {
        title: '竞态中的 POST 被重试',
        purpose: 'POST 发出的同时服务器关闭了空闲连接；浏览器在新连接上再发一次。',
      },
      'post-idempotent-only': {
        title: '竞态中的 POST 不重试',
        purpose: '只重试幂等请求的客户端直接报错，尽管服务器根本没有执行这个 POST。',
      },
      'post-processed-twice': {
        title: 'POST 执行完后连接被重置',
        purpose: '服务器已经执行了 POST，随后重置连接；浏览器一重试，它就被执行了第二次。',
      },
      'click-in-time': {
        title: '点击赶在超时之前',
        purpose: '点击比服务器计时器触发早 300 ms：请求及时到达，复用了原来的连接。',
      },
      'client-closes-first': {
        title: '浏览器先超时（4 秒）',
        purpose: '客户端的空闲超时比服务器短，由它先关闭连接：不会发生竞态。',
      },
    },
    'image-host': {
      'apache20-15s': {
        title: 'Apache 2.0 的 15 秒 keep-alive 超时',
        purpose:
          '每个只取一张图的访客都让一个工作进程空等 15 秒：256 个工作进程耗尽，访客被拒之门外。',
      },
      'no-keepalive': {
        title: '关闭 keep-alive',
        purpose: '图片一发完工作进程就释放：忙的进程很少，代价是每个请求一次握手。',
      },
      'event-driven': {
        title: '事件驱动的服务器（nginx 式），15 秒',
        purpose: '空闲连接只占内存，不占工作进程：同样 15 秒的超时不再把访客拒之门外。',
      },
      'more-workers': {
        title: '一千个工作进程，15 秒',
        purpose:
          '工作进程够多就不再拒绝访客，但其中大多数在 keep-alive 中空等，等的请求永远不会来。',
      },
    },
    multiplexing: {
      'long-path': {
        title: '无丢包的长路径（RTT 200 ms）',
        purpose: '一条 HTTP/2 或 HTTP/3 连接干了六条 HTTP/1.1 连接的活，只握手一次。',
      },
      'one-lost-packet': {
        title: '丢一个包',
        purpose:
          '在 HTTP/2 上，这个丢包让其他流的数据卡在 TCP 里（队头阻塞）；在 HTTP/3 上没有哪个流要等别的流的包。',
      },
      'random-loss': {
        title: '2% 随机丢包',
        purpose:
          '有丢包时，TCP 的按序交付阻塞了 HTTP/2 的所有流；QUIC 的各个流互不影响、照常前进。',
      },
      'zero-rtt': {
        title: '回访用户使用 0-RTT',
        purpose: 'HTTP/3 在第一批数据里就发出第一个请求；TCP 仍要先花一个往返握手。',
      },
    },
    playground: {
      'fast-open': {
        title: '重新连接时的 TCP Fast Open',
        purpose: '第一条连接取得 cookie；之后 3 条都把 ClientHello 放进 SYN，各省 1 个往返。',
      },
      'nagle-delayed-ack': {
        title: 'Nagle 算法遇上延迟确认',
        purpose: '响应最后那个短报文段要等 ACK，而客户端正在延迟发 ACK：持久连接上出现停顿。',
      },
      'syn-retries': {
        title: 'SYN 丢失（10% 丢包）',
        purpose:
          '第一条连接的 SYN 丢了两次：1 秒后重发，再过 2 秒又重发（超时时间加倍），在此之前任何请求都发不出去。',
      },
      'quic-migration': {
        title: 'HTTP/3：客户端地址改变',
        purpose: '加载途中客户端地址变了；QUIC 连接凭连接 ID 继续进行。',
      },
    },
  },
};
