/**
 * Watching a ladder's scrolling plot: `read` is called at once and again on every scroll and
 * resize, so the plot's position and height are known without reading the element during a
 * frame (which would lay the page out again). Returns the function that stops watching.
 */
export function watchPlot(plot: HTMLElement, read: () => void): () => void {
  read();
  plot.addEventListener('scroll', read);
  const resize = new ResizeObserver(read);
  resize.observe(plot);
  return () => {
    plot.removeEventListener('scroll', read);
    resize.disconnect();
  };
}
