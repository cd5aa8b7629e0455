import type { Name } from '../../core/api/types.ts';

/** API paths and answer shapes of the evaluation (mirrors src/modules/evaluation/cycle/queries.ts). */
const enc = encodeURIComponent;
const base = (code: string, year: number | string) => `/api/regions/${enc(code)}/evaluations/${enc(String(year))}`;
export const evalPaths = {
  instruments: () => '/api/evaluation/instruments',
  index: () => '/api/evaluation/index',
  results: (year?: number | null, province?: string | null) => {
    const q = new URLSearchParams();
    if (year) q.set('year', String(year));
    if (province) q.set('province', province);
    const s = q.toString();
    return `/api/evaluation/results${s ? `?${s}` : ''}`;
  },
  list: (code: string) => `/api/regions/${enc(code)}/evaluations`,
  cycle: base,
  history: (code: string, year: number) => `${base(code, year)}/history`,
  evidenceOptions: (code: string, year: number) => `${base(code, year)}/evidence-options`,
  selfAssessment: (code: string, year: number) => `${base(code, year)}/self-assessment`,
  submit: (code: string, year: number) => `${base(code, year)}/submit`,
  validation: (code: string, year: number) => `${base(code, year)}/validation`,
  narrative: (code: string, year: number) => `${base(code, year)}/narrative`,
  finalize: (code: string, year: number) => `${base(code, year)}/finalize`,
  report: (code: string, year: number, format: 'pdf' | 'docx') => `${base(code, year)}/report.${format}`,
};

export type Status = 'self_assessment' | 'submitted' | 'final';

export interface Level { level: number; name?: Name; description: Name; evidence?: Name }
export interface Indicator {
  key: string; name: Name; dimension: string | null; weight: number; cumulative: boolean; levels: Level[];
  suggestFrom?: 'program-status' | 'quick-win-progress' | null;
}
export interface Aspect { key: string; name: Name; weight: number; indicators: Indicator[] }
export interface Component { key: string; name: Name; weight: number; aspects: Aspect[] }
export interface Instrument {
  id: string; version: string; kind: 'smart-city' | 'spbe'; name: Name; year: number | null; group: string | null;
  scale: { min: number; max: number }; components: Component[]; predicates: { name: Name; min: number }[]; source: string; ownWording: boolean;
}
/** GET /api/evaluation/instruments (names in Indonesian, `nameEn` in English). */
export interface InstrumentSummary {
  id: string; version: string; kind: 'smart-city' | 'spbe'; name: string; nameEn: string; year: number | null;
  scale: { min: number; max: number }; components: { key: string; name: string; nameEn: string; weight: number }[];
}
/** POST /api/evaluation/index */
export interface IndexAnswer { instrument: string; index: number; predicate?: string; predicateEn?: string }
/** A name in the reader's language from an {name, nameEn} pair. */
export const named = (x: { name: string; nameEn?: string }, lang: 'id' | 'en') => (lang === 'en' && x.nameEn ? x.nameEn : x.name);

export interface EvidenceLink { kind: 'program' | 'report' | 'quickwin'; id: string }
export interface SelfAnswer {
  level?: number | null; metLevels?: number[] | null; justification: string; files: string[]; links: EvidenceLink[];
  suggested?: { level: number; confirmed: boolean } | null;
}
export interface ValidatedAnswer { level?: number | null; metLevels?: number[] | null; reason: string }

export interface PartScore { key: string; name: Name; weight: number; score: number | null; answered: number; total: number; missing: string[] }
export interface ScoreResult {
  instrumentId: string; index: number | null; predicate: { name: Name; min: number } | null;
  components: (PartScore & { aspects: PartScore[] })[];
  dimensions: { key: string; score: number | null; answered: number; total: number }[];
  indicators: { key: string; name: Name; component: string; aspect: string; dimension: string | null; level: number | null }[];
  missing: string[]; complete: boolean;
}
export interface Gap { self: number | null; validated: number | null; gap: number | null }
export interface Candidate { kind: string; key: string; value: number; text: Name }
export interface Suggestion { level: number; basis: string; percent: number; explanation: Name; links: EvidenceLink[] }
export interface FileMeta { id: string; name: string; mime: string; size: number; url: string; thumbnailUrl: string | null }

export interface CycleView {
  id: string; region: { code: string; name: string; province: string }; year: number; status: Status; published: boolean;
  illustrative: boolean; version: number; instrument: Instrument;
  selfAnswers: Record<string, SelfAnswer>; validation: Record<string, ValidatedAnswer>; interviewNotes: string | null;
  narrative: { strengths: string[]; weaknesses: string[]; recommendations: string[] };
  scores: { self: ScoreResult; validated: ScoreResult | null; gap: { index: Gap; components: (Gap & { key: string })[]; dimensions: (Gap & { key: string })[]; indicators: (Gap & { key: string })[] } | null };
  previous: { year: number; index: number; instrumentId: string; scores: ScoreResult | null } | null;
  improvement: { delta: number | null; sameInstrument: boolean; note: Name | null } | null;
  history: { year: number; index: number; instrumentId: string; instrumentName: Name; illustrative: boolean }[];
  rank: { rank: number; of: number; tied: boolean } | null;
  evidence: { files: Record<string, FileMeta>; links: Record<string, { kind: EvidenceLink['kind']; title: string }> };
  candidates: { strengths: Candidate[]; weaknesses: Candidate[]; recommendations: Candidate[] } | null;
  suggestions: Record<string, Suggestion>;
  can: { selfAssess: boolean; validate: boolean; narrative: boolean; finalize: boolean };
  submittedAt: string | null; finalizedAt: string | null;
}

export interface CycleSummary {
  year: number; status: Status; published: boolean; illustrative: boolean; version: number;
  instrumentId: string; instrumentName: Name | null; selfIndex: number | null; validatedIndex: number | null;
}

export interface NationalResults {
  years: number[]; year: number | null; provinces: { code: string; name: string }[];
  items: {
    rank: number; tied: boolean; of: number; regionCode: string; regionName: string; province: { code: string | null; name: string };
    index: number; predicate: Name | null; instrumentId: string; instrumentName: Name; illustrative: boolean;
    previousIndex: number | null; delta: number | null; sameInstrument: boolean;
  }[];
}

export interface EvidenceOptions {
  programs: { id: string; title: string }[];
  quickWins: { id: string; title: string; dimension: string; progress: number | null }[];
  reports: { id: string; title: string; physicalPct: number | null }[];
}

export const DIMENSION_KEYS = ['governance', 'branding', 'economy', 'living', 'society', 'environment'] as const;
