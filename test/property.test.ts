import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/modules/accounts/schema.ts';
import {
  BUDGET_SOURCES, HORIZONS, KPI_POLARITIES, MASTERPLAN_STATUSES, OPD_ROLES, READINESS_ASPECTS, SWOT_KINDS,
} from '../src/modules/masterplan/schema.ts';
import { apiHarness, Client, DEMO_PASSWORD, type Harness, type Reply } from './support/api.ts';
import {
  arrayOf, badEnum, badId, badRegionCode, badText, badVersion, badYear, enumOf, Live, mostly, payloads, setOwn,
  shape, text, yearIn, type Json, type Mix, type Shape,
} from './support/arbitraries.ts';
import { engine } from './support/engine.ts';
import { DEFAULT_CATALOGUE } from '../src/modules/connectivity/catalogue.ts';
import { SMALL } from '../src/modules/evaluation/instruments/fixtures.ts';

/**
 * Property: whatever JSON a write endpoint receives, it answers without a server error, and
 * every rejection is the Pilar error shape and names the offending field
 * ({error: {code, message: {id, en}, field}}). Only 401/403 `unauthenticated`/`csrf` may go
 * without a field, and those must not happen here: every client below is logged in.
 *
 * Each endpoint gets RUNS generated payloads (see support/arbitraries.ts for the mix). A
 * failure reports the request and response; fast-check shrinks the payload to a small one.
 * PILAR_PROPERTY_SEED=<n> replays a run; PILAR_PROPERTY_SURVEY=1 keeps going after a
 * violation and lists every distinct kind at the end (for fixing several at once).
 */

const RUNS = 1000;
const TIMEOUT = 120_000;
const SEED = process.env.PILAR_PROPERTY_SEED ? Number(process.env.PILAR_PROPERTY_SEED) : undefined;
const SURVEY = process.env.PILAR_PROPERTY_SURVEY === '1';

type Obj = Record<string, Json>;
type Method = 'POST' | 'PATCH' | 'PUT';

// ---- the property ----

const clip = (s: string, n = 500) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;

/** What is wrong with a response, if anything. */
function problemOf(r: Reply): string | null {
  if (r.status >= 500) return `server error ${r.status}`;
  if (r.status < 400) return null;
  const e = (r.body as { error?: { code?: unknown; message?: { id?: unknown; en?: unknown }; field?: unknown } } | null)?.error;
  if (!e || typeof e.code !== 'string') return `${r.status} without error.code`;
  if (!nonEmpty(e.message?.id) || !nonEmpty(e.message?.en)) return `${r.status} ${e.code} without a message in Indonesian and English`;
  const authOnly = (r.status === 401 || r.status === 403) && (e.code === 'unauthenticated' || e.code === 'csrf');
  if (!authOnly && !nonEmpty(e.field)) return `${r.status} ${e.code} rejection without error.field`;
  return null;
}

/** The error the server logged for a failed request (the harness collects its log lines). */
function serverError(lines: string[]): string {
  for (const line of lines) {
    try {
      const err = (JSON.parse(line) as { err?: { message?: string; stack?: string } }).err;
      if (!err) continue;
      // A failed query: the database's reason (the stack's "caused by"), then the start of the query.
      const reason = /\ncaused by: \w+: ([^\n]*)/.exec(err.stack ?? '')?.[1];
      const message = err.message ?? '';
      return reason ? `${reason} (in ${clip(message.split('\n')[0]!, 80)})` : message;
    } catch { /* not JSON */ }
  }
  return '';
}

/** Per endpoint: property executions (shrinking included), answers by status, and the fields rejections named. */
interface Stat { runs: number; statuses: Map<number, number>; fields: Map<string, number> }
const stats = new Map<string, Stat>();

interface Endpoint {
  /** e.g. "PATCH /api/programs/{id}" */
  label: string;
  method: Method;
  client: () => Client;
  url: (target: string) => string;
  /** Path ids to aim at; the body alone when absent. */
  targets?: fc.Arbitrary<string>;
  body: fc.Arbitrary<Json>;
  /** Values filled in at send time (current version, current password). */
  live?: Record<string, () => Json>;
  /** Follows the server's state after an answer (e.g. the version a successful update returns). */
  after?: (r: Reply, sent: Json, target: string) => void | Promise<void>;
  anonymous?: boolean;
  /** Property executions (RUNS when absent). */
  runs?: number;
}

/** Replaces Live markers at the top level of an object payload. */
function fill(body: Json, live: Record<string, () => Json> = {}): Json {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Obj = {};
  for (const [k, v] of Object.entries(body as Obj)) {
    const getter = v instanceof Live ? live[v.name] : undefined;
    if (v instanceof Live && !getter) throw new Error(`no live value "${v.name}"`);
    setOwn(out, k, getter ? getter() : v);
  }
  return out;
}

async function exercise(e: Endpoint): Promise<void> {
  const stat: Stat = { runs: 0, statuses: new Map(), fields: new Map() };
  stats.set(e.label, stat);
  const survey = new Map<string, { count: number; example: string }>();
  let lost = 0;
  const targets = e.targets ?? fc.constant('');
  await fc.assert(fc.asyncProperty(targets, e.body, async (target, raw) => {
    const sent = fill(raw, e.live);
    const payload = JSON.stringify(sent);
    const url = e.url(target);
    const logged = h.logs.length;
    const r = await e.client().request(e.method, url, payload, { 'content-type': 'application/json' });
    stat.runs++;
    stat.statuses.set(r.status, (stat.statuses.get(r.status) ?? 0) + 1);
    const error = (r.body as { error?: { code?: string; field?: string } } | null)?.error;
    const code = error?.code;
    if (typeof error?.field === 'string') stat.fields.set(error.field, (stat.fields.get(error.field) ?? 0) + 1);
    if (!e.anonymous && (code === 'unauthenticated' || code === 'csrf')) lost++;
    const problem = problemOf(r);
    if (problem) {
      const cause = r.status >= 500 ? serverError(h.logs.slice(logged)) : '';
      const report = `${e.label}: ${problem}\n  request:  ${e.method} ${clip(url, 200)} ${clip(payload)}\n  response: ${r.status} ${clip(JSON.stringify(r.body))}${cause ? `\n  server log: ${clip(cause, 300)}` : ''}`;
      if (!SURVEY) throw new Error(report);
      const key = `${problem} ${cause.replace(/"[^"]*"|\d+/g, '…').slice(0, 80) || JSON.stringify((r.body as { error?: { message?: unknown } })?.error?.message ?? '').slice(0, 60)}`;
      const seen = survey.get(key);
      if (seen) seen.count++;
      else survey.set(key, { count: 1, example: report });
    }
    await e.after?.(r, sent, target);
  }), { numRuns: e.runs ?? RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
  expect([...survey.values()].map((s) => `${s.count}× ${s.example}`), 'violations').toEqual([]);
  expect(lost, 'the test client lost its session or CSRF token: the runs above tested nothing').toBe(0);
}

/** Path ids: mostly the real one, sometimes unknown, malformed, too long, or another region's. */
const pathTargets = (main: string | string[], foreign: string[] = []) => mostly(
  Array.isArray(main) ? fc.constantFrom(...main) : fc.constant(main),
  fc.oneof(
    badId(foreign).map(String),
    fc.constant('x'.repeat(61)),
    // At most 30 characters: even fully percent-encoded they stay under the router's 100-character parameter limit.
    fc.string({ minLength: 1, maxLength: 30 }),
  ).filter((t) => t.length > 0 && t !== '.' && t !== '..'),
);
const seg = (t: string) => encodeURIComponent(t);

// ---- the demo data the payloads aim at ----

interface Summary { id: string; code: string; dimensionKey: string; leadOpd: { id: string }; startYear: number; endYear: number }
interface Kpi { id: string; version: number; polarity: string }

let h: Harness;
let coord: Client;
let admin: Client;
let pwClient: Client;
const d = {} as {
  planId: string; frameworkVersion: string; period: [number, number]; dims: string[]; elements: string[];
  foreignPlans: string[]; regencies: string[];
  opds: { id: string; abbreviation: string }[]; foreignOpds: string[];
  programs: Summary[]; foreignPrograms: string[]; codes: string[];
  kpi: Kpi; foreignKpis: string[]; opd: { id: string; abbreviation: string; version: number };
  districts: string[]; villages: string[]; foreignLocations: string[];
  targetUsers: string[]; foreignUsers: string[];
  changes: string[];
};
const PASSWORD_USER = 'prop.password@example.id';
let password = 'sandi-awal-2026';

async function ok<T = any>(p: Promise<Reply<T>>, what: string): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`setup: ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

beforeAll(async () => {
  h = await apiHarness();
  coord = await h.as('koordinator.kukar@demo.pilar.id');
  admin = await h.as('admin@demo.pilar.id');
  const officer = await h.as('opd.kukar@demo.pilar.id');

  const plan = await ok(coord.get('/api/regions/64.02/masterplan'), 'masterplan');
  d.planId = plan.id;
  d.frameworkVersion = plan.frameworkVersion;
  d.period = [plan.periodStart, plan.periodEnd];
  d.dims = plan.dimensions.map((x: { key: string }) => x.key);
  d.elements = plan.dimensions.flatMap((x: { elements: { key: string }[] }) => x.elements.map((e) => e.key));
  const participants = await ok(h.get('/api/participants') as Promise<Reply>, 'participants');
  d.foreignPlans = participants.filter((p: { code: string }) => p.code !== '64.02').map((p: { masterplan: { id: string } }) => p.masterplan.id);
  // Regencies without a masterplan: new ones may be enrolled without changing the regions the other tests use.
  const enrolled = new Set(participants.map((p: { code: string }) => p.code));
  d.regencies = (await ok(h.get('/api/regions?level=regency&q=64&limit=50') as Promise<Reply>, 'regencies')).items
    .map((r: { code: string }) => r.code).filter((c: string) => !enrolled.has(c));

  d.opds = await ok(coord.get('/api/regions/64.02/opds'), 'opds');
  d.foreignOpds = (await ok(h.get('/api/regions/64.01/opds') as Promise<Reply>, 'foreign opds')).map((o: { id: string }) => o.id);
  d.programs = (await ok(coord.get('/api/regions/64.02/programs?limit=200'), 'programs')).items;
  d.codes = d.programs.map((p) => p.code);
  const foreign = (await ok(h.get('/api/regions/64.01/programs?limit=5') as Promise<Reply>, 'foreign programs')).items;
  d.foreignPrograms = foreign.map((p: { id: string }) => p.id);
  // A KPI and an OPD of our own to edit (read endpoints do not show their versions).
  const kpi = await ok(coord.post('/api/kpis', { programId: d.programs[0]!.id, name: 'Indikator uji properti', unit: '%', polarity: 'higher' }), 'kpi');
  d.kpi = { id: kpi.kpi.id, version: kpi.kpi.version, polarity: 'higher' };
  const opd = await ok(coord.post('/api/opds', { regionCode: '64.02', name: 'Dinas Uji Properti', abbreviation: 'PROP-OPD' }), 'opd');
  d.opd = { id: opd.id, abbreviation: opd.abbreviation, version: opd.version };
  const foreignFull = await ok(h.get(`/api/programs/${d.foreignPrograms[0]}`) as Promise<Reply>, 'foreign program');
  d.foreignKpis = foreignFull.kpis.map((k: { id: string }) => k.id);

  d.districts = (await ok(h.get('/api/regions/64.02/children') as Promise<Reply>, 'districts')).map((r: { code: string }) => r.code);
  d.villages = (await ok(h.get('/api/regions/64.02/children?level=village') as Promise<Reply>, 'villages')).map((r: { code: string }) => r.code).slice(0, 40);
  d.foreignLocations = (await ok(h.get('/api/regions/64.01/children') as Promise<Reply>, 'foreign districts')).map((r: { code: string }) => r.code).slice(0, 5);

  // Users: two to edit (never the coordinator itself, whose session the tests use), one whose password changes.
  const t1 = await ok(coord.post('/api/users', { email: 'prop.target.dewan@example.id', name: 'Sasaran Dewan', role: 'council', regionCode: '64.02' }), 'user 1');
  const t2 = await ok(coord.post('/api/users', { email: 'prop.target.opd@example.id', name: 'Sasaran OPD', role: 'opd_officer', regionCode: '64.02', opdId: d.opds[0]!.id }), 'user 2');
  d.targetUsers = [t1.user.id, t2.user.id];
  await ok(coord.post('/api/users', { email: PASSWORD_USER, name: 'Pengguna Sandi', role: 'council', regionCode: '64.02', password }), 'password user');
  pwClient = await h.client().login(PASSWORD_USER, password);
  const adminId = (await ok(admin.get('/api/me'), 'admin me')).user.id;
  d.foreignUsers = [adminId, ...(await ok(admin.get('/api/regions/64.01/users'), 'foreign users')).map((u: { id: string }) => u.id)];

  // Pending changes to reject: KPI proposals by the OPD officer.
  const me = await ok(officer.get('/api/me'), 'officer me');
  const own = d.programs.find((p) => p.leadOpd.id === me.user.opdId)!;
  d.changes = [];
  for (let i = 1; i <= 4; i++) {
    const r = await ok(officer.post('/api/kpis', { programId: own.id, name: `Usulan indikator ${i}`, unit: '%', polarity: 'higher' }), 'proposal');
    d.changes.push(r.change.id);
  }
}, 120_000);

afterAll(async () => {
  const counts = (m: Map<string | number, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(', ');
  const lines = [...stats].map(([label, s]) =>
    `${label}: ${s.runs} runs, ${counts(s.statuses)}${SURVEY ? `\n    fields named: ${counts(s.fields)}` : ''}`);
  if (lines.length) console.log(`property tests (${engine}):\n${lines.join('\n')}`);
  await h?.close();
});

// ---- field generators shared by several endpoints ----

const bool = { valid: fc.boolean(), bad: fc.constantFrom('true', 1, 0, 'yes', null), optional: true };
const version = { valid: fc.constant(new Live('version') as Json), bad: badVersion };
const amount = fc.integer({ min: 0, max: 1_000_000_000_000 });

function budgetItem(years: [number, number]): Shape {
  return shape({
    year: { valid: yearIn(years[0], years[1]), bad: badYear },
    source: { valid: enumOf(BUDGET_SOURCES), bad: badEnum(BUDGET_SOURCES) },
    amount: { valid: amount, bad: fc.constantFrom(-1, 1.5, 1e15 + 1, 2 ** 53, '1000', 1e300, -0.5) },
    illustrative: bool,
  });
}
const budgetsIn = (start: number, end: number) => fc.uniqueArray(
  fc.record({ year: yearIn(start, end), source: enumOf(BUDGET_SOURCES), amount, illustrative: fc.boolean() }, { requiredKeys: ['year', 'source', 'amount'] }),
  { selector: (b) => `${b.year}/${b.source}`, maxLength: 3 },
);

function budgetsField(years: [number, number]): { valid: fc.Arbitrary<Json>; bad: fc.Arbitrary<Json>; optional: true } {
  const item = budgetItem(years);
  return {
    valid: budgetsIn(years[0], years[1]),
    bad: fc.oneof(
      arrayOf(item, { max: 60 }).bad!,
      // Valid items that break a rule across items or fields: a duplicate, a year outside the program.
      item.valid.map((b) => [b, b]),
      item.valid.map((b) => [{ ...b, year: years[0] - 3 }]),
      item.valid.map((b) => [{ ...b, year: years[1] + 1 }]),
    ),
    optional: true,
  };
}

function locationsField(): { valid: fc.Arbitrary<Json>; bad: fc.Arbitrary<Json>; optional: true } {
  const own = fc.constantFrom(...d.districts, ...d.villages);
  return {
    valid: fc.uniqueArray(own, { maxLength: 3 }),
    bad: fc.oneof(
      arrayOf({ valid: own, bad: badRegionCode(d.foreignLocations) }, { max: 500 }).bad!,
      own.map((c) => [c, c]),
      fc.constantFrom(['64.02.99'], ['64.02.01.9999'], ['64.02'], ['64'], d.foreignLocations),
    ),
    optional: true,
  };
}

const opdIds = () => d.opds.map((o) => o.id);

// ---- the endpoints ----

describe(`write endpoints take ${RUNS} random payloads each: no 5xx, every rejection names the field`, () => {
  it('POST /api/masterplans (national admin)', async () => {
    const s = shape({
      regionCode: { valid: fc.constantFrom(...d.regencies), bad: badRegionCode(['64', '64.02.01']) },
      frameworkVersion: { valid: fc.constant(d.frameworkVersion), bad: fc.oneof(fc.constantFrom('gmsc-1999', 'GMSC-2017', 'unknown'), badText(40)), optional: true },
      title: { valid: text(300), bad: badText(300) },
      periodStart: { valid: fc.constant(2025), bad: badYear },
      periodEnd: { valid: fc.constant(2030), bad: badYear },
      vision: { valid: text(2000, { required: false }), bad: badText(2000, { required: false }), optional: true },
      mission: { ...arrayOf({ valid: text(1000), bad: badText(1000) }, { max: 30 }), optional: true },
      legalBasis: { valid: text(300, { required: false }), bad: badText(300, { required: false }), optional: true },
      status: { valid: enumOf(MASTERPLAN_STATUSES), bad: badEnum(MASTERPLAN_STATUSES), optional: true },
      illustrativeFields: { ...arrayOf({ valid: fc.string({ maxLength: 40 }), bad: fc.constant('x'.repeat(41)) }, { max: 20 }), optional: true },
      sources: { ...arrayOf({ valid: text(500), bad: badText(500) }, { max: 30 }), optional: true },
    }, {
      // A few periods only: a region has one masterplan per start year, so successes stay few (then 409).
      valid: (base) => fc.tuple(base, fc.constantFrom(2020, 2025, 2030, 2045), fc.integer({ min: 0, max: 20 }))
        .map(([b, start, len]) => ({ ...b, periodStart: start, periodEnd: start + len })),
    });
    await exercise({
      label: 'POST /api/masterplans', method: 'POST', client: () => admin, url: () => '/api/masterplans',
      // Plus, now and then, a period longer than 20 years (a rule across two fields), or the period of 64.02's masterplan (409).
      body: fc.oneof(
        { weight: 18, arbitrary: payloads(s) },
        { weight: 1, arbitrary: s.valid.map((b) => ({ ...b, periodEnd: (b.periodStart as number) + 21 })) },
        { weight: 1, arbitrary: s.valid.map((b) => ({ ...b, regionCode: '64.02', periodStart: d.period[0], periodEnd: d.period[1] })) },
      ),
    });
  }, TIMEOUT);

  it('PATCH /api/masterplans/{id}', async () => {
    const [ps, pe] = d.period;
    const s = shape({
      version,
      title: { valid: text(300), bad: badText(300), optional: true },
      periodStart: { valid: yearIn(ps - 1, ps + 1), bad: fc.oneof(badYear, fc.constant(pe + 1)), optional: true },
      periodEnd: { valid: yearIn(pe - 1, pe + 1), bad: fc.oneof(badYear, fc.constant(ps - 1)), optional: true },
      vision: { valid: text(2000, { required: false }), bad: badText(2000, { required: false }), optional: true },
      mission: { ...arrayOf({ valid: text(1000), bad: badText(1000) }, { max: 30 }), optional: true },
      legalBasis: { valid: text(300, { required: false }), bad: badText(300, { required: false }), optional: true },
      status: { valid: enumOf(MASTERPLAN_STATUSES), bad: badEnum(MASTERPLAN_STATUSES), optional: true },
      illustrativeFields: { ...arrayOf({ valid: fc.string({ maxLength: 40 }), bad: fc.constant('x'.repeat(41)) }, { max: 20 }), optional: true },
      sources: { ...arrayOf({ valid: text(500), bad: badText(500) }, { max: 30 }), optional: true },
    });
    let current = (await ok(coord.get('/api/regions/64.02/masterplan'), 'masterplan')).version as number;
    await exercise({
      label: 'PATCH /api/masterplans/{id}', method: 'PATCH', client: () => coord,
      url: (t) => `/api/masterplans/${seg(t)}`, targets: pathTargets(d.planId, d.foreignPlans),
      body: payloads(s), live: { version: () => current },
      after: (r, _sent, t) => {
        if (r.status < 300 && t === d.planId) current = (r.body as { version: number }).version;
      },
    });
  }, TIMEOUT);

  it('PUT /api/masterplans/{id}/readiness', async () => {
    const swot = shape({
      kind: { valid: enumOf(SWOT_KINDS), bad: badEnum(SWOT_KINDS) },
      text: { valid: text(1000), bad: badText(1000) },
    });
    const s = shape({
      dimensionKey: { valid: fc.constantFrom(...d.dims), bad: fc.oneof(fc.constantFrom('Governance', 'unknown', d.elements[0]!), badText(40)) },
      aspect: { valid: enumOf(READINESS_ASPECTS), bad: badEnum(READINESS_ASPECTS) },
      summary: { valid: text(3000, { required: false }), bad: badText(3000, { required: false }), optional: true },
      illustrative: bool,
      swot: { ...arrayOf(swot, { max: 40 }), optional: true },
    });
    await exercise({
      label: 'PUT /api/masterplans/{id}/readiness', method: 'PUT', client: () => coord,
      url: (t) => `/api/masterplans/${seg(t)}/readiness`, targets: pathTargets(d.planId, d.foreignPlans),
      body: payloads(s),
    });
  }, TIMEOUT);

  it('POST /api/opds', async () => {
    const s = shape({
      regionCode: { valid: fc.constant('64.02'), bad: badRegionCode(['64.01', '64.07']) },
      name: { valid: text(200), bad: badText(200) },
      // New abbreviations from a short list, or one already used: few successes, then 409.
      abbreviation: { valid: fc.constantFrom('PROP-A', 'PROP-B', 'PROP-C', ...d.opds.slice(0, 3).map((o) => o.abbreviation)), bad: badText(40) },
      role: { valid: fc.constantFrom(...OPD_ROLES, null), bad: badEnum(OPD_ROLES), optional: true },
    });
    await exercise({ label: 'POST /api/opds', method: 'POST', client: () => coord, url: () => '/api/opds', body: payloads(s) });
  }, TIMEOUT);

  it('PATCH /api/opds/{id}', async () => {
    const target = d.opd;
    const s = shape({
      version,
      name: { valid: text(200), bad: badText(200), optional: true },
      abbreviation: { valid: fc.constantFrom(target.abbreviation, 'PROP-D'), bad: fc.oneof(badText(40), fc.constantFrom(...d.opds.slice(0, 3).map((o) => o.abbreviation))), optional: true },
      role: { valid: fc.constantFrom(...OPD_ROLES, null), bad: badEnum(OPD_ROLES), optional: true },
    });
    let current = target.version;
    await exercise({
      label: 'PATCH /api/opds/{id}', method: 'PATCH', client: () => coord,
      url: (t) => `/api/opds/${seg(t)}`, targets: pathTargets(target.id, d.foreignOpds),
      body: payloads(s), live: { version: () => current },
      after: (r, _sent, t) => {
        if (r.status < 300 && t === target.id) current = (r.body as { version: number }).version;
      },
    });
  }, TIMEOUT);

  function programFields(years: [number, number], codes: fc.Arbitrary<string>, optional: boolean) {
    return {
      code: { valid: codes, bad: fc.oneof(badText(40), fc.constantFrom('a b', 'kode/1', 'ü-1', 'x;y')), optional },
      title: { valid: text(300), bad: badText(300), optional },
      description: { valid: text(5000, { required: false }), bad: badText(5000, { required: false }), optional: true },
      elementKey: { valid: fc.constantFrom(...d.elements), bad: fc.oneof(fc.constantFrom('governance', 'unknown.element', d.elements[0]!.toUpperCase()), badText(80)), optional },
      leadOpdId: { valid: fc.constantFrom(...opdIds()), bad: badId(d.foreignOpds), optional },
      supportingOpdIds: { ...arrayOf({ valid: fc.constantFrom(...opdIds()), bad: badId(d.foreignOpds) }, { max: 30, valid: fc.subarray(opdIds(), { maxLength: 2 }) }), optional: true },
      horizon: { valid: enumOf(HORIZONS), bad: badEnum(HORIZONS), optional },
      startYear: { valid: yearIn(years[0], years[1]), bad: fc.oneof(badYear, fc.constant(years[1] + 5)), optional },
      endYear: { valid: yearIn(years[0], years[1]), bad: fc.oneof(badYear, fc.constant(years[1] + 1), fc.constant(years[0] - 5)), optional },
      serviceName: { valid: fc.option(text(200)), bad: badText(200, { required: false }), optional: true },
      serviceUrl: {
        valid: fc.option(fc.constantFrom('https://layanan.kukarkab.go.id', 'http://example.id/a?b=c', 'https://pilar.example/x#y')),
        bad: fc.constantFrom('ftp://x.id', 'javascript:alert(1)', 'example.com', 'http//x', 'mailto:a@b.id', ' https:// ', 'https://'),
        optional: true,
      },
      illustrative: bool,
      budgets: budgetsField(years),
      locations: locationsField(),
    };
  }

  it('POST /api/programs', async () => {
    // The masterplan test above may have moved the period by a year.
    const plan = await ok(coord.get('/api/regions/64.02/masterplan'), 'masterplan');
    const [ps, pe] = [plan.periodStart as number, plan.periodEnd as number];
    const s = shape({
      masterplanId: { valid: fc.constant(d.planId), bad: badId(d.foreignPlans) },
      // New codes from a short list, or one already used: few successes, then 409.
      ...programFields([ps - 1, pe], fc.constantFrom('PROP-1', 'PROP-2', 'PROP-3', d.codes[0]!), false),
    }, {
      valid: (base) => fc.tuple(base, yearIn(ps - 1, pe), fc.integer({ min: 0, max: 6 })).chain(([b, start, len]) => {
        const end = Math.min(pe, start + len);
        return budgetsIn(start, end).map((budgets) => ({ ...b, startYear: start, endYear: end, budgets }));
      }),
    });
    await exercise({ label: 'POST /api/programs', method: 'POST', client: () => coord, url: () => '/api/programs', body: payloads(s) });
  }, TIMEOUT);

  it('PATCH /api/programs/{id}', async () => {
    const target = d.programs.at(-1)!;
    const years: [number, number] = [target.startYear, target.endYear];
    const s = shape({
      version,
      ...programFields(years, fc.constantFrom(target.code, 'PROP-P1'), true),
      code: { valid: fc.constantFrom(target.code, 'PROP-P1'), bad: fc.oneof(badText(40), fc.constantFrom('a b', 'kode/1', ...d.codes.slice(0, 2))), optional: true },
    }, {
      valid: (base) => base.map((b) => {
        // Keep the years in order when both are sent.
        if (typeof b.startYear === 'number' && typeof b.endYear === 'number' && b.endYear < b.startYear) return { ...b, endYear: b.startYear };
        return b;
      }),
    });
    let current = (await ok(coord.get(`/api/programs/${target.id}`), 'program')).version as number;
    await exercise({
      label: 'PATCH /api/programs/{id}', method: 'PATCH', client: () => coord,
      url: (t) => `/api/programs/${seg(t)}`, targets: pathTargets(target.id, d.foreignPrograms),
      body: payloads(s), live: { version: () => current },
      after: (r, _sent, t) => {
        if (r.status < 300 && t === target.id) current = (r.body as { program: { version: number } }).program.version;
      },
    });
  }, TIMEOUT);

  function kpiFields(optional: boolean) {
    const target = shape({
      year: { valid: yearIn(2026, 2040), bad: badYear },
      value: { valid: fc.double({ min: -1e6, max: 1e6, noNaN: true }), bad: fc.constantFrom('1', null, true, [1], {}) },
      valueMax: { valid: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })), bad: fc.constantFrom('1', true, [1]), optional: true },
    });
    return {
      name: { valid: text(300), bad: badText(300), optional },
      unit: { valid: text(60), bad: badText(60), optional },
      polarity: { valid: enumOf(KPI_POLARITIES), bad: badEnum(KPI_POLARITIES), optional },
      baselineValue: { valid: fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true })), bad: fc.constantFrom('12', true, [1], {}, '1e3'), optional: true },
      baselineYear: { valid: fc.option(yearIn(2010, 2025)), bad: fc.oneof(badYear, fc.constant(2041)), optional: true },
      illustrative: bool,
      targets: {
        ...arrayOf(target, { max: 30 }),
        bad: fc.oneof(
          arrayOf(target, { max: 30 }).bad!,
          // Rules across targets and fields: duplicate years, an upper bound on a non-range KPI, none on a range KPI.
          fc.constant([{ year: 2030, value: 1 }, { year: 2030, value: 2 }]),
          fc.constant([{ year: 2030, value: 1, valueMax: 5 }]),
          fc.constant([{ year: 2030, value: 5, valueMax: 1 }]),
          fc.constant([{ year: 2001, value: 1 }]),
        ),
        optional: true,
      },
    };
  }
  /** Targets that fit the polarity: an upper bound ≥ value for range KPIs, none otherwise. */
  const targetsFor = (polarity: string) => fc.uniqueArray(
    fc.record({ year: yearIn(2026, 2040), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }), spread: fc.double({ min: 0, max: 1e3, noNaN: true }) }),
    { selector: (t) => t.year, maxLength: 3 },
  ).map((ts) => ts.map(({ spread, ...t }) => (polarity === 'range' ? { ...t, valueMax: t.value + spread } : t)));

  it('POST /api/kpis', async () => {
    const s = shape({
      programId: { valid: fc.constantFrom(...d.programs.slice(0, 5).map((p) => p.id)), bad: badId(d.foreignPrograms) },
      ...kpiFields(false),
    }, {
      valid: (base) => base.chain((b) => targetsFor(b.polarity as string).map((targets) => ({ ...b, targets }))),
    });
    await exercise({ label: 'POST /api/kpis', method: 'POST', client: () => coord, url: () => '/api/kpis', body: payloads(s, { valid: 5 }) });
  }, TIMEOUT);

  it('PATCH /api/kpis/{id}', async () => {
    const s = shape({ version, ...kpiFields(true) }, {
      valid: (base) => base.chain((b) => {
        if (!('targets' in b)) return fc.constant(b);
        return targetsFor((b.polarity as string | undefined) ?? d.kpi.polarity).map((targets) => ({ ...b, targets }));
      }),
    });
    let current = d.kpi.version;
    await exercise({
      label: 'PATCH /api/kpis/{id}', method: 'PATCH', client: () => coord,
      url: (t) => `/api/kpis/${seg(t)}`, targets: pathTargets(d.kpi.id, d.foreignKpis),
      body: payloads(s), live: { version: () => current },
      after: (r, _sent, t) => {
        if (r.status < 300 && t === d.kpi.id) current = (r.body as { kpi: { version: number } }).kpi.version;
      },
    });
  }, TIMEOUT);

  it('PUT /api/quick-wins', async () => {
    const s = shape({
      masterplanId: { valid: fc.constant(d.planId), bad: badId(d.foreignPlans) },
      year: { valid: yearIn(d.period[0], d.period[1]), bad: fc.oneof(badYear, fc.constant(d.period[1] + 1)) },
      dimensionKey: { valid: fc.constantFrom(...d.dims), bad: fc.oneof(fc.constantFrom('unknown', d.elements[0]!), badText(40)) },
      programId: { valid: fc.constantFrom(...d.programs.map((p) => p.id)), bad: badId(d.foreignPrograms) },
      progress: { valid: fc.option(fc.double({ min: 0, max: 100, noNaN: true })), bad: fc.constantFrom(-0.1, 100.1, '50', 1e300, -1e300, true), optional: true },
      progressIllustrative: bool,
    }, {
      // A program of the plan, its dimension and a year it runs.
      valid: (base) => fc.tuple(base, fc.constantFrom(...d.programs)).chain(([b, p]) =>
        yearIn(p.startYear, p.endYear).map((year) => ({ ...b, programId: p.id, dimensionKey: p.dimensionKey, year }))),
    });
    await exercise({ label: 'PUT /api/quick-wins', method: 'PUT', client: () => coord, url: () => '/api/quick-wins', body: payloads(s) });
  }, TIMEOUT);

  it('POST /api/changes/{id}/reject', async () => {
    const s = shape({ comment: { valid: text(2000), bad: badText(2000) } });
    await exercise({
      label: 'POST /api/changes/{id}/reject', method: 'POST', client: () => coord,
      url: (t) => `/api/changes/${seg(t)}/reject`, targets: pathTargets(d.changes),
      body: payloads(s),
    });
  }, TIMEOUT);

  // Valid users: a role the coordinator may give, in 64.02; OPD officers with an OPD of 64.02.
  const userRoles = ['council', 'bappeda', 'coordinator', 'opd_officer'] as const;
  const roleFit = (b: Obj) => fc.constantFrom(...opdIds()).map((opd) => (b.role === 'opd_officer' ? { ...b, opdId: opd } : { ...b, opdId: null }));
  const mix: Mix = { random: 20, rightKeys: 20, mutated: 55, valid: 5 };

  it('POST /api/users', async () => {
    const s = shape({
      // New addresses from a short list, or one already registered: few successes, then 409.
      email: { valid: fc.constantFrom('prop.baru1@example.id', 'prop.baru2@example.id', 'PROP.Baru3@Example.id ', 'bappeda.kukar@demo.pilar.id'), bad: fc.oneof(fc.constantFrom('not-an-email', 'a@', '@b.id', 'a b@c.id', `${'x'.repeat(200)}@b.id`), badText(200)) },
      name: { valid: text(200), bad: badText(200) },
      role: { valid: fc.constantFrom(...userRoles), bad: fc.oneof(badEnum(ROLES), fc.constantFrom('national_admin', 'assessor')) },
      regionCode: { valid: fc.constant('64.02'), bad: fc.oneof(badRegionCode(['64.01', '64.07']), fc.constant(null)) },
      opdId: { valid: fc.constant(null), bad: badId(d.foreignOpds), optional: true },
      assessorRegions: { ...arrayOf({ valid: fc.constantFrom('64.02', '64.01'), bad: badRegionCode() }, { max: 100, valid: fc.constant([]) }), optional: true },
      password: { valid: fc.string({ minLength: 10, maxLength: 40 }), bad: fc.oneof(fc.string({ maxLength: 9 }), fc.constant('x'.repeat(201))), optional: true },
    }, { valid: (base) => base.chain(roleFit) });
    await exercise({ label: 'POST /api/users', method: 'POST', client: () => coord, url: () => '/api/users', body: payloads(s, mix) });
  }, TIMEOUT);

  it('PATCH /api/users/{id}', async () => {
    const s = shape({
      name: { valid: text(200), bad: badText(200), optional: true },
      role: { valid: fc.constantFrom(...userRoles), bad: fc.oneof(badEnum(ROLES), fc.constantFrom('national_admin', 'assessor')), optional: true },
      opdId: { valid: fc.constant(null), bad: badId(d.foreignOpds), optional: true },
      assessorRegions: { ...arrayOf({ valid: fc.constantFrom('64.02', '64.01'), bad: badRegionCode() }, { max: 100, valid: fc.constant([]) }), optional: true },
      active: bool,
    }, { valid: (base) => base.chain((b) => ('role' in b ? roleFit(b) : fc.constant(b))) });
    await exercise({
      label: 'PATCH /api/users/{id}', method: 'PATCH', client: () => coord,
      url: (t) => `/api/users/${seg(t)}`, targets: pathTargets(d.targetUsers, d.foreignUsers),
      body: payloads(s),
    });
  }, TIMEOUT);

  it('POST /api/tokens', async () => {
    const s = shape({
      name: { valid: text(100), bad: badText(100) },
      regionCode: { valid: fc.constant('64.02'), bad: badRegionCode(['64.01', '64.07']) },
      role: { valid: fc.constantFrom(...ROLES.filter((r) => r !== 'national_admin')), bad: fc.oneof(badEnum(ROLES), fc.constant('national_admin')) },
    });
    await exercise({ label: 'POST /api/tokens', method: 'POST', client: () => coord, url: () => '/api/tokens', body: payloads(s) });
  }, TIMEOUT);

  it('POST /api/auth/login (anonymous)', async () => {
    const s = shape({
      email: {
        valid: fc.constantFrom('koordinator.kukar@demo.pilar.id', 'admin@demo.pilar.id', ' OPD.kukar@demo.pilar.id', 'nobody@example.id'),
        bad: fc.oneof(badText(200), fc.constantFrom('a\u0000b@demo.pilar.id')),
      },
      password: { valid: fc.oneof(fc.constant(DEMO_PASSWORD), fc.string({ minLength: 1, maxLength: 30 })), bad: badText(200) },
      totp: { valid: fc.stringMatching(/^\d{6}$/), bad: fc.constantFrom('12345', '1234567', 'abcdef', 123456, ''), optional: true },
    });
    await exercise({
      label: 'POST /api/auth/login', method: 'POST', client: () => h.client(), url: () => '/api/auth/login',
      body: payloads(s, mix), anonymous: true,
    });
  }, TIMEOUT);

  it('POST /api/auth/password', async () => {
    const current = new Live('password') as Json;
    const s = shape({
      currentPassword: { valid: fc.oneof({ weight: 4, arbitrary: fc.constant(current) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) }), bad: badText(200) },
      newPassword: { valid: fc.string({ minLength: 10, maxLength: 40 }), bad: fc.oneof(fc.string({ maxLength: 9 }), fc.constant('x'.repeat(201)), fc.constant(current)) },
    });
    await exercise({
      label: 'POST /api/auth/password', method: 'POST', client: () => pwClient, url: () => '/api/auth/password',
      body: payloads(s, mix), live: { password: () => password },
      after: (r, sent) => {
        if (r.status < 300) password = (sent as { newPassword: string }).newPassword;
      },
    });
  }, TIMEOUT);
});

// ---- the write endpoints of monitoring, connectivity and evaluation (issues 5–7) ----

/** The same count as above (these 21 endpoints add about a minute and a half on PGlite). */
const MODULE_RUNS = RUNS;

describe(`module write endpoints take ${MODULE_RUNS} random payloads each: no 5xx, every rejection names the field`, () => {
  let assessor: Client;
  const m = {} as {
    openPeriod: string; farPeriod: { id: string; version: number }; foreignPeriods: string[];
    program: string; kpis: string[]; locations: string[]; foreignProgram: string; foreignKpis: string[];
    draft: { id: string; version: number }; submitted: string[]; foreignReports: string[];
    plan: unknown; scenario: { id: string; version: number };
    selfCycle: { year: number; version: number }; submittedCycle: { year: number; version: number };
    indicators: { key: string; levels: number[] }[]; fileId: string;
  };
  const CODE = '64.02';
  const BUDGET = 2_000_000_000;

  beforeAll(async () => {
    assessor = await h.as('asesor.kukar@demo.pilar.id');
    const periods = await ok(coord.get(`/api/regions/${CODE}/periods?year=2026`), 'periods');
    m.openPeriod = periods.filter((p: { state: string }) => p.state === 'open').at(-1).id;
    m.foreignPeriods = (await ok(h.get('/api/regions/64.01/periods?year=2026') as Promise<Reply>, 'foreign periods')).map((p: { id: string }) => p.id).slice(0, 2);
    const far = await ok(coord.post(`/api/regions/${CODE}/periods/generate`, { year: 2098 }), 'far periods');
    m.farPeriod = { id: far.periods[0].id, version: far.periods[0].version };

    // A program of 2026 led by Dispar, with two KPIs and a location, and its draft report.
    const dispar = d.opds.find((o) => o.abbreviation === 'Dispar')!.id;
    const program = await ok(coord.post('/api/programs', {
      masterplanId: d.planId, code: 'PROP-MON', title: 'Program pemantauan uji properti', elementKey: d.elements[0], leadOpdId: dispar,
      horizon: 'short', startYear: 2026, endYear: 2026, locations: d.districts.slice(0, 1),
    }), 'program');
    m.program = program.program.id;
    m.locations = d.districts.slice(0, 1);
    m.kpis = [];
    for (const name of ['Pengunjung', 'Acara']) m.kpis.push((await ok(coord.post('/api/kpis', { programId: m.program, name, unit: 'orang', polarity: 'higher' }), 'kpi')).kpi.id);
    const draft = await ok(coord.post(`/api/programs/${m.program}/reports`, { periodId: m.openPeriod }), 'report');
    m.draft = { id: draft.id, version: draft.version };
    m.foreignProgram = d.foreignPrograms[0]!;
    m.foreignKpis = d.foreignKpis;
    m.foreignReports = (await ok(h.get('/api/regions/64.01/reports?limit=3') as Promise<Reply>, 'foreign reports')).items.map((r: { id: string }) => r.id);
    // Submitted reports to return or approve: one per fresh program.
    m.submitted = [];
    for (let i = 1; i <= 3; i++) {
      const p = await ok(coord.post('/api/programs', { masterplanId: d.planId, code: `PROP-REV-${i}`, title: `Tinjau ${i}`, elementKey: d.elements[0], leadOpdId: dispar, horizon: 'short', startYear: 2026, endYear: 2026 }), 'program');
      const r = await ok(coord.post(`/api/programs/${p.program.id}/reports`, { periodId: m.openPeriod }), 'report');
      const saved = await ok(coord.patch(`/api/reports/${r.id}`, { version: r.version, physicalPct: 30, budgetRealised: 0, narrative: 'Berjalan' }), 'save');
      await ok(coord.post(`/api/reports/${r.id}/submit`, { version: saved.version }), 'submit');
      m.submitted.push(r.id);
    }

    const job = await ok(coord.request('POST', `/api/regions/${CODE}/connectivity/jobs?wait=10000`, { objective: 'budget', budget: BUDGET }), 'plan');
    m.plan = job.plan;
    const sc = await ok(coord.post(`/api/regions/${CODE}/connectivity/scenarios`, { name: 'Skenario uji properti', objective: 'budget', budget: BUDGET, plan: m.plan }), 'scenario');
    m.scenario = { id: sc.id, version: sc.version };

    const inst = await ok(h.get('/api/evaluation/instruments/gmsc-tahap2-2024') as Promise<Reply>, 'instrument');
    m.indicators = inst.components.flatMap((c: any) => c.aspects.flatMap((a: any) => a.indicators.map((i: any) => ({ key: i.key, levels: i.levels.map((l: { level: number }) => l.level) }))));
    const open = async (year: number) => ({ year, version: (await ok(coord.post(`/api/regions/${CODE}/evaluations`, { year, instrument: 'gmsc-tahap2-2024' }), 'open')).version as number });
    m.selfCycle = await open(2031);
    const sub = await open(2032);
    const first = m.indicators[0]!;
    const answered = await ok(coord.put(`/api/regions/${CODE}/evaluations/2032/self-assessment`, { version: sub.version, answers: { [first.key]: { level: first.levels.at(-1) } } }), 'answer');
    m.submittedCycle = { year: 2032, version: (await ok(coord.post(`/api/regions/${CODE}/evaluations/2032/submit`, { version: answered.version }), 'submit')).version };
  }, 180_000);

  const run = (e: Endpoint) => exercise({ ...e, runs: MODULE_RUNS });
  const pct = { valid: fc.double({ min: 0, max: 100, noNaN: true }), bad: fc.constantFrom(-0.1, 100.1, '50', 1e300, -1e300, true) };
  const rupiah = { valid: fc.integer({ min: 0, max: 1_000_000_000_000 }), bad: fc.constantFrom(-1, 1.5, 1e15 + 1, 2 ** 53, '1000', 1e300) };
  const isoDay = fc.date({ min: new Date('2098-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10));
  const badDay = fc.constantFrom('2098-02-30', '2098-13-01', '98-01-01', '2098/01/01', '2098-1-1', '', 'tomorrow', '2098-01-01T00:00:00Z', 20980101);
  const comment = (required: boolean) => ({ valid: text(4000), bad: badText(4000, { required }), optional: !required });
  const sameRegion = <T>(r: Reply, sent: unknown, apply: (body: T) => void) => { if (r.status < 300) apply(r.body as T); void sent; };

  it('PUT /api/regions/{code}/monitoring/settings', async () => {
    const thresholds = shape({
      atRiskLag: { valid: fc.double({ min: 0, max: 20, noNaN: true }), bad: fc.constantFrom(-1, 101, '5'), optional: true },
      lateLag: { valid: fc.double({ min: 20, max: 100, noNaN: true }), bad: fc.constantFrom(-1, 101, '5'), optional: true },
      kpiAtRisk: { valid: fc.double({ min: 0.5, max: 1, noNaN: true }), bad: fc.constantFrom(-0.1, 1.1, '0.5'), optional: true },
      kpiLate: { valid: fc.double({ min: 0, max: 0.5, noNaN: true }), bad: fc.constantFrom(-0.1, 1.1, '0.5'), optional: true },
      overdueGraceDays: { valid: fc.integer({ min: 0, max: 120 }), bad: fc.constantFrom(-1, 121, 1.5), optional: true },
    });
    const s = shape({
      version: { ...version, optional: true },
      periodKind: { valid: fc.constantFrom('quarter', 'month', 'semester'), bad: badEnum(['quarter', 'month', 'semester']), optional: true },
      dueDays: { valid: fc.integer({ min: 0, max: 120 }), bad: fc.constantFrom(-1, 121, 1.5, '15'), optional: true },
      reminderLeadDays: { valid: fc.integer({ min: 0, max: 60 }), bad: fc.constantFrom(-1, 61, 1.5, '3'), optional: true },
      thresholds: { valid: thresholds.valid, bad: fc.oneof(thresholds.mutated, fc.constant({ atRiskLag: 50, lateLag: 10 }), fc.constant({ kpiAtRisk: 0.2, kpiLate: 0.9 })), optional: true },
    });
    let current = (await ok(coord.get(`/api/regions/${CODE}/monitoring/settings`), 'settings')).version as number;
    await run({
      label: 'PUT /api/regions/{code}/monitoring/settings', method: 'PUT', client: () => coord,
      url: (t) => `/api/regions/${seg(t)}/monitoring/settings`, targets: pathTargets(CODE, ['64.01', '64']),
      body: payloads(s), live: { version: () => current },
      after: (r, sent, t) => sameRegion<{ version: number }>(r, sent, (b) => { if (t === CODE) current = b.version; }),
    });
  }, TIMEOUT);

  it('POST /api/regions/{code}/periods/generate', async () => {
    const s = shape({
      year: { valid: yearIn(2090, 2097), bad: fc.oneof(badYear, fc.constant(1999)) },
      kind: { valid: fc.constantFrom('quarter', 'month', 'semester'), bad: badEnum(['quarter', 'month', 'semester']), optional: true },
    });
    await run({
      label: 'POST /api/regions/{code}/periods/generate', method: 'POST', client: () => coord,
      url: (t) => `/api/regions/${seg(t)}/periods/generate`, targets: pathTargets(CODE, ['64.01', '64.02.01']), body: payloads(s),
    });
  }, TIMEOUT);

  it('PATCH /api/periods/{id}', async () => {
    const s = shape({
      version,
      dueOn: { valid: isoDay, bad: fc.oneof(badDay, fc.constant('2098-01-01')), optional: true },
      opensOn: { valid: fc.constantFrom('2098-01-01', '2097-12-01', '2098-02-15'), bad: fc.oneof(badDay, fc.constant('2100-12-31')), optional: true },
      closed: bool,
    });
    let current = m.farPeriod.version;
    await run({
      label: 'PATCH /api/periods/{id}', method: 'PATCH', client: () => coord,
      url: (t) => `/api/periods/${seg(t)}`, targets: pathTargets(m.farPeriod.id, m.foreignPeriods),
      body: payloads(s), live: { version: () => current },
      after: (r, sent, t) => sameRegion<{ version: number }>(r, sent, (b) => { if (t === m.farPeriod.id) current = b.version; }),
    });
  }, TIMEOUT);

  it('POST /api/programs/{id}/reports', async () => {
    const s = shape({ periodId: { valid: fc.constant(m.openPeriod), bad: fc.oneof(badId(m.foreignPeriods), fc.constant(m.farPeriod.id)) } });
    await run({
      label: 'POST /api/programs/{id}/reports', method: 'POST', client: () => coord,
      url: (t) => `/api/programs/${seg(t)}/reports`, targets: pathTargets(m.program, [m.foreignProgram]), body: payloads(s),
    });
  }, TIMEOUT);

  it('PATCH /api/reports/{id}', async () => {
    const kpi = shape({
      kpiId: { valid: fc.constantFrom(...m.kpis), bad: badId(m.foreignKpis) },
      value: { valid: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })), bad: fc.constantFrom('1', true, 1e16, [1]) },
      breakdown: {
        valid: fc.option(fc.dictionary(fc.constantFrom(...m.locations), fc.double({ min: 0, max: 1e6, noNaN: true }), { maxKeys: 1 })),
        bad: fc.constantFrom({ '64.01.01': 1 }, { '64.02.99': 1 }, { x: 1 }, { [m.locations[0]!]: '1' }, [1]), optional: true,
      },
    });
    const s = shape({
      version,
      physicalPct: { ...pct, optional: true },
      budgetRealised: { ...rupiah, optional: true },
      narrative: { valid: text(10_000, { required: false }), bad: badText(10_000, { required: false }), optional: true },
      obstacles: { valid: text(10_000, { required: false }), bad: badText(10_000, { required: false }), optional: true },
      followUp: { valid: text(10_000, { required: false }), bad: badText(10_000, { required: false }), optional: true },
      kpis: { ...arrayOf(kpi, { max: 200, valid: fc.uniqueArray(kpi.valid, { selector: (k) => k.kpiId, maxLength: 2 }) }), optional: true },
      files: { ...arrayOf({ valid: fc.constant(m.fileId ?? ''), bad: badId() }, { max: 30, valid: fc.constant([]) }), optional: true },
    });
    let current = m.draft.version;
    await run({
      label: 'PATCH /api/reports/{id}', method: 'PATCH', client: () => coord,
      url: (t) => `/api/reports/${seg(t)}`, targets: pathTargets(m.draft.id, m.foreignReports),
      body: payloads(s), live: { version: () => current },
      after: (r, sent, t) => sameRegion<{ version: number }>(r, sent, (b) => { if (t === m.draft.id) current = b.version; }),
    });
  }, TIMEOUT);

  for (const step of ['return', 'approve', 'submit'] as const) {
    it(`POST /api/reports/{id}/${step}`, async () => {
      const s = shape({ version: { valid: fc.constantFrom(1, 2, 3, 4, 5), bad: badVersion }, comment: comment(step === 'return') });
      await run({
        label: `POST /api/reports/{id}/${step}`, method: 'POST', client: () => coord,
        url: (t) => `/api/reports/${seg(t)}/${step}`, targets: pathTargets(step === 'submit' ? [m.draft.id] : m.submitted, m.foreignReports), body: payloads(s),
      });
    }, TIMEOUT);
  }

  it('PUT /api/regions/{code}/periods/{id}/kpi-values', async () => {
    let n = 0;
    const entry = shape({
      programId: { valid: fc.constant(m.program), bad: badId([m.foreignProgram]) },
      kpiId: { valid: fc.constantFrom(...m.kpis), bad: badId(m.foreignKpis) },
      value: { valid: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })), bad: fc.constantFrom('1', true, 1e16, [1]) },
      clientId: { valid: fc.constant('').map(() => `prop-${(n++).toString(36)}-${Date.now().toString(36)}`), bad: fc.constantFrom('short', 'a b c d e f', 'x'.repeat(81), 'ü-ü-ü-ü-ü') },
      clientUpdatedAt: { valid: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }).map((x) => x.toISOString()), bad: fc.constantFrom('yesterday', '2026-13-01T00:00:00Z', 12345) },
      base: { valid: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })), bad: fc.constantFrom('1', true, [1]), optional: true },
    });
    const s = shape({ entries: { ...arrayOf(entry, { max: 500, valid: fc.array(entry.valid, { minLength: 1, maxLength: 3 }) }), bad: fc.oneof(arrayOf(entry, { max: 500 }).bad!, fc.constant([])) } });
    await run({
      label: 'PUT /api/regions/{code}/periods/{id}/kpi-values', method: 'PUT', client: () => coord,
      url: (t) => `/api/regions/${CODE}/periods/${seg(t)}/kpi-values`, targets: pathTargets(m.openPeriod, m.foreignPeriods), body: payloads(s),
    });
  }, TIMEOUT);

  it('POST /api/regions/{code}/connectivity/import', async () => {
    const villages = (await ok(coord.get(`/api/regions/${CODE}/connectivity`), 'connectivity')).villages.slice(0, 3) as { code: string; name: string; lat: number; lng: number; signal: string }[];
    const csv = `code,name,lat,lng,population,signal,school\n${villages.map((v) => `${v.code},${v.name},${v.lat},${v.lng},100,${v.signal},0`).join('\n')}\n`;
    const nodes = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'prop-1', geometry: { type: 'Point', coordinates: [116.9, -0.5] }, properties: { name: 'PoP', kind: 'fibre' } }] };
    const upload = (data: fc.Arbitrary<Json>, format: string) => shape({
      format: { valid: fc.constant(format), bad: badEnum(['csv', 'geojson']) },
      data: {
        valid: data,
        // {toString: 'x'} as CSV crashed String() (500) before the import checked for text.
        bad: fc.constantFrom<Json>('code,name\n', 'x,y,z\n1,2', '{', '{"type":"Feature"}', { type: 'FeatureCollection' }, { type: 'FeatureCollection', features: [{}] }, 12, { toString: 'x', valueOf: 'y' }, { a: 1 }),
      },
      source: { valid: text(300), bad: badText(300), optional: true },
      illustrative: bool,
    });
    const v = upload(fc.constantFrom(csv, csv.replace(',0\n', ',ya\n')), 'csv');
    const nd = upload(fc.constantFrom<Json>(nodes, JSON.stringify(nodes)), 'geojson');
    const s = shape({ villages: { valid: v.valid, bad: v.mutated, optional: true }, nodes: { valid: nd.valid, bad: nd.mutated, optional: true } });
    await run({
      label: 'POST /api/regions/{code}/connectivity/import', method: 'POST', client: () => coord,
      url: (t) => `/api/regions/${seg(t)}/connectivity/import`, targets: pathTargets(CODE, ['64.01']), body: payloads(s),
    });
  }, TIMEOUT);

  const planParams = (withMethod: boolean) => ({
    objective: { valid: fc.constant('budget'), bad: badEnum(['cover-all', 'budget']) },
    budget: { valid: fc.integer({ min: 0, max: 5_000_000_000 }), bad: fc.constantFrom(-1, 1.5, '1000', 1e300, null) },
    goal: { valid: fc.constantFrom('2g', '3g', '4g'), bad: badEnum(['2g', '3g', '4g']), optional: true },
    radiusKm: { valid: fc.double({ min: 1, max: 12, noNaN: true }), bad: fc.constantFrom(0, -1, '8', 1e300), optional: true },
    priorityWeight: { valid: fc.double({ min: 0, max: 10, noNaN: true }), bad: fc.constantFrom(-1, 10.5, '1'), optional: true },
    catalogue: {
      valid: fc.constant(DEFAULT_CATALOGUE as Json),
      bad: fc.constantFrom<Json>({}, { ...DEFAULT_CATALOGUE, tower: { ...DEFAULT_CATALOGUE.tower, radiusKm: -1 } }, { ...DEFAULT_CATALOGUE, currency: 'USD' }, { ...DEFAULT_CATALOGUE, fibre: null }, []),
      optional: true,
    },
    ...(withMethod ? { method: { valid: fc.constant('fast'), bad: badEnum(['fast', 'exact']), optional: true } } : {}),
  });

  it('POST /api/regions/{code}/connectivity/jobs', async () => {
    await run({
      label: 'POST /api/regions/{code}/connectivity/jobs', method: 'POST', client: () => coord,
      url: (t) => `/api/regions/${seg(t)}/connectivity/jobs`, targets: pathTargets(CODE, ['64.01']), body: payloads(shape(planParams(true))),
      // A started run is cancelled at once: the property is about the answer, not the plan.
      after: async (r) => { if (r.status < 300) await coord.delete(`/api/connectivity/jobs/${(r.body as { id: string }).id}`); },
    });
  }, TIMEOUT);

  it('POST /api/regions/{code}/connectivity/scenarios', async () => {
    const s = shape({
      name: { valid: text(200), bad: badText(200) },
      ...planParams(false),
      plan: {
        valid: fc.constant(m.plan as Json),
        bad: fc.constantFrom<Json>({}, [], { ...(m.plan as object), totalCost: -1 }, { ...(m.plan as object), towers: 'x' },
          // A VSAT at a village the region does not have (verifyPlan crashed on it: 500).
          { ...(m.plan as object), vsat: [{ village: '64.02.99.9999', cost: 1 }], coveredVillages: ['64.02.99.9999'] }),
        optional: true,
      },
    }, {
      // The plan shown was solved for these parameters: send them with it.
      valid: (base) => base.map((b) => ('plan' in b ? { name: b.name, objective: 'budget', budget: BUDGET, plan: m.plan as Json } : b)),
    });
    await run({
      label: 'POST /api/regions/{code}/connectivity/scenarios', method: 'POST', client: () => coord,
      url: (t) => `/api/regions/${seg(t)}/connectivity/scenarios`, targets: pathTargets(CODE, ['64.01']), body: payloads(s),
    });
  }, TIMEOUT);

  it('PATCH /api/connectivity/scenarios/{id}', async () => {
    const params = planParams(false);
    const s = shape({
      version,
      name: { valid: text(200), bad: badText(200), optional: true },
      ...Object.fromEntries(Object.entries(params).map(([k, f]) => [k, { ...f, optional: true }])),
    });
    let current = m.scenario.version;
    await run({
      label: 'PATCH /api/connectivity/scenarios/{id}', method: 'PATCH', client: () => coord,
      url: (t) => `/api/connectivity/scenarios/${seg(t)}`, targets: pathTargets(m.scenario.id),
      body: payloads(s), live: { version: () => current },
      after: (r, sent, t) => sameRegion<{ version: number }>(r, sent, (b) => { if (t === m.scenario.id) current = b.version; }),
    });
  }, TIMEOUT);

  it('POST /api/regions/{code}/evaluations', async () => {
    const s = shape({
      year: { valid: yearIn(2033, 2040), bad: fc.oneof(badYear, fc.constant(2016)) },
      instrument: { valid: fc.constantFrom('gmsc-tahap2-2024', 'gmsc-tahap2-2023', 'gmsc-kppn-ikn-2022'), bad: fc.oneof(badText(80), fc.constantFrom('nope', 'GMSC-TAHAP2-2024')) },
    });
    await run({
      label: 'POST /api/regions/{code}/evaluations', method: 'POST', client: () => coord,
      url: (t) => `/api/regions/${seg(t)}/evaluations`, targets: pathTargets(CODE, ['64.01', '64', '64.02.01']), body: payloads(s),
    });
  }, TIMEOUT);

  const indicatorKeys = () => fc.constantFrom(...m.indicators.map((i) => i.key));
  const levelOf = fc.integer({ min: 0, max: 5 });
  const badLevel = fc.constantFrom(-11, 101, 1.5, '3', true, [3]);
  const answerMap = (answer: Shape, bad: fc.Arbitrary<Json>) => ({
    valid: fc.dictionary(indicatorKeys(), fc.option(answer.valid, { freq: 8 }), { maxKeys: 3 }),
    bad: fc.oneof(
      fc.tuple(indicatorKeys(), answer.mutated).map(([k, a]) => ({ [k]: a })),
      fc.tuple(fc.oneof(fc.constantFrom('unknown.indicator', 'x'.repeat(81), ''), fc.string({ maxLength: 10 })), answer.valid).map(([k, a]) => ({ [k]: a })),
      bad,
    ),
  });
  const cycleUrl = (step: string, year: () => number) => (t: string) => `/api/regions/${seg(t)}/evaluations/${year()}/${step}`;

  it('PUT /api/regions/{code}/evaluations/{year}/self-assessment', async () => {
    const answer = shape({
      level: { valid: levelOf, bad: badLevel, optional: true },
      justification: { valid: text(4000, { required: false }), bad: badText(4000, { required: false }), optional: true },
      files: { ...arrayOf({ valid: fc.constant(''), bad: badId() }, { max: 30, valid: fc.constant([]) }), optional: true },
      links: {
        ...arrayOf(shape({ kind: { valid: fc.constantFrom('program', 'report', 'quickwin'), bad: badEnum(['program', 'report', 'quickwin']) }, id: { valid: fc.constant(m.program), bad: badId([m.foreignProgram]) } }), { max: 30, valid: fc.constant([{ kind: 'program', id: m.program }]) }),
        optional: true,
      },
      suggested: { valid: fc.option(fc.record({ level: levelOf, confirmed: fc.boolean() })), bad: fc.constantFrom({ level: 'x' }, { confirmed: 1 }, 3), optional: true },
    });
    const s = shape({ version, answers: answerMap(answer, fc.constantFrom<Json>([], 'x', null)) });
    let current = m.selfCycle.version;
    await run({
      label: 'PUT /api/regions/{code}/evaluations/{year}/self-assessment', method: 'PUT', client: () => coord,
      url: cycleUrl('self-assessment', () => m.selfCycle.year), targets: pathTargets(CODE, ['64.01']),
      body: payloads(s), live: { version: () => current },
      after: (r, sent, t) => sameRegion<{ version: number }>(r, sent, (b) => { if (t === CODE) current = b.version; }),
    });
    m.selfCycle.version = current;
  }, TIMEOUT);

  it('PUT /api/regions/{code}/evaluations/{year}/validation', async () => {
    const answer = shape({
      level: { valid: levelOf, bad: badLevel, optional: true },
      reason: { valid: text(4000), bad: badText(4000, { required: false }), optional: true },
    });
    const s = shape({ version, answers: { ...answerMap(answer, fc.constantFrom<Json>([], 'x')), optional: true }, interviewNotes: { valid: text(20_000, { required: false }), bad: badText(20_000, { required: false }), optional: true } });
    let current = m.submittedCycle.version;
    await run({
      label: 'PUT /api/regions/{code}/evaluations/{year}/validation', method: 'PUT', client: () => assessor,
      url: cycleUrl('validation', () => m.submittedCycle.year), targets: pathTargets(CODE, ['64.01']),
      body: payloads(s), live: { version: () => current },
      after: (r, sent, t) => sameRegion<{ version: number }>(r, sent, (b) => { if (t === CODE) current = b.version; }),
    });
    m.submittedCycle.version = current;
  }, TIMEOUT);

  it('PUT /api/regions/{code}/evaluations/{year}/narrative', async () => {
    const lines = { ...arrayOf({ valid: text(1000), bad: badText(1000) }, { max: 30 }) };
    const s = shape({ version, strengths: lines, weaknesses: lines, recommendations: lines });
    let current = m.submittedCycle.version;
    await run({
      label: 'PUT /api/regions/{code}/evaluations/{year}/narrative', method: 'PUT', client: () => coord,
      url: cycleUrl('narrative', () => m.submittedCycle.year), targets: pathTargets(CODE, ['64.01']),
      body: payloads(s), live: { version: () => current },
      after: (r, sent, t) => sameRegion<{ version: number }>(r, sent, (b) => { if (t === CODE) current = b.version; }),
    });
    m.submittedCycle.version = current;
  }, TIMEOUT);

  // The steps that change the status last: after the first success the rest answer 409 wrong_status.
  for (const [step, cycle, who] of [['submit', () => m.selfCycle, () => coord], ['finalize', () => m.submittedCycle, () => assessor]] as const) {
    it(`POST /api/regions/{code}/evaluations/{year}/${step}`, async () => {
      const s = shape({ version });
      await run({
        label: `POST /api/regions/{code}/evaluations/{year}/${step}`, method: 'POST', client: who,
        url: cycleUrl(step, () => cycle().year), targets: pathTargets(CODE, ['64.01']),
        body: payloads(s), live: { version: () => cycle().version },
      });
    }, TIMEOUT);
  }

  let instrumentSeq = 0;
  const instrumentText = fc.oneof(
    fc.constant('').map(() => SMALL.replace('id: kecil-2025', `id: prop-${++instrumentSeq}`)),
    fc.constantFrom(SMALL, SMALL.replace('weight: 60%', 'weight: 50%'), SMALL.replace('dimension: governance', 'dimension: ekonomi'), SMALL.replace('scale: {min: 0, max: 5}', 'scale: {min: 5, max: 0}')),
    fc.tuple(fc.integer({ min: 0, max: SMALL.length - 1 }), fc.string({ maxLength: 8 })).map(([i, s]) => SMALL.slice(0, i) + s + SMALL.slice(i + 1)),
  );
  for (const path of ['/api/evaluation/instruments/check', '/api/evaluation/instruments']) {
    it(`POST ${path} (JSON {text})`, async () => {
      const s = shape({ text: { valid: instrumentText, bad: badText(1) } });
      await run({ label: `POST ${path}`, method: 'POST', client: () => admin, url: () => path, body: payloads(s) });
    }, TIMEOUT);
  }
});
