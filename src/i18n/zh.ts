import type { Dictionary } from './en';
import { conceptCheck } from './zh/concept-check';
import { guide } from './zh/guide';
import { views } from './zh/views';
import { widgets } from './zh/widgets';

/** 简体中文界面文字；键与 `en.ts` 一一对应。 */
export const zh: Dictionary = {
  views,
  widgets,
  guide,
  conceptCheck,
  site: {
    name: 'Keep-Alive',
    tagline: 'HTTP 持久连接：从 HTTP/0.9 到 HTTP/3，在浏览器里实时模拟',
    description:
      '一份交互式教程，讲解 HTTP 持久连接（keep-alive）：建立连接为什么有代价，HTTP/1.0、HTTP/1.1、管线化、HTTP/2 和 HTTP/3 如何复用连接，并配有可操作的网络模拟。',
  },
  nav: {
    skip: '跳到主要内容',
    home: '首页',
    chapters: '章节',
    onThisPage: '本页内容',
    previous: '上一章',
    next: '下一章',
    chapterN: '第 {n} 章',
    primary: '站点导航',
    glossary: '术语表',
    references: '参考资料',
    search: '搜索',
    pagination: '章节翻页',
  },
  language: {
    switchTo: 'English',
    switchLabel: '阅读本页的英文版',
  },
  theme: {
    label: '配色主题',
    auto: '主题：跟随系统',
    light: '主题：浅色',
    dark: '主题：深色',
  },
  home: {
    title: 'Keep-Alive：HTTP 持久连接的模拟教程',
    lead: '一个网页由几十个对象组成，而每新建一条 TCP 连接，都要先花掉若干个往返时延，请求的第一个字节才能发出去。本教程沿着 HTTP 学会“把连接留着”的历程往下讲：从每传完一个文档就断开的 HTTP/0.9，一直到基于 QUIC 的 HTTP/3。每一步都可以在浏览器中运行的确定性网络模拟里亲眼看到。',
    howTo:
      '可以按顺序阅读，也可以直接跳到需要的章节。每张图都由同一个模拟器根据旁边的场景参数算出，图上的数字是测出来的，不是画出来的。',
    contents: '目录',
  },
  chapter: {
    tryIt: '动手试试',
    references: '参考资料',
    readingOrder: '第 {n} 章，共 {total} 章',
  },
  exercise: {
    heading: '先预测，再运行',
    reveal: '查看答案',
    computed: '模拟结果：',
    scenario: '所用场景',
    difference: '两者相差：{value}',
    baseline: '题目所述情形',
    variant: '改动之后',
    metrics: {
      pageLoadMs: '页面加载时间',
      connectionsOpened: '新建连接数',
      packets: '发送的数据包数',
      handshakeRoundTrips: '花在握手上的往返次数',
      meanWorkersHeld: '平均被占用的工作进程数（忙碌或空闲）',
      refused: '被拒绝的连接数',
      p95LatencyMs: '第 95 百分位响应时间',
      throughputPerSec: '吞吐量',
    },
    units: {
      pageLoadMs: '{n} ms',
      connectionsOpened: '{n} 条',
      packets: '{n} 个',
      handshakeRoundTrips: '{n} 次',
      meanWorkersHeld: '{n} 个工作进程',
      refused: '{n} 条连接',
      p95LatencyMs: '{n} ms',
      throughputPerSec: '每秒 {n} 个响应',
    },
  },
  references: {
    title: '参考资料',
    summary: '各章引用的全部出处：RFC、论文、书籍和厂商文档，并注明引用它们的章节。',
    intro: '各章引用过的出处汇总在这里。每一条都链接到原文，以及引用它的章节。',
    citedIn: '引用于：',
  },
  search: {
    title: '搜索',
    summary: '在各章内容和术语表中搜索关键词，例如“握手”“管线化”或“TIME_WAIT”。',
    label: '搜索本教程',
    button: '搜索',
    noJs: '搜索功能需要 JavaScript。关闭 JavaScript 时，可以从首页的目录进入各章。',
    loading: '正在加载搜索索引…',
    results: '“{q}”共有 {n} 条结果',
    none: '没有找到与“{q}”相关的内容',
    failed: '搜索索引加载失败。',
  },
  footer: {
    about: 'Keep-Alive 是一个开放的教学项目。各章的参考资料列出了 RFC、论文和厂商文档等出处。',
  },
  notFound: {
    title: '页面不存在',
    body: '这个地址没有对应的页面，可能已经移动，也可能是链接写错了。',
    back: '返回目录',
  },
};
