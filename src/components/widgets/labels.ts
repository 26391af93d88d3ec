/** Parameter labels for widget schemas: pickers into the widget dictionary, resolved when shown. */
import type { UiText } from '../controls/params';

/** A label taken from the widget dictionary of the page's language: `uiText((w) => w.param.rtt)`. */
export function uiText(pick: UiText): UiText {
  return pick;
}
