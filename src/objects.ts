/**
 * `{ ...base, ...fields }` for hot paths. The V8 of Node 20 copies `{ ...base }` fast but then adds each
 * key that `base` does not have on a slow path (about 0.6 µs a key, measured: `{ ...ctx, intent,
 * confidence }` 1.7 µs, this 0.1 µs). Same result: the own enumerable string keys of `base`, then of
 * `fields`, in that order, as data properties (`__proto__` too). Only for plain objects without symbol keys.
 */
export function extended<B extends object, F extends object>(base: B, fields: F): Omit<B, keyof F> & F {
  const out: Record<string, unknown> = {};
  copyInto(out, base as Record<string, unknown>);
  copyInto(out, fields as Record<string, unknown>);
  return out as Omit<B, keyof F> & F;
}

function copyInto(out: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const key of Object.keys(from)) {
    if (key === '__proto__') Object.defineProperty(out, key, { value: from[key], enumerable: true, writable: true, configurable: true });
    else out[key] = from[key];
  }
}
