/**
 * A pure function's results for the `capacity` keys used most recently. A Map keeps its keys in the order they were
 * set, so a key used again is set anew and the first key is the one used longest ago. (The lru-cache package took
 * ~15 ms to load, a tenth of what the bot may add to discord.js's start.)
 */
export function recentlyUsed<Value>(capacity: number): (key: string, make: () => Value) => Value {
  const values = new Map<string, Value>();
  return (key, make) => {
    let value = values.get(key);
    // One lookup on a hit: only a value stored as undefined needs the second.
    if (value !== undefined || values.has(key)) {
      values.delete(key);
    } else {
      value = make();
      if (values.size >= capacity) values.delete(values.keys().next().value as string);
    }
    values.set(key, value as Value);
    return value as Value;
  };
}
