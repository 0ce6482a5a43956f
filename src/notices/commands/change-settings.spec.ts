import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { DEFAULT_NOTICE_SETTINGS } from '../notices.events.js';
import { changeNoticeSettings, noticeSettings } from './change-settings.js';

describe('the bureau’s settings for notices', () => {
  test('a change is recorded whole; the same settings again are refused', () => {
    const next = { ...DEFAULT_NOTICE_SETTINGS, lowGradeIds: ['average', 'poor', 'poor'], overdueDays: 10 };
    spec(noticeSettings)
      .given([])
      .when((s) => changeNoticeSettings(command('ChangeNoticeSettings', next, testMetadata()), s))
      .then([{ type: 'NoticeSettingsChanged', data: { ...next, lowGradeIds: ['average', 'poor'] } }]);
    spec(noticeSettings)
      .given([])
      .when((s) => changeNoticeSettings(command('ChangeNoticeSettings', DEFAULT_NOTICE_SETTINGS, testMetadata()), s))
      .thenFails('notices.settings-unchanged');
  });
});
