import { command } from '../core/command-handling.js';
import type { Role } from '../core/roles.js';
import type { DemoPart } from '../core/demo/demo-part.js';
import { userStream } from './auth.events.js';
import { registerUser } from './commands/register-user.js';
import { user } from './user.js';

/**
 * The demo accounts (all with the demo password): 108 instructors, each dispatched to one or two of the
 * county's private units; `staff`, `auditor`, and `secretary-qiaoshan`, the secretary of 桥山中学's
 * general branch. After the roster's part: they are scoped to its units and organisations.
 */
export const authDemo: DemoPart = {
  async seed({ county, random, run, passwordHash, count }) {
    const addUser = (username: string, displayName: string, role: Role, orgIds: string[], unitIds: string[]) =>
      run(userStream(username), user, '2024-01-02', (s, m) =>
        registerUser(command('RegisterUser', { username, displayName, passwordHash, role, orgIds, unitIds }, m), s),
      );
    const privateUnits = county.get('units').filter((u) => u.type !== 'public_school');
    for (let n = 1; n <= 108; n++) {
      const username = `instructor-${String(n).padStart(3, '0')}`;
      const unitIds = [
        ...new Set([
          privateUnits[(n * 7) % privateUnits.length].id,
          privateUnits[(n * 11 + 3) % privateUnits.length].id,
        ]),
      ].slice(0, random.chance(0.5) ? 1 : 2);
      await addUser(username, `指导员${String(n).padStart(3, '0')}`, 'instructor', [], unitIds);
    }
    count('instructors', 108);
    await addUser('staff', '局党委办干事', 'bureau_staff', [], []);
    await addUser('auditor', '审计员', 'auditor', [], []);
    const qiaoshan = county.organisation('桥山中学');
    await addUser('secretary-qiaoshan', '桥山中学党总支书记', 'secretary', [qiaoshan.id], qiaoshan.unitIds);
  },
};
