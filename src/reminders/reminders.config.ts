import { z } from 'zod';
import { StartupError } from '../core/errors.js';

/**
 * The reminders' part of the configuration, from the environment (every default works with nothing set):
 * - SMTP_URL: the mail server, e.g. smtp://user:pass@mail.example.cn:587 (unset: email deliveries fail,
 *   visible to the administrator, until it is set; the inbox and robots work without it);
 * - REMINDERS_MAIL_FROM: the sender, default "党建台账 <party-ledger@localhost>";
 * - REMINDERS_ROBOT_RATE_PER_MINUTE: messages a minute per group robot (DingTalk and WeCom allow 20);
 * - REMINDERS_ATTEMPTS / REMINDERS_BACKOFF_MS: tries per delivery and the first wait (doubling);
 * - REMINDERS_CONCURRENCY: jobs in parallel per instance;
 * - REMINDERS_SCAN_PATTERN: when the daily scan runs (cron, Asia/Shanghai), default 07:30;
 * - REMINDERS_BOARD_SECRET: signs the bull-board sign-in links (random per process unless set; set it when
 *   several instances sit behind one address).
 */
const schema = z.object({
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  REMINDERS_MAIL_FROM: z.string().min(3).default('党建台账 <party-ledger@localhost>'),
  REMINDERS_ROBOT_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  REMINDERS_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  REMINDERS_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  REMINDERS_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(8),
  REMINDERS_SCAN_PATTERN: z.string().min(9).default('30 7 * * *'),
  REMINDERS_BOARD_SECRET: z.string().min(16).optional(),
});

export interface RemindersConfig {
  smtpUrl?: string;
  mailFrom: string;
  robotRatePerMinute: number;
  attempts: number;
  backoffMs: number;
  concurrency: number;
  scanPattern: string;
  boardSecret?: string;
}

export const remindersConfig = (env: NodeJS.ProcessEnv = process.env): RemindersConfig => {
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key in schema.shape && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success)
    throw new StartupError(
      `Invalid reminders configuration / 提醒配置有误:\n${parsed.error.issues
        .map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`)
        .join('\n')}`,
    );
  const raw = parsed.data;
  return {
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.REMINDERS_MAIL_FROM,
    robotRatePerMinute: raw.REMINDERS_ROBOT_RATE_PER_MINUTE,
    attempts: raw.REMINDERS_ATTEMPTS,
    backoffMs: raw.REMINDERS_BACKOFF_MS,
    concurrency: raw.REMINDERS_CONCURRENCY,
    scanPattern: raw.REMINDERS_SCAN_PATTERN,
    boardSecret: raw.REMINDERS_BOARD_SECRET,
  };
};
