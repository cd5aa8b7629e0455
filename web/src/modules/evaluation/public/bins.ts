/** Sequential colours for index bins on a 0–5 scale (light → dark); the map and its legend share them. */
export const BINS = [
  { min: 0, color: '#d7e8ef' }, { min: 1, color: '#a9cddc' }, { min: 2, color: '#6faec6' },
  { min: 3, color: '#2f86a6' }, { min: 4, color: '#0b4f6c' },
];

export const colorFor = (index: number, max: number) => {
  const scaled = (index / max) * 5;
  return [...BINS].reverse().find((b) => scaled >= b.min)?.color ?? BINS[0]!.color;
};
