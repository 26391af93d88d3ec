/**
 * Every control a chapter names exists, with that label, in the widget it names: chapters quote
 * controls with `<ControlName widget="…">label</ControlName>`, and a control named in quotes
 * without it ("use the “…” slider") fails too, so a renamed control cannot leave the prose behind.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelOf, type ParamSpec } from '../../../src/components/controls/params';
import { resolveWidget } from '../../../src/components/widgets/registry';
import { widgetParams } from '../../../src/components/widgets/schemas';
import { ui } from '../../../src/i18n/ui';
import { languages, type Lang } from '../../../src/i18n';

const root = join(import.meta.dirname, '../../../src/content');

function files(lang: Lang): { name: string; text: string }[] {
  const dirs = [join(root, 'chapters', lang), join(root, 'pages', lang)];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => ({ name: `${lang}/${f}`, text: readFileSync(join(dir, f), 'utf8') })),
  );
}

/** Every label a reader can see on a widget's controls: parameters, their options, the player. */
function controlLabels(widget: string, lang: Lang): Set<string> {
  const schema: readonly ParamSpec[] = widgetParams[resolveWidget(widget)].schema;
  const w = ui(lang).widgets;
  const labels = new Set<string>([w.play, w.pause, w.stepBack, w.stepNext, w.reset, w.end]);
  for (const p of schema) {
    labels.add(labelOf(p.label, lang));
    if (p.type === 'enum')
      for (const o of p.options) {
        const l = p.optionLabels?.[o];
        labels.add(l === undefined ? String(o) : labelOf(l, lang));
      }
  }
  return labels;
}

const TAG = /<ControlName\s+widget="([^"]+)"\s*>([\s\S]*?)<\/ControlName>/g;
/**
 * A control named in quotes without the tag: “…” followed by a word for a control, or after a
 * verb that works one ("use “…”", "用“…”").
 */
const BARE = {
  en: [
    /["“]([^"”\n]{2,60})["”]\s+(control|slider|button|switch|checkbox|toggle|setting|menu|field)\b/gi,
    /\b(use|press|click|tick|untick|turn on|turn off|switch on|switch off)\s+(the\s+)?["“]([^"”\n]{2,60})["”]/gi,
  ],
  zh: [
    /“([^”\n]{1,40})”\s*的?\s*(控件|滑块|按钮|开关|复选框|下拉菜单|选项|输入框)/g,
    /(用|点|按|点击|勾选|打开|关掉|拖动)“([^”\n]{1,40})”/g,
  ],
} as const;

describe.each(languages)('control names in the %s content', (lang) => {
  const all = files(lang);

  it.each(all.map((f) => [f.name, f.text] as const))(
    '%s names only controls its widgets have',
    (_name, text) => {
      const missing: string[] = [];
      for (const m of text.matchAll(TAG)) {
        const [, widget = '', label = ''] = m;
        const name = label.trim();
        if (!controlLabels(widget, lang).has(name)) missing.push(`${widget}: “${name}”`);
      }
      expect(missing).toEqual([]);
    },
  );

  it.each(all.map((f) => [f.name, f.text] as const))(
    '%s quotes no control name outside <ControlName>',
    (_name, text) => {
      const bare = BARE[lang].flatMap((re) => [...text.matchAll(re)].map((m) => m[0]));
      expect(bare).toEqual([]);
    },
  );
});

describe('controlLabels', () => {
  it('knows the Pipelining widget’s slow-first-response control in both languages', () => {
    expect(controlLabels('pipelining', 'en').has('Extra server time for the first image')).toBe(
      true,
    );
    expect(controlLabels('pipelining', 'en').has('make the first response slow')).toBe(false);
  });
});
