/**
 * Shape of the demo content of one region. Facts come from ../shared/seeds and
 * ../shared/domain; every invented value carries `illustrative: true` (or is listed in
 * `illustrativeFields`) so the portal can say so.
 */
import type {
  BUDGET_SOURCES, HORIZONS, KPI_POLARITIES, MASTERPLAN_STATUSES, OPD_ROLES, READINESS_ASPECTS, SWOT_KINDS,
} from '../masterplan/schema.ts';

type Of<T extends readonly string[]> = T[number];

export interface DemoKpi {
  name: string;
  unit: string;
  polarity: Of<typeof KPI_POLARITIES>;
  baselineValue: number | null;
  baselineYear: number | null;
  illustrative: boolean;
  /** valueMax only for polarity "range". */
  targets: { year: number; value: number; valueMax?: number }[];
}

export interface DemoProgram {
  /** Unique within the region, e.g. "KKR-GOV-01". */
  code: string;
  title: string;
  description: string;
  /** Element key of the framework, e.g. "governance.public-service". */
  elementKey: string;
  /** Abbreviation of an OPD of the same region. */
  leadOpd: string;
  supportingOpds: string[];
  horizon: Of<typeof HORIZONS>;
  startYear: number;
  endYear: number;
  serviceName?: string;
  serviceUrl?: string;
  /** True when the program itself is invented (not named by a source). */
  illustrative: boolean;
  budgets: { year: number; source: Of<typeof BUDGET_SOURCES>; amount: number; illustrative: boolean }[];
  /** Kemendagri codes of kecamatan or desa inside the region. */
  locations: string[];
  kpis: DemoKpi[];
}

export interface DemoRegion {
  regionCode: string;
  masterplan: {
    title: string;
    periodStart: number;
    periodEnd: number;
    vision: string;
    mission: string[];
    legalBasis: string;
    status: Of<typeof MASTERPLAN_STATUSES>;
    /** Which of the fields above are invented. */
    illustrativeFields: string[];
  };
  opds: { abbreviation: string; name: string; role?: Of<typeof OPD_ROLES> }[];
  readiness: {
    dimensionKey: string;
    aspect: Of<typeof READINESS_ASPECTS>;
    summary: string;
    illustrative: boolean;
    swot: { kind: Of<typeof SWOT_KINDS>; text: string }[];
  }[];
  programs: DemoProgram[];
  quickWins: { year: number; dimensionKey: string; programCode: string; progress: number | null; progressIllustrative: boolean }[];
  /** Sources of the facts used, shown on the region page. */
  sources: string[];
}
