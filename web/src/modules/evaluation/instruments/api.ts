import { apiWrite } from '../../../core/api/client.ts';

/** GET /api/evaluation/instruments (one entry per id, its latest version). */
export interface InstrumentSummary {
  id: string;
  version: string;
  kind: 'smart-city' | 'spbe';
  name: string;
  nameEn: string;
  year: number | null;
  group: string | null;
  scale: { min: number; max: number };
  ownWording: boolean;
  assumption: { id: string; en: string } | null;
  source: string;
  predicates: { name: string; nameEn: string; min: number }[];
  components: { key: string; name: string; nameEn: string; weight: number }[];
  importedAt?: string;
}

export interface InstrumentProblem { line: number; column: number; field: string; message: { id: string; en: string } }

export type CheckResult =
  | { valid: true; instrument: InstrumentSummary; indicators: number; existing: 'none' | 'same' | 'different' }
  | { valid: false; problems: InstrumentProblem[] };

export const instrumentPaths = {
  list: () => '/api/evaluation/instruments',
  one: (id: string) => `/api/evaluation/instruments/${encodeURIComponent(id)}`,
  file: (id: string) => `/api/evaluation/instruments/${encodeURIComponent(id)}/file`,
};

export const checkInstrument = (text: string) => apiWrite<CheckResult>('POST', '/api/evaluation/instruments/check', { text });
export const importInstrument = (text: string) =>
  apiWrite<{ status: 'imported' | 'unchanged'; id: string; version: string }>('POST', '/api/evaluation/instruments', { text });
