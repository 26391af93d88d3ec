/**
 * A first-in, first-out queue whose `shift` costs the same however long the queue is. An array's
 * own `shift` moves every element, and V8 takes it off its fast path once the array holds more
 * than about 100 elements (a runtime call per shift): a 1000-object page's request queue paid
 * that once per request.
 */
export class Fifo<T> {
  /** The items, the first one at `head` (the slots before it are spent). */
  private items: (T | undefined)[] = [];
  private head = 0;

  /** Number of items queued. */
  get length(): number {
    return this.items.length - this.head;
  }

  /** The first item (undefined when empty). */
  get first(): T | undefined {
    return this.items[this.head];
  }

  /** Adds `x` at the end. */
  push(x: T): void {
    this.items.push(x);
  }

  /** Adds `x` at the front (it comes out next). */
  unshift(x: T): void {
    if (this.head > 0) this.items[--this.head] = x;
    else this.items.unshift(x);
  }

  /** Removes and returns the first item (undefined when empty). */
  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const x = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      // Drained: start over.
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      // Mostly spent slots: drop them (amortized over the shifts that spent them).
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }

  /** Removes and returns the first `n` items (fewer when the queue is shorter). */
  take(n: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < n && this.length > 0; i++) out.push(this.shift() as T);
    return out;
  }
}
