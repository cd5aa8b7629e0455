/** A binary min-heap of (key, id) pairs in typed arrays; ties pop the lower id first. */
export class MinHeap {
  private keys: Float64Array;
  private ids: Int32Array;
  size = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(Math.max(4, capacity));
    this.ids = new Int32Array(Math.max(4, capacity));
  }

  clear() { this.size = 0; }

  private less(a: number, b: number) {
    const ka = this.keys[a]!, kb = this.keys[b]!;
    return ka < kb || (ka === kb && this.ids[a]! < this.ids[b]!);
  }

  private swap(a: number, b: number) {
    const k = this.keys[a]!; this.keys[a] = this.keys[b]!; this.keys[b] = k;
    const i = this.ids[a]!; this.ids[a] = this.ids[b]!; this.ids[b] = i;
  }

  push(key: number, id: number) {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2); k.set(this.keys); this.keys = k;
      const d = new Int32Array(this.size * 2); d.set(this.ids); this.ids = d;
    }
    let n = this.size++;
    this.keys[n] = key; this.ids[n] = id;
    while (n > 0) {
      const p = (n - 1) >> 1;
      if (!this.less(n, p)) break;
      this.swap(n, p); n = p;
    }
  }

  topKey() { return this.keys[0]!; }
  topId() { return this.ids[0]!; }

  pop() {
    const last = --this.size;
    if (last > 0) {
      this.keys[0] = this.keys[last]!; this.ids[0] = this.ids[last]!;
      let n = 0;
      for (;;) {
        const l = 2 * n + 1, r = l + 1;
        let m = n;
        if (l < last && this.less(l, m)) m = l;
        if (r < last && this.less(r, m)) m = r;
        if (m === n) break;
        this.swap(n, m); n = m;
      }
    }
  }
}
