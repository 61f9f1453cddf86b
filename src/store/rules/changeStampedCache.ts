/**
 * A map of values read from the database, valid while the database is unchanged: `at(stamp)`
 * hands out the same map while the change stamp stays the same (and the map stays under its
 * size limit), and an empty one once it differs. `forget()` drops it regardless, for changes
 * the stamp cannot show (a rolled-back transaction).
 */
export class ChangeStampedCache<K, V> {
  private stamp = '';
  private values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  at(stamp: string): Map<K, V> {
    if (stamp !== this.stamp || this.values.size > this.limit) {
      this.stamp = stamp;
      this.values = new Map();
    }
    return this.values;
  }

  forget(): void {
    this.stamp = '';
    this.values = new Map();
  }
}
