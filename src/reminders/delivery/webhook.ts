import { createHmac } from 'node:crypto';
import type { RobotKind } from '../reminders.events.js';

/** What a robot posts: a title and markdown lines. */
export interface RobotMessage {
  title: string;
  lines: string[];
}

/**
 * DingTalk's signature for robots with "加签" security: HMAC-SHA256 over `timestamp + "\n" + secret`, keyed by
 * the secret, base64, then URL-encoded into the `sign` query parameter beside `timestamp` (milliseconds).
 */
export const dingTalkSign = (secret: string, timestamp: number): string =>
  encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));

/** The robot's URL and body for `message`, in its own format (DingTalk and WeCom both take markdown). */
export const robotRequest = (
  robot: { kind: RobotKind; url: string; secret: string | null },
  message: RobotMessage,
  now: number,
): { url: string; body: unknown } => {
  const markdown = [`### ${message.title}`, ...message.lines].join('\n\n');
  if (robot.kind === 'wecom') return { url: robot.url, body: { msgtype: 'markdown', markdown: { content: markdown } } };
  const url = robot.secret
    ? `${robot.url}${robot.url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${dingTalkSign(robot.secret, now)}`
    : robot.url;
  return { url, body: { msgtype: 'markdown', markdown: { title: message.title, text: markdown } } };
};

/**
 * Posts to the robot; both answer HTTP 200 with `errcode` 0 on success, and a non-zero `errcode` (a bad
 * signature, the robot's own limit of 20 a minute) otherwise: either is an error the job retries.
 */
export const postToRobot = async (
  robot: { kind: RobotKind; url: string; secret: string | null },
  message: RobotMessage,
  now: number,
  timeoutMs = 10_000,
): Promise<void> => {
  const { url, body } = robotRequest(robot, message, now);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`robot answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  let answer: { errcode?: number; errmsg?: string };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(`robot answered something other than JSON: ${text.slice(0, 200)}`);
  }
  if (answer.errcode !== 0) throw new Error(`robot refused: errcode ${answer.errcode} ${answer.errmsg ?? ''}`.trim());
};
