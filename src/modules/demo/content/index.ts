/** Demo content of the four East Kalimantan regencies (facts from ../../../../shared seeds, the rest illustrative). */
import type { DemoRegion } from '../types.ts';
import { KUTAI_BARAT } from './kutai-barat.ts';
import { KUTAI_KARTANEGARA } from './kutai-kartanegara.ts';
import { PASER } from './paser.ts';
import { PENAJAM_PASER_UTARA } from './penajam-paser-utara.ts';

export { KUTAI_BARAT, KUTAI_KARTANEGARA, PASER, PENAJAM_PASER_UTARA };

/** Kutai Kartanegara (64.02), Paser (64.01), Penajam Paser Utara (64.09), Kutai Barat (64.07). */
export const DEMO_REGIONS: DemoRegion[] = [KUTAI_KARTANEGARA, PASER, PENAJAM_PASER_UTARA, KUTAI_BARAT];
