import type { Command } from 'commander';
import type { Database } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { allUsers, createUser, findUserByEmail, resetPassword } from '../modules/accounts/users.ts';

type WithDatabase = <T>(fn: (d: Database) => Promise<T>) => Promise<T>;

/** `pilar user add|reset-password|list`: operator commands, run with the server's own rights. */
export function registerUserCommands(program: Command, withDatabase: WithDatabase): void {
  const user = program.command('user').description('manage user accounts');
  user.command('add').description('create a user; prints a temporary password unless --password is given')
    .requiredOption('--email <email>').requiredOption('--name <name>')
    .requiredOption('--role <role>', 'national_admin | coordinator | bappeda | opd_officer | assessor | council')
    .option('--region <code>', 'regency/city code, e.g. 64.02').option('--opd <id>', 'OPD id (for opd_officer)')
    .option('--assess <codes>', 'comma-separated regions an assessor reads').option('--password <password>')
    .action((o: { email: string; name: string; role: string; region?: string; opd?: string; assess?: string; password?: string }) =>
      withDatabase(async (d) => {
        const r = await createUser(d.db, null, {
          email: o.email, name: o.name, role: o.role, regionCode: o.region ?? null, opdId: o.opd ?? null,
          assessorRegions: o.assess ? o.assess.split(',').map((s) => s.trim()) : [], ...(o.password ? { password: o.password } : {}),
        }, { system: true });
        console.log(`created ${r.user.email} (${r.user.role})${r.temporaryPassword ? `, temporary password: ${r.temporaryPassword}` : ''}`);
      }));
  user.command('reset-password').argument('<email>').description('set and print a temporary password; ends the user\'s sessions')
    .action((email: string) => withDatabase(async (d) => {
      const u = await findUserByEmail(d.db, email);
      if (!u) throw new AppError(404, 'not_found', { id: `Pengguna ${email} tidak ditemukan`, en: `User ${email} not found` }, 'email');
      const { temporaryPassword } = await resetPassword(d.db, { userId: null, name: 'cli', role: 'national_admin', regionCode: null, opdId: null, assessorRegions: [], via: 'session' }, u.id);
      console.log(`temporary password for ${u.email}: ${temporaryPassword}`);
    }));
  user.command('list').option('--region <code>').description('list users')
    .action((o: { region?: string }) => withDatabase(async (d) => {
      for (const u of await allUsers(d.db, o.region)) {
        console.log(`${u.email.padEnd(36)} ${u.role.padEnd(15)} ${(u.regionCode ?? u.assessorRegions.join(',') ?? '').padEnd(8)} ${u.active ? '' : '(inactive)'}`);
      }
    }));
}
