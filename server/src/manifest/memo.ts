// Readings memoized on the node they read, for one text of the file (their offsets hold for that text only).

/**
 * Computes a reading of `node` once per file text: several rules read the same resources or the
 * same annotation in one lint. A later text (an edit moves offsets) computes it again.
 */
export function memoOn<T>(node: object, slot: symbol, text: string, compute: () => T): T {
  const holder = node as { [key: symbol]: { text: string; value: T } | undefined };
  const memo = holder[slot];
  if (memo && memo.text === text) return memo.value;
  const value = compute();
  holder[slot] = { text, value };
  return value;
}
