/**
 * Everything an evaluation report (PDF, DOCX; Bahasa Indonesia) shows. Built by the
 * evaluation service from a cycle; rendered by ./pdf.ts and ./docx.ts without I/O.
 */
export interface EvaluationReportData {
  region: { code: string; name: string; province: string };
  year: number;
  instrument: { id: string; name: string; ownWording: boolean; scaleMax: number };
  /** Draft reports are marked as such on every page. */
  status: 'final' | 'draft';
  /** Demo or invented figures: the report says so on its cover and every page. */
  illustrative: boolean;
  index: {
    self: number | null;
    validated: number | null;
    previous: number | null;
    predicate: string | null;
    rank: { rank: number; of: number } | null;
  };
  components: { key: string; name: string; weight: number; self: number | null; validated: number | null }[];
  dimensions: { key: string; name: string; self: number | null; validated: number | null; previous: number | null }[];
  /** Final (validated) index of each earlier year, oldest first, with this year last. */
  history: { year: number; index: number; instrumentId: string }[];
  indicators: {
    key: string;
    name: string;
    component: string;
    dimension: string | null;
    self: number | null;
    validated: number | null;
    /** The assessor's reason where the validated level differs. */
    reason: string | null;
    /** Evidence titles; empty → "tanpa data dukung". */
    evidence: string[];
  }[];
  narrative: { strengths: string[]; weaknesses: string[]; recommendations: string[] };
  generatedAt: string;
}
