/** Field-level differences between two snapshots (pure). Arrays and objects compare by value. */
export interface FieldChange { field: string; before: unknown; after: unknown }

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffSnapshots(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])];
  return keys
    .filter((k) => !same(before?.[k], after[k]))
    .map((k) => ({ field: k, before: before?.[k] ?? null, after: after[k] ?? null }));
}

/** The snapshot a patch would produce: only keys the patch names change. */
export function applyPatch(snapshot: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  return { ...snapshot, ...patch };
}
