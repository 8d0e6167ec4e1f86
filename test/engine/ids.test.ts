/** Row ids of the write path: UUIDv7, so they are valid UUIDs that grow with time (src/engine/ids.ts). */
import { describe, expect, it } from 'vitest';
import { timeUuid } from '../../src/engine/ids.js';
import { Uuid } from '../../src/schemas.js';

describe('timeUuid', () => {
  it('is a version 7 UUID carrying its millisecond, ordered by time, random within one', () => {
    const t = Date.parse('2026-01-15T12:00:00Z');
    const id = timeUuid(t);
    expect(Uuid.safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
    const ids = [t, t + 1, t + 1000, t + 86_400_000].map(timeUuid);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => timeUuid(t))).size).toBe(1000);
  });
});
