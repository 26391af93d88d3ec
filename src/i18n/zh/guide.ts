import type { guide as en } from '../en/guide';

/** 教师指南（`/zh/guide/`）中生成的表格与示例所用的中文文字。 */
export const guide: typeof en = {
  nav: '教师指南',
  galleryLink: '想把这些图解放进课程页面，请看教师指南。',
  params: {
    caption: '“{widget}”的 URL 参数',
    commonCaption: '所有嵌入页通用的 URL 参数',
    embedPage: '嵌入页：',
    key: '参数',
    type: '类型',
    values: '取值',
    default: '默认值',
    unit: '单位',
    label: '名称',
    description: '作用',
    number: '数值',
    choice: '选项',
    boolean: '开关',
    range: '{min} 至 {max}，步长 {step}',
    booleanValues: '1（开）或 0（关）',
    option: '{value}：{label}',
    none: '—',
    embedId:
      '任意文字，最多 {max} 个字符；嵌入页会在调整高度的消息里原样带回，方便同一页面上有多个框架时区分它们。',
    embedIdLabel: '框架名称',
    layout: '框架显示图解的哪些部分：全部；参数排成一行；或者只显示图和播放控制。',
    present: '以演示模式打开图解：单独显示，铺满框架（或整个屏幕），文字放大。',
    events: '读者播放、修改参数或回答问题时，向宿主页面发送消息（见“发给宿主页面的事件”）。',
    text: '文本',
  },
  example: {
    caption: '{widget}，嵌入参数为 {settings}。',
    snippet: '这个示例的 HTML：',
    snippetOnly: '例如，下面这段 HTML 以 {settings} 嵌入“{widget}”：',
    separator: '，',
  },
};
