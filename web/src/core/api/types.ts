/** Shapes of the Pilar HTTP API v1, as documented in docs/api.md. */
export type Lang = 'id' | 'en';
export type Name = { id: string; en: string };
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';
export type Horizon = 'short' | 'medium' | 'long';
export type MasterplanStatus = 'draft' | 'adopted';
export type OpdRole = 'leading_sector' | 'coordinator' | null;
export type ReadinessAspect = 'struktur' | 'infrastruktur' | 'suprastruktur';
export type SwotKind = 'strength' | 'weakness' | 'opportunity' | 'threat';
export type Polarity = 'higher' | 'lower' | 'range';

export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
export type ApiErrorBody = { error: { code: string; message: Name; field?: string } };

export type AppConfig = { tileUrl: string; currentYear: number; uploadMaxMb: number };

export type Framework = {
  version: string;
  name: Name;
  dimensions: { key: string; name: Name; elements: { key: string; name: Name }[] }[];
};

export type Region = {
  code: string; name: string; level: RegionLevel; parentCode: string | null;
  lat: number | null; lng: number | null; population: number | null; areaKm2: number | null;
};
export type RegionDetail = Region & {
  ancestors: { code: string; name: string; level: RegionLevel }[];
  childCount: number; participating: boolean;
};

export type Participant = {
  code: string; name: string; province: { code: string; name: string };
  lat: number | null; lng: number | null; population: number | null; areaKm2: number | null;
  masterplan: { id: string; title: string; periodStart: number; periodEnd: number; status: MasterplanStatus };
  programCount: number; budgetTotal: number;
};

export type OpdRef = { id: string; name: string; abbreviation: string };
export type RegionRef = { code: string; name: string };

export type Readiness = {
  id: string; dimensionKey: string; aspect: ReadinessAspect; summary: string; illustrative: boolean;
  swot: { kind: SwotKind; text: string }[];
};
export type MasterplanDimension = {
  key: string; name: Name; programCount: number; budgetTotal: number;
  elements: { key: string; name: Name; programCount: number }[];
  quickWins: { year: number; program: { id: string; title: string }; progress: number | null }[];
};
export type Masterplan = {
  id: string; region: RegionRef; frameworkVersion: string;
  title: string; periodStart: number; periodEnd: number; vision: string; mission: string[];
  legalBasis: string; status: MasterplanStatus; illustrativeFields: string[]; version: number;
  opds: (OpdRef & { role: OpdRole; programCount: number })[];
  readiness: Readiness[];
  dimensions: MasterplanDimension[];
  totals: {
    programCount: number; budgetTotal: number; budgetIllustrative: boolean;
    budgetByYear: { year: number; amount: number }[]; budgetBySource: { source: string; amount: number }[];
  };
  quickWinYears: number[]; sources: string[];
};

export type ProgramSummary = {
  id: string; code: string; title: string; dimensionKey: string; elementKey: string;
  leadOpd: OpdRef; horizon: Horizon; startYear: number; endYear: number;
  budgetTotal: number; illustrative: boolean; quickWinYears: number[];
};
export type ProgramLocation = {
  code: string; name: string; level: 'district' | 'village';
  lat: number | null; lng: number | null; districtName: string | null;
};
export type Kpi = {
  id: string; name: string; unit: string; polarity: Polarity;
  baselineValue: number | null; baselineYear: number | null; illustrative: boolean;
  targets: { year: number; value: number; valueMax: number | null }[];
};
export type Program = ProgramSummary & {
  description: string; region: RegionRef; masterplanId: string; supportingOpds: OpdRef[];
  service: { name: string; url: string | null } | null; version: number; updatedAt: string;
  budgets: { year: number; source: string; amount: number; illustrative: boolean }[];
  locations: ProgramLocation[];
  kpis: Kpi[];
  quickWins: { year: number; dimensionKey: string; progress: number | null; progressIllustrative: boolean }[];
  /** A change waits for approval: the page shows the published version, marked as such. */
  hasPendingChanges?: boolean;
};

export type QuickWin = {
  year: number; dimension: string; dimensionName: Name; program: { id: string; title: string };
  opd: OpdRef; progress: number | null; progressIllustrative: boolean;
};

export type RegionOpd = OpdRef & { role: OpdRole; programCount: number };
export type OpdDetail = OpdRef & {
  role: OpdRole; region: RegionRef; lead: ProgramSummary[]; supporting: ProgramSummary[];
};

export type GeoFeature = {
  type: 'Feature'; id?: string | number;
  properties: { code: string; name: string; level?: RegionLevel };
  geometry: { type: string; coordinates: unknown } | null;
};
export type GeoCollection = { type: 'FeatureCollection'; features: GeoFeature[] };

/** Filters of GET /api/regions/{code}/programs. */
export type ProgramQuery = {
  dimension?: string; element?: string; opd?: string; horizon?: string; quickWinYear?: string;
  location?: string; q?: string; sort?: 'code' | 'title' | 'startYear' | 'budget'; order?: 'asc' | 'desc';
  limit?: number; offset?: number;
};

/* Accounts, roles, editing (docs/api.md, issue 4). */
export type Role = 'national_admin' | 'coordinator' | 'bappeda' | 'opd_officer' | 'assessor' | 'council';
export const ROLES: Role[] = ['national_admin', 'coordinator', 'bappeda', 'opd_officer', 'assessor', 'council'];
export type User = {
  id: string; email: string; name: string; role: Role; regionCode: string | null;
  opdId: string | null; assessorRegions: string[]; totpEnabled: boolean; active: boolean;
  /** Set while the user still has a temporary password (not in docs/api.md; sent by the server). */
  mustChangePassword?: boolean;
};
export type Me = {
  user: User | null; csrfToken: string | null;
  /** What the UI may offer; the server checks again on every request. */
  can: {
    editRegions: string[]; decideRegions: string[]; manageUsersRegions: string[]; auditRegions: string[]; allRegions: boolean;
    /** Not in docs/api.md; sent by the server. */
    readUnpublishedRegions?: string[];
  };
};
export type PersonRef = { id: string; name: string };
export type DiffEntry = { field: string; before: unknown; after: unknown };
export type ChangeStatus = 'pending' | 'approved' | 'rejected';
export type Change = {
  id: string; regionCode: string; entityType: 'program' | 'kpi'; entityId: string; entityTitle: string;
  action: 'create' | 'update'; status: ChangeStatus; baseVersion: number;
  patch: Record<string, unknown>; diff: DiffEntry[];
  author: PersonRef; createdAt: string; decidedBy: PersonRef | null;
  decidedAt: string | null; comment: string | null;
};
export type AuditEntry = {
  id: string; at: string; actor: { id: string; name: string; email: string } | null; action: string;
  entityType: string | null; entityId: string | null; regionCode: string | null; ip: string | null; details: unknown;
};
export type Dashboard = {
  pendingChanges: Change[]; myChanges: Change[]; returned: Change[];
  /** docs/api.md says ProgramSummary[]; the server sends {id, code, title} only. */
  unpublishedPrograms: (Pick<ProgramSummary, 'id' | 'code' | 'title'> & Partial<ProgramSummary>)[];
};
/** What a viewer who may see unpublished data of the region gets in addition. */
export type AdminProgramSummary = ProgramSummary & { published?: boolean };
export type AdminKpi = Kpi & { version?: number };
export type AdminProgram = Omit<Program, 'kpis'> & {
  kpis: AdminKpi[]; published?: boolean; pendingChange?: Change | null; hasPendingChanges?: boolean;
};
/** PATCH/POST /api/programs: `program` carries the id and new version (re-read the program for the rest). */
export type ProgramWriteResult = { status: 'published' | 'pending'; program: Pick<AdminProgram, 'id' | 'version'> & Partial<AdminProgram>; change?: Partial<Change> & { id: string } };
export type HistoryEntry = { version: number; at: string; by: PersonRef | null; action: string; changes: DiffEntry[] };
export type ApiToken = {
  id: string; name: string; regionCode: string | null; role: Role;
  createdAt?: string; lastUsedAt?: string | null; revokedAt?: string | null; createdBy?: PersonRef | null;
};
