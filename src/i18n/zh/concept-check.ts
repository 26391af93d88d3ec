import type { conceptCheck as en } from '../en/concept-check';

/** 概念自测（`ConceptCheck.astro`）的中文界面文字。 */
export const conceptCheck: typeof en = {
  heading: '概念自测',
  single: '单选题。',
  multiple: '多选题：选出所有正确的选项。',
  check: '检查',
  retry: '再试一次',
  reveal: '查看答案与解析',
  answer: '答案：{answer}。',
  correct: '正确。',
  incorrect: '错误。',
  chosen: '你的选择',
  empty: '请先选择答案。',
  right: '答对了：{answer}。每个选项下面都给出了对错的理由。',
  wrong: '不对：你选了 {chosen}，正确答案是 {answer}。每个选项下面都给出了对错的理由。',
  separator: '、',
};
