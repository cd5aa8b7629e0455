/** Words kept upper-case when turning official ALL-CAPS names into display names. */
const KEEP_UPPER = new Set(['DKI', 'DI']);

/**
 * idn-area-data writes province and regency names in capitals ("KABUPATEN KUTAI
 * KARTANEGARA"); the portal shows them as people write them ("Kabupaten Kutai
 * Kartanegara"). Names already in mixed case (districts, villages) are left alone.
 */
export function displayName(raw: string): string {
  const name = raw.trim();
  if (name !== name.toUpperCase()) return name;
  return name
    .split(/(\s+|-|\(|\))/)
    .map((w) => (KEEP_UPPER.has(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join('');
}

/** Level of a Kemendagri code by its number of dotted parts. */
export function levelOfCode(code: string): 'province' | 'regency' | 'district' | 'village' | undefined {
  if (!/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(code)) return undefined;
  return (['province', 'regency', 'district', 'village'] as const)[code.split('.').length - 1];
}
