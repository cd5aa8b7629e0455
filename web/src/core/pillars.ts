/** The six dimensions (pilar) in framework order; colours live in styles.css (.pillar-<key>). */
export const PILLAR_KEYS = ['governance', 'branding', 'economy', 'living', 'society', 'environment'] as const;

/** CSS class that sets --pc / --pc-soft for a dimension key (unknown keys fall back to grey). */
export function pillarClass(key: string): string {
  return (PILLAR_KEYS as readonly string[]).includes(key) ? `pillar-${key}` : 'pillar-other';
}

export function sortByPillar<T>(items: T[], keyOf: (t: T) => string): T[] {
  const rank = (k: string) => {
    const i = (PILLAR_KEYS as readonly string[]).indexOf(k);
    return i < 0 ? 99 : i;
  };
  return [...items].sort((a, b) => rank(keyOf(a)) - rank(keyOf(b)));
}
