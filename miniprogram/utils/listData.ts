// setData helpers for long lists: a page that shows more rows sends only the new ones to the view.

/** `{ 'rows[20]': a, 'rows[21]': b }`: `items` placed after the `shown` rows of the list at `key`, by path. */
export function appended<T>(key: string, shown: number, items: readonly T[]): Record<string, T> {
  return Object.fromEntries(items.map((item, n) => [`${key}[${shown + n}]`, item]));
}
