import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planBrowserChecks } from '../../lib/cases/customer-check';
import { diagnosticCommands } from '../../lib/cases/customer-commands';
import { createTargetPolicy } from '../../lib/probes/server';

const target = (host: string, port: number | null = 443, url: string | null = null) => ({ host, port, url });
const closed = createTargetPolicy();

describe('what "Check from my computer" may connect to', () => {
  it('checks HTTPS and WSS on a public name, with the port', () => {
    assert.deepEqual(planBrowserChecks(target('api.example.com', 8443), closed), [
      { kind: 'https', url: 'https://api.example.com:8443/', run: true },
      { kind: 'wss', url: 'wss://api.example.com:8443/', run: true },
    ]);
  });

  it('uses the case URL when there is one; a plain-HTTP URL is mixed content and not tried', () => {
    assert.deepEqual(planBrowserChecks(target('', null, 'https://portal.example.com/login'), closed)[0], { kind: 'https', url: 'https://portal.example.com/login', run: true });
    assert.deepEqual(planBrowserChecks(target('', null, 'http://portal.example.com:8080/'), closed), [
      { kind: 'https', url: 'http://portal.example.com:8080/', run: false, reason: 'mixed-content' },
      { kind: 'wss', url: 'ws://portal.example.com:8080/', run: false, reason: 'mixed-content' },
    ]);
  });

  it('never sends the browser to a private, loopback or link-local address, or localhost, unless PROBE_ALLOW names it', () => {
    for (const host of ['10.1.2.3', '192.168.0.10', '127.0.0.1', '169.254.169.254', 'fd00::1', '::1', 'localhost', 'app.localhost']) {
      const plan = planBrowserChecks(target(host), closed);
      assert.ok(plan.every((step) => !step.run && step.reason === 'private-address'), host);
    }
    const allowed = createTargetPolicy({ allow: '127.0.0.1/32' });
    assert.ok(planBrowserChecks(target('127.0.0.1', 9443), allowed).every((step) => step.run));
    assert.deepEqual(planBrowserChecks(target('2606:4700::1111', 443), closed)[1], { kind: 'wss', url: 'wss://[2606:4700::1111]:443/', run: true });
  });

  it('says there is nothing to check without a target', () => {
    assert.deepEqual(planBrowserChecks(null, closed).map((step) => !step.run && step.reason), ['no-target', 'no-target']);
  });
});

describe('diagnostic commands for the customer', () => {
  it('names only tools the parser reads, per operating system, with the host and port as placeholders', () => {
    const commands = diagnosticCommands(null);
    assert.deepEqual(commands.map((os) => os.platform), ['Windows', 'macOS', 'Linux']);
    const windows = commands[0].commands.map((command) => command.code);
    assert.deepEqual(windows, ['curl.exe -v https://{{host}}:{{port:443}}/', 'Test-NetConnection {{host}} -Port {{port:443}}', 'nslookup {{host}}', 'tracert {{host}}']);
    assert.equal(diagnosticCommands('https://portal.example.com/login')[2].commands[0].code, 'curl -v https://portal.example.com/login');
  });
});
