// A set of record ids as one bit each: what an import of a million rows remembers about the prospects it has
// already dealt with costs an eighth of a byte per prospect, not the ~40 bytes of a Set entry.

/** Ids from here on (kept by a file's own ids, not handed out by the counters) go into a plain Set. */
const FAR = 2 ** 28;

export class IdBits {
  private bits = new Uint8Array(1024);
  private readonly far = new Set<number>();

  has(id: number): boolean {
    if (id >= FAR) return this.far.has(id);
    return id >>> 3 < this.bits.length && (this.bits[id >>> 3]! & (1 << (id & 7))) !== 0;
  }

  add(id: number): void {
    if (id >= FAR) {
      this.far.add(id);
      return;
    }
    if (id >>> 3 >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, (id >>> 3) + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[id >>> 3]! |= 1 << (id & 7);
  }

  /** The ids of `ids` not in the set yet, each once and in ascending order (ascending), now added. */
  addNew(ids: Iterable<number>): number[] {
    const fresh: number[] = [];
    for (const id of ids) {
      if (this.has(id)) continue;
      this.add(id);
      fresh.push(id);
    }
    return ascending(fresh);
  }
}

/**
 * Ids in ascending order, as a statement should look them up: one pass through the primary key's pages rather than
 * a jump per id (on SQLite, whose page cache a large import outgrows, the difference is a page read per id).
 */
export const ascending = (ids: Iterable<number>): number[] => [...ids].sort((a, b) => a - b);
