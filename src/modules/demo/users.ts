import { like } from 'drizzle-orm';
import type { Db } from '../../core/db.ts';
import type { Role } from '../../core/policy.ts';
import { users } from '../accounts/schema.ts';
import { createUser } from '../accounts/users.ts';

/** The one password of every demo account. Demo only: never use these accounts outside a demo. */
export const DEMO_PASSWORD = 'pilar-demo-2026';
export const DEMO_DOMAIN = 'demo.pilar.id';

/** Short names of the demo regencies, used in demo e-mail addresses. */
export const DEMO_SLUGS: Record<string, string> = { '64.02': 'kukar', '64.01': 'paser', '64.09': 'ppu', '64.07': 'kubar' };

export interface DemoAccount { email: string; name: string; role: Role; regionCode: string | null }

const ROLE_ACCOUNTS: { prefix: string; role: Role; name: string }[] = [
  { prefix: 'koordinator', role: 'coordinator', name: 'Koordinator Diskominfo' },
  { prefix: 'bappeda', role: 'bappeda', name: 'Perencana Bappeda' },
  { prefix: 'opd', role: 'opd_officer', name: 'Petugas Dinas Pariwisata' },
  { prefix: 'asesor', role: 'assessor', name: 'Asesor' },
  { prefix: 'dewan', role: 'council', name: 'Anggota Dewan Smart City' },
];

/** (Re)creates the demo accounts: a national admin and one account per role in each demo regency. */
export async function seedDemoUsers(db: Db, opdIdsByRegion: Map<string, Map<string, string>>): Promise<DemoAccount[]> {
  await db.delete(users).where(like(users.email, `%@${DEMO_DOMAIN}`));
  const out: DemoAccount[] = [];
  const add = async (a: DemoAccount & { opdId?: string | null; assessorRegions?: string[] }) => {
    await createUser(db, null, {
      email: a.email, name: a.name, role: a.role, regionCode: a.role === 'assessor' ? null : a.regionCode,
      opdId: a.opdId ?? null, assessorRegions: a.assessorRegions ?? [], password: DEMO_PASSWORD,
    }, { system: true });
    out.push({ email: a.email, name: a.name, role: a.role, regionCode: a.regionCode });
  };
  await add({ email: `admin@${DEMO_DOMAIN}`, name: 'Admin Nasional (Kominfo)', role: 'national_admin', regionCode: null });
  for (const [regionCode, slug] of Object.entries(DEMO_SLUGS)) {
    const opdIds = opdIdsByRegion.get(regionCode);
    if (!opdIds) continue;
    for (const r of ROLE_ACCOUNTS) {
      await add({
        email: `${r.prefix}.${slug}@${DEMO_DOMAIN}`, name: `${r.name} ${slug.toUpperCase()}`, role: r.role, regionCode,
        opdId: r.role === 'opd_officer' ? opdIds.get('Dispar') ?? null : null,
        assessorRegions: r.role === 'assessor' ? [regionCode] : [],
      });
    }
  }
  return out;
}
