import { describe, expect, test } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { dingTalkSign, robotRequest } from './webhook.js';

describe('group robots', () => {
  test("DingTalk's sign is base64 HMAC-SHA256 of `timestamp\\nsecret`, url-encoded", () => {
    const secret = 'SECabc123';
    const timestamp = 1700000000000;
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(decodeURIComponent(dingTalkSign(secret, timestamp))).toBe(expected);
    expect(dingTalkSign(secret, timestamp)).not.toMatch(/[+/=]/);
  });
  test('a signed DingTalk URL carries timestamp and sign; WeCom posts markdown content', () => {
    const message = { title: '党建提醒', lines: ['B15 支部换届', '截止 2026-12-01'] };
    const ding = robotRequest(
      { kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECx' },
      message,
      5,
    );
    expect(ding.url).toBe(
      `https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=5&sign=${dingTalkSign('SECx', 5)}`,
    );
    expect(ding.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '党建提醒', text: '### 党建提醒\n\nB15 支部换届\n\n截止 2026-12-01' },
    });
    const wecom = robotRequest(
      { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: null },
      message,
      5,
    );
    expect(wecom).toEqual({
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      body: { msgtype: 'markdown', markdown: { content: '### 党建提醒\n\nB15 支部换届\n\n截止 2026-12-01' } },
    });
  });
});
