import type { SqlParameters } from './sqlDatabase.js';

export interface PostgresQuery {
  text: string;
  /** For each `$n`, the name of its `@name` parameter, or its position for `?`. */
  order: Array<string | number>;
}

/**
 * Rewrites the portable placeholders (`?` in order, `@name` by name) into PostgreSQL's `$1`, `$2`, …, leaving
 * quoted strings and identifiers alone. The same `@name` used twice becomes the same `$n`.
 */
export function toPostgresQuery(sql: string): PostgresQuery {
  const order: Array<string | number> = [];
  const named = new Map<string, number>();
  let text = '';
  let positional = 0;
  for (let index = 0; index < sql.length; index++) {
    const character = sql[index] as string;
    if (character === "'" || character === '"') {
      const end = sql.indexOf(character, index + 1);
      const stop = end === -1 ? sql.length : end + 1;
      text += sql.slice(index, stop);
      index = stop - 1;
    } else if (character === '?') {
      order.push(positional++);
      text += `$${order.length}`;
    } else if (character === '@' && /[A-Za-z_]/.test(sql[index + 1] ?? '')) {
      const name = /^[A-Za-z_]\w*/.exec(sql.slice(index + 1))?.[0] as string;
      let number = named.get(name);
      if (number === undefined) {
        order.push(name);
        number = order.length;
        named.set(name, number);
      }
      text += `$${number}`;
      index += name.length;
    } else {
      text += character;
    }
  }
  return { text, order };
}

export function postgresValues(query: PostgresQuery, parameters: SqlParameters | undefined): unknown[] {
  if (parameters === undefined) return [];
  if (Array.isArray(parameters)) return query.order.map((position) => (parameters as unknown[])[position as number]);
  const byName = parameters as Readonly<Record<string, unknown>>;
  return query.order.map((name) => {
    if (!(name in byName)) throw new Error(`missing SQL parameter @${String(name)}`);
    return byName[name as string];
  });
}
