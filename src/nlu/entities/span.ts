/** Shared bits for the entity extractors. */
import type { Entity, EntityType } from '../types.ts';

/** Word boundaries that know about non-ASCII letters (JavaScript's \b does not). */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

export function entity(type: EntityType, value: string, start: number, end: number): Entity {
  return { type, value, start, end };
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;
