import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { webhookConfigFromEnv, webhookEnabled } from '../../lib/webhooks/config';
import { signatureOf } from '../../lib/webhooks/sign';

describe('the webhook settings', () => {
  it('are off without FIXPATH_WEBHOOK_URL, so nothing is queued', () => {
    assert.equal(webhookConfigFromEnv({}), null);
    assert.equal(webhookConfigFromEnv({ FIXPATH_WEBHOOK_URL: '  ', FIXPATH_WEBHOOK_SECRET: 'whatever' }), null);
    assert.equal(webhookEnabled({}), false);
    assert.equal(webhookEnabled({ FIXPATH_WEBHOOK_URL: 'https://tickets.example.com/hook' }), true);
  });

  it('refuse a URL without a usable secret, naming the variable', () => {
    assert.throws(() => webhookConfigFromEnv({ FIXPATH_WEBHOOK_URL: 'https://tickets.example.com/hook' }), /FIXPATH_WEBHOOK_SECRET is not set/);
    assert.throws(() => webhookConfigFromEnv({ FIXPATH_WEBHOOK_URL: 'https://tickets.example.com/hook', FIXPATH_WEBHOOK_SECRET: 'short' }), /FIXPATH_WEBHOOK_SECRET is shorter than 16/);
    assert.throws(() => webhookConfigFromEnv({ FIXPATH_WEBHOOK_URL: 'ftp://tickets.example.com/', FIXPATH_WEBHOOK_SECRET: 'x'.repeat(32) }), /FIXPATH_WEBHOOK_URL must be an http/);
    assert.throws(() => webhookConfigFromEnv({ FIXPATH_WEBHOOK_URL: 'tickets', FIXPATH_WEBHOOK_SECRET: 'x'.repeat(32) }), /FIXPATH_WEBHOOK_URL is not a URL/);
    assert.deepEqual(webhookConfigFromEnv({ FIXPATH_WEBHOOK_URL: 'https://tickets.example.com/hook', FIXPATH_WEBHOOK_SECRET: 'x'.repeat(32) }), {
      url: 'https://tickets.example.com/hook',
      secret: 'x'.repeat(32),
    });
  });

  it('sign the exact body bytes: HMAC-SHA256, hex, with the sha256= prefix', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assert.equal(signatureOf('Jefe', 'what do ya want for nothing?'), 'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    assert.notEqual(signatureOf('Jefe', '{"a":1}'), signatureOf('Jefe', '{"a": 1}'));
  });
});
