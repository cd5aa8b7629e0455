/** The roles of the authorization matrices, with the Kutai Kartanegara demo account of each. */
export type Role = 'public' | 'national_admin' | 'coordinator' | 'bappeda' | 'opd_officer' | 'assessor' | 'council';
export const ROLES: Role[] = ['public', 'national_admin', 'coordinator', 'bappeda', 'opd_officer', 'assessor', 'council'];
export const EMAIL: Record<Exclude<Role, 'public'>, string> = {
  national_admin: 'admin@demo.pilar.id', coordinator: 'koordinator.kukar@demo.pilar.id', bappeda: 'bappeda.kukar@demo.pilar.id',
  opd_officer: 'opd.kukar@demo.pilar.id', assessor: 'asesor.kukar@demo.pilar.id', council: 'dewan.kukar@demo.pilar.id',
};
/** The demo accounts' own region (Kutai Kartanegara) and a foreign one (Paser). */
export const OWN = '64.02';
export const FOREIGN = '64.01';
