/**
 * Shows the replay's diagrams (`ReplayViews.svelte`) in the replay page's figure, replacing the
 * previous replay's: loaded only once a page has been replayed, so the page itself stays light.
 */
import { mount, unmount, type ComponentProps } from 'svelte';
import { loadUiStrings } from '../widgets/ui-strings-loader';
import ReplayViews from './ReplayViews.svelte';

let shown: ReturnType<typeof mount> | undefined;

export async function showReplayViews(
  target: HTMLElement,
  props: ComponentProps<typeof ReplayViews>,
): Promise<void> {
  await loadUiStrings(props.lang);
  // The frame marks its host, the element named as a widget, when it is drawn (`data-ka-ready`).
  const host = target.parentElement;
  if (host) host.dataset['kaWidget'] = 'replay';
  if (shown) void unmount(shown);
  target.replaceChildren();
  shown = mount(ReplayViews, { target, props });
}
