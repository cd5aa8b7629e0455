import { z } from 'zod';
import { parseInput } from '../../core/errors.ts';

/**
 * The cost catalogue of the connectivity planner: every figure in rupiah, opex per year.
 * The defaults and their sources are in catalogue.md (USD figures of the domain notes at an
 * assumed Rp 16,000 per USD).
 */

// Custom messages are "Indonesian | English" (see core/errors.ts).
const rupiah = z.number({ error: 'Harus angka rupiah | Must be an amount in rupiah' })
  .finite('Harus angka terhingga | Must be a finite number')
  .min(0, 'Tidak boleh negatif | Cannot be negative')
  .max(1e15, 'Paling banyak Rp 1.000 triliun | At most Rp 1,000 trillion');
const km = (max: number) => z.number({ error: 'Harus angka kilometer | Must be a number of kilometres' })
  .finite('Harus angka terhingga | Must be a finite number')
  .min(0, 'Tidak boleh negatif | Cannot be negative')
  .max(max, `Paling banyak ${max} km | At most ${max} km`);

export const catalogueSchema = z.object({
  currency: z.literal('IDR', 'Mata uang harus IDR (rupiah) | Currency must be IDR (rupiah)'),
  horizonYears: z.number({ error: 'Harus angka tahun | Must be a number of years' })
    .int('Harus bilangan bulat | Must be a whole number')
    .min(1, 'Paling sedikit 1 tahun | At least 1 year')
    .max(50, 'Paling banyak 50 tahun | At most 50 years'),
  discountRate: z.number({ error: 'Harus angka (mis. 0,08 untuk 8%) | Must be a number (e.g. 0.08 for 8%)' })
    .finite('Harus angka terhingga | Must be a finite number')
    .min(0, 'Tidak boleh negatif | Cannot be negative')
    .max(1, 'Paling besar 1 (100%) | At most 1 (100%)')
    .default(0),
  tower: z.object({
    capex: rupiah,
    opexPerYear: rupiah,
    radiusKm: km(100).positive('Harus lebih dari 0 | Must be more than 0'),
  }).strict(),
  fibre: z.object({
    capexPerKm: rupiah,
    opexPerKmPerYear: rupiah,
    routingFactor: z.number({ error: 'Harus angka | Must be a number' })
      .finite('Harus angka terhingga | Must be a finite number')
      .min(1, 'Paling kecil 1 (jalur tidak lebih pendek dari garis lurus) | At least 1 (a route is never shorter than the straight line)')
      .max(5, 'Paling besar 5 | At most 5'),
    maxKm: km(1000),
  }).strict(),
  microwave: z.object({ capexPerHop: rupiah, opexPerYear: rupiah, maxKm: km(200) }).strict(),
  satelliteBackhaul: z.object({ capex: rupiah, opexPerYear: rupiah }).strict(),
  vsat: z.object({ capex: rupiah, opexPerYear: rupiah }).strict(),
}).strict();

export type Catalogue = z.output<typeof catalogueSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;

/** The exchange rate the defaults assume (rupiah per US dollar). */
export const RUPIAH_PER_USD = 16_000;
const usd = (x: number) => Math.round(x * RUPIAH_PER_USD);

/**
 * Pilar's default catalogue. Each figure's source and reasoning is in catalogue.md; the
 * short form is in the comments.
 */
export const DEFAULT_CATALOGUE: Catalogue = Object.freeze({
  currency: 'IDR',
  horizonYears: 5, // the RPJMD period is five years
  discountRate: 0,
  tower: {
    capex: usd(42_500), // new 4G site before backhaul, domain notes (Giga / pytal figures)
    opexPerYear: usd(6_000), // domain notes
    radiusKm: 8, // domain notes give 5–12 km; 8 km ≈ the middle
  },
  fibre: {
    capexPerKm: usd(12_750), // middle of USD 5,500–20,000 per km
    opexPerKmPerYear: usd(12_750 * 0.04), // 4 % of capex per year (notes: 3–5 %)
    routingFactor: 1.4, // assumption: cable follows roads and rivers, not the straight line
    maxKm: 50, // notes: maximum link ~47–50 km (routed)
  },
  microwave: {
    capexPerHop: usd(2_600 + 15_500), // radio hop (middle of 2,200–3,000) + mast (middle of 1,000–30,000)
    opexPerYear: usd((2_600 + 15_500) * 0.05), // assumption: 5 % of capex per year (not in the notes)
    maxKm: 30, // notes: 30–65 km with line of sight; the low end for forest and hills
  },
  satelliteBackhaul: {
    capex: usd(800), // notes: VSAT terminal 470–800, the high end for a backhaul dish
    opexPerYear: usd(20 * 310), // assumption: 20 Mbps at the notes' high end of USD 310 per Mbps per year (GEO)
  },
  vsat: {
    capex: usd(635), // middle of USD 470–800
    opexPerYear: usd(10 * 310), // assumption: 10 Mbps community access at USD 310 per Mbps per year
  },
}) as Catalogue;

/** Validates a catalogue (e.g. a JSON file); errors name the field, e.g. `tower.radiusKm`. */
export function parseCatalogue(input: unknown): Catalogue {
  return parseInput(catalogueSchema, input);
}

/**
 * Present value of one rupiah a year for `years` years at `rate`, paid at the end of each year:
 * sum_{t=1..H} 1/(1+r)^t; with rate 0 it is H, so cost = capex + opex × horizon.
 */
export function annuityFactor(years: number, rate: number): number {
  if (rate === 0) return years;
  let f = 0;
  for (let t = 1; t <= years; t++) f += 1 / (1 + rate) ** t;
  return f;
}

/** Cost of one option in whole rupiah: capex plus discounted opex over the horizon. */
export function lifeCost(capex: number, opexPerYear: number, annuity: number): number {
  return Math.round(capex + opexPerYear * annuity);
}
