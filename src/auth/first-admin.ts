import { command, handleCommand } from '../core/command-handling.js';
import type { EventStore } from '../core/event-store/event-store.js';
import { systemMetadata } from '../core/http/request-context.js';
import type { Clock } from '../core/time/clock.js';
import { userStream } from './auth.events.js';
import { registerUser } from './commands/register-user.js';
import { hashPassword } from './passwords.js';
import { user } from './user.js';

/** Creates a bureau administrator through the ordinary command, outside HTTP (first start and the CLI). */
export const createAdministrator = async (
  store: EventStore,
  clock: Clock,
  username: string,
  password: string,
  displayName = '系统管理员',
) => {
  const passwordHash = await hashPassword(password);
  const data = { username, displayName, passwordHash, role: 'bureau_admin' as const, orgIds: [], unitIds: [] };
  return handleCommand(
    store,
    userStream(username),
    user,
    (s) => registerUser(command('RegisterUser', data, systemMetadata(clock)), s),
    systemMetadata(clock),
  );
};

/** Prints credentials in a box that stands out in the start-up log. */
export const announceCredentials = (username: string, password: string, generated: true | 'cli') => {
  const lines = [
    generated === 'cli'
      ? '已创建管理员账号 / An administrator was created'
      : '首次启动：已创建管理员账号 / First start: an administrator was created',
    `  用户名 username: ${username}`,
    `  密码   password: ${password}`,
    '登录后请立即修改密码 / Change the password after signing in.',
  ];
  console.log(`\n${'='.repeat(72)}\n${lines.join('\n')}\n${'='.repeat(72)}\n`);
};
