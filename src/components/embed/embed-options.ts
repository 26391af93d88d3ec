/**
 * An embed page's `present` and `events` keys, acted on once its widget is mounted:
 * `mount-widget.ts` loads this only when the address has one of them, so other pages never do.
 * The keys are read as the widget reads them for its notices (`parseParams` with their entries in
 * `EMBED_PARAMS`): `events=1` starts forwarding the reader's actions to the host page at once
 * (`host-events.ts`); `present=1` opens present mode as soon as the live widget shows
 * (`present.ts`).
 */
import { parseParams } from '../controls/params';
import { PENDING_ATTR } from '../widgets/island-attrs';
import { embedEventsParam, embedPresentParam, isEmbedPage } from './embed-query';
import { forwardEvents } from './host-events';

/** Reads the options of an embed page's address and applies them to its widget's island. */
export function applyEmbedOptions(island: HTMLElement): void {
  if (!isEmbedPage()) return;
  const schema = [embedPresentParam, embedEventsParam] as const;
  const { values } = parseParams(schema, window.location.search);
  if (values.events) forwardEvents(island);
  if (values.present) {
    whenShown(island, () => void import('../widgets/present').then((m) => m.presentIsland(island)));
  }
}

/** Calls `then` once the island shows its live widget (at once if it does already). */
function whenShown(island: HTMLElement, then: () => void): void {
  if (!island.hasAttribute(PENDING_ATTR)) {
    then();
    return;
  }
  const observer = new MutationObserver(() => {
    if (island.hasAttribute(PENDING_ATTR)) return;
    observer.disconnect();
    then();
  });
  observer.observe(island, { attributes: true, attributeFilter: [PENDING_ATTR] });
}
