import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('insights: the webhook setting', () => {
  it('when FELT_INSIGHTS_WEBHOOK_URL is an http or https URL then it is the webhook, and unset or blank means none', () => {
    assert.equal(loadConfig({ FELT_INSIGHTS_WEBHOOK_URL: 'https://hooks.example.com/felt/T0KEN' }).insightsWebhookUrl, 'https://hooks.example.com/felt/T0KEN');
    assert.equal(loadConfig({ FELT_INSIGHTS_WEBHOOK_URL: 'http://10.0.0.5:8080/in' }).insightsWebhookUrl, 'http://10.0.0.5:8080/in');
    assert.equal(loadConfig({}).insightsWebhookUrl, undefined);
    assert.equal(loadConfig({ FELT_INSIGHTS_WEBHOOK_URL: '  ' }).insightsWebhookUrl, undefined);
  });

  it('when it is not an http(s) URL then start-up fails naming the setting, without echoing the value', () => {
    for (const value of ['ftp://example.com/secret-path', 'hooks.example.com/secret-path', 'javascript:alert(1)']) {
      assert.throws(() => loadConfig({ FELT_INSIGHTS_WEBHOOK_URL: value }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.issues.map((issue) => issue.setting), ['FELT_INSIGHTS_WEBHOOK_URL']);
        assert.match(error.message, /must be a URL like https:\/\/hooks\.example\.com\/felt/);
        assert.ok(!error.message.includes('secret-path'));
        return true;
      });
    }
  });
});
