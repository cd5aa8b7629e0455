/** Colour of a kecamatan on the late map by how many of its programs are late (0, 1, 2, 3+). */
export const LATE_COLORS = ['#e5e7eb', '#fcd34d', '#f97316', '#b91c1c'] as const;
export const lateColor = (n: number) => LATE_COLORS[Math.min(3, n)]!;
