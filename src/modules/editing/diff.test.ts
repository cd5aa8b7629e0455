import { describe, expect, it } from 'vitest';
import { applyPatch, diffSnapshots } from './diff.ts';

describe('diffSnapshots', () => {
  it('lists changed fields only, comparing arrays and objects by value', () => {
    const a = { title: 'A', budgets: [{ year: 2024, amount: 1 }], locations: ['64.02.01'], serviceUrl: null };
    const b = { title: 'B', budgets: [{ year: 2024, amount: 1 }], locations: ['64.02.01', '64.02.02'], serviceUrl: null };
    expect(diffSnapshots(a, b)).toEqual([
      { field: 'title', before: 'A', after: 'B' },
      { field: 'locations', before: ['64.02.01'], after: ['64.02.01', '64.02.02'] },
    ]);
  });
  it('treats a missing snapshot as all-new and undefined as null', () => {
    expect(diffSnapshots(null, { title: 'X' })).toEqual([{ field: 'title', before: null, after: 'X' }]);
    expect(diffSnapshots({ a: undefined }, { a: null })).toEqual([]);
    expect(diffSnapshots({ a: 1 }, { a: 1 })).toEqual([]);
  });
  it('applyPatch changes only named keys', () => {
    expect(applyPatch({ a: 1, b: 2 }, { b: 3 })).toEqual({ a: 1, b: 3 });
  });
});
