/**
 * Values read from the database, valid while the database is unchanged: `at(stamp)` hands
 * out the same map while the change stamp stays the same (and the map stays under its size
 * limit), and an empty one once it differs. The stamp is whatever tells a backend that
 * something changed (SQLite: its change counters or generation; PostgreSQL: the change
 * sequence). `forget()` drops the map regardless, for changes the stamp cannot show (a
 * rolled-back transaction).
 */
export class ChangeStampedCache<K, V> {
  private stamp: string | number | undefined = undefined;
  private values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  at(stamp: string | number): Map<K, V> {
    if (stamp !== this.stamp || this.values.size > this.limit) {
      this.stamp = stamp;
      this.values = new Map();
    }
    return this.values;
  }

  /** The value under `key` at `stamp`, read (and kept) when missing. */
  async get(stamp: string | number, key: K, read: () => Promise<V>): Promise<V> {
    const values = this.at(stamp);
    if (values.has(key)) return values.get(key) as V;
    const value = await read();
    // Into the map of `stamp`: if the data changed meanwhile, that map is already dropped.
    values.set(key, value);
    return value;
  }

  forget(): void {
    this.stamp = undefined;
    this.values = new Map();
  }
}
