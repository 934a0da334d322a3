import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { findTool } from '../../lib/probes/system/tool';
import { createNetlab, LAB, type Netlab } from '../fixtures/netlab/lab';

type Hop = { hop: number; address: string | null; note?: string };
type Try = { packetBytes: number; result: string };

// Result codes loopback cannot produce, made by real faults between network
// namespaces this file builds (tests/fixtures/netlab). The probes run through
// the probe CLI inside the client namespace: the product path, with the API's
// schema and policy. Each fault sits on its own server address, so the tests
// run side by side (two suites at a time, each two tests at a time); each has a clean-path control, so a code can only come
// from the fault. Without root or namespaces every test skips and says why.
describe('probes against real network faults', { concurrency: 2 }, () => {
  let lab: Netlab | undefined;
  let unavailable = '';
  before(async () => {
    const built = await createNetlab();
    if ('unavailable' in built) unavailable = built.unavailable;
    else lab = built;
  });
  after(() => {
    if (!lab) return;
    lab.destroy();
    assert.deepEqual(lab.leftovers(), [], 'the lab removed its namespaces (and the veths in them)');
  });

  /** The lab, or a skip that says why there is none. */
  function labOrSkip(t: TestContext, tool?: string): Netlab | undefined {
    if (!lab) {
      t.skip(`no network lab: ${unavailable}`);
      return undefined;
    }
    if (tool && !findTool(tool)) {
      t.skip(`${tool} is not installed`);
      return undefined;
    }
    return lab;
  }

  /** Installs a fault, or skips with iptables' complaint when this kernel can't express it. */
  async function fault(t: TestContext, netlab: Netlab, role: 'router' | 'server', rule: string[]): Promise<boolean> {
    const problem = await netlab.firewall(role, rule);
    if (problem) t.skip(problem);
    return problem === null;
  }

  describe('tcp', () => {
    it('control: the clean path answers, so a closed port is TCP_REFUSED', async (t) => {
      const netlab = labOrSkip(t);
      if (!netlab) return;
      const { result } = await netlab.probe(['tcp', `${LAB.clean}:9`, '--timeout', '2000']);
      assert.equal(result.code, 'TCP_REFUSED', result.summary);
    });

    it('TCP_TIMEOUT when the server drops SYNs silently (iptables DROP)', async (t) => {
      const netlab = labOrSkip(t);
      if (!netlab || !(await fault(t, netlab, 'server', ['-A', 'INPUT', '-d', LAB.silentDrop, '-p', 'tcp', '-j', 'DROP']))) return;
      const { exitCode, result } = await netlab.probe(['tcp', `${LAB.silentDrop}:9`, '--timeout', '1500']);
      assert.equal(result.code, 'TCP_TIMEOUT', result.summary);
      assert.equal(exitCode, 1);
      assert.equal(result.details.error, 'ETIMEDOUT');
      assert.ok((result.details.timings as { connectMs: number }).connectMs >= 1400, 'the probe waited its whole budget');
      assert.match(result.summary, /No answer from 198\.18\.2\.11:9 within 1500 ms/);
    });

    it('TCP_UNREACHABLE when the router answers ICMP host unreachable (REJECT)', async (t) => {
      const netlab = labOrSkip(t);
      const reject = ['-A', 'FORWARD', '-d', LAB.hostUnreachable, '-p', 'tcp', '-j', 'REJECT', '--reject-with', 'icmp-host-unreachable'];
      if (!netlab || !(await fault(t, netlab, 'router', reject))) return;
      const { exitCode, result } = await netlab.probe(['tcp', `${LAB.hostUnreachable}:443`, '--timeout', '5000']);
      assert.equal(result.code, 'TCP_UNREACHABLE', result.summary);
      assert.equal(exitCode, 1);
      assert.equal(result.details.error, 'EHOSTUNREACH');
      // The ICMP answer ends the connect at once; it does not wait out the budget.
      assert.ok((result.details.timings as { connectMs: number }).connectMs < 4000);
    });
  });

  describe('ping', () => {
    it('control: PING_OK on the clean path', async (t) => {
      const netlab = labOrSkip(t, 'ping');
      if (!netlab) return;
      const { exitCode, result } = await netlab.probe(['ping', LAB.clean]);
      assert.equal(result.code, 'PING_OK', result.summary);
      assert.equal(exitCode, 0);
      assert.equal(result.details.lossPercent, 0);
    });

    it('PING_LOSS when the router drops every second echo request', async (t) => {
      const netlab = labOrSkip(t, 'ping');
      // statistic --mode nth rather than random: the loss is exact, so the test cannot flake.
      const drop = ['-A', 'FORWARD', '-d', LAB.lossy, '-p', 'icmp', '--icmp-type', 'echo-request', '-m', 'statistic', '--mode', 'nth', '--every', '2', '--packet', '0', '-j', 'DROP'];
      if (!netlab || !(await fault(t, netlab, 'router', drop))) return;
      const { exitCode, result } = await netlab.probe(['ping', LAB.lossy]);
      assert.equal(result.code, 'PING_LOSS', result.summary);
      assert.equal(result.severity, 'warn');
      assert.equal(exitCode, 1);
      assert.ok((result.details.received as number) > 0);
      assert.equal(result.details.lossPercent, 50);
      assert.match(result.summary, /50% loss/);
    });

    it('PING_UNREACHABLE when the router answers ICMP host unreachable', async (t) => {
      const netlab = labOrSkip(t, 'ping');
      const reject = ['-A', 'FORWARD', '-d', LAB.hostUnreachable, '-p', 'icmp', '-j', 'REJECT', '--reject-with', 'icmp-host-unreachable'];
      if (!netlab || !(await fault(t, netlab, 'router', reject))) return;
      const { exitCode, result } = await netlab.probe(['ping', LAB.hostUnreachable]);
      assert.equal(result.code, 'PING_UNREACHABLE', result.summary);
      assert.equal(exitCode, 1);
      assert.equal(result.details.received, 0);
      assert.match((result.details.icmpErrors as string[])[0], /^From 198\.18\.1\.1 icmp_seq=1 Destination Host Unreachable/);
      assert.match(result.summary, /\(Destination Host Unreachable\)/);
    });
  });

  describe('traceroute', () => {
    it('control: TRACE_OK through the router in two hops', async (t) => {
      const netlab = labOrSkip(t, 'traceroute');
      if (!netlab) return;
      const { result } = await netlab.probe(['traceroute', LAB.clean, '--timeout', '5000']);
      assert.equal(result.code, 'TRACE_OK', result.summary);
      assert.deepEqual((result.details.hops as Hop[]).map((hop) => hop.address), [LAB.routerNearClient, LAB.clean]);
    });

    it('TRACE_INCOMPLETE when the router forwards nothing toward the server', async (t) => {
      const netlab = labOrSkip(t, 'traceroute');
      if (!netlab || !(await fault(t, netlab, 'router', ['-A', 'FORWARD', '-d', LAB.blockedHop, '-j', 'DROP']))) return;
      const { exitCode, result } = await netlab.probe(['traceroute', LAB.blockedHop, '--timeout', '5000']);
      assert.equal(result.code, 'TRACE_INCOMPLETE', result.summary);
      assert.equal(exitCode, 1);
      assert.equal(result.details.reached, false);
      const hops = result.details.hops as Hop[];
      assert.equal(hops[0].address, LAB.routerNearClient);
      assert.ok(hops.length > 1 && hops.slice(1).every((hop) => hop.address === null), JSON.stringify(hops));
      assert.match(result.summary, /the last hop that answered is 198\.18\.1\.1 \(hop 1\)/);
    });

    it('TRACE_INCOMPLETE with the router marked !H when it answers host unreachable', async (t) => {
      const netlab = labOrSkip(t, 'traceroute');
      // traceroute's probes are UDP; the tcp and ping tests reject their own protocols at this address.
      const reject = ['-A', 'FORWARD', '-d', LAB.hostUnreachable, '-p', 'udp', '-j', 'REJECT', '--reject-with', 'icmp-host-unreachable'];
      if (!netlab || !(await fault(t, netlab, 'router', reject))) return;
      const { result } = await netlab.probe(['traceroute', LAB.hostUnreachable, '--timeout', '5000']);
      assert.equal(result.code, 'TRACE_INCOMPLETE', result.summary);
      const hops = (result.details.hops as Hop[]).map(({ hop, address, note }) => ({ hop, address, note }));
      assert.deepEqual(hops, [
        { hop: 1, address: LAB.routerNearClient, note: undefined },
        { hop: 2, address: LAB.routerNearClient, note: '!H' },
      ]);
      assert.match(result.summary, /198\.18\.1\.1 \(hop 2\), which answered host unreachable \(!H\)/);
    });

    it('TRACE_INCOMPLETE through tracepath keeps the hops found before the deadline cut it', async (t) => {
      const netlab = labOrSkip(t, 'tracepath');
      if (!netlab || !(await fault(t, netlab, 'router', ['-A', 'FORWARD', '-d', LAB.blockedHop, '-j', 'DROP']))) return;
      // tracepath waits seconds on every silent hop, so the deadline ends this trace, not tracepath.
      const finding = await netlab.tracepathProbe(LAB.blockedHop, 4000);
      assert.equal(finding.code, 'TRACE_INCOMPLETE', finding.summary);
      assert.equal(finding.details.tool, 'tracepath');
      assert.equal(finding.details.timedOut, true);
      assert.equal((finding.details.hops as Hop[])[0]?.address, LAB.routerNearClient, JSON.stringify(finding.details.hops));
      assert.match(finding.summary, /the last hop that answered is 198\.18\.1\.1 \(hop 1\)/);
    });

    it('TRACE_INCOMPLETE through tracepath with the router marked !H', async (t) => {
      const netlab = labOrSkip(t, 'tracepath');
      const reject = ['-A', 'FORWARD', '-d', LAB.hostUnreachable, '-p', 'udp', '-j', 'REJECT', '--reject-with', 'icmp-host-unreachable'];
      if (!netlab || !(await fault(t, netlab, 'router', reject))) return;
      const finding = await netlab.tracepathProbe(LAB.hostUnreachable, 4000);
      assert.equal(finding.code, 'TRACE_INCOMPLETE', finding.summary);
      assert.match(finding.summary, /198\.18\.1\.1 \(hop 2\), which answered host unreachable \(!H\)/);
    });
  });

  describe('mtu', () => {
    it('control: MTU_OK over the 1500-byte links', async (t) => {
      const netlab = labOrSkip(t, 'ping');
      if (!netlab) return;
      const { result } = await netlab.probe(['mtu', LAB.clean]);
      assert.equal(result.code, 'MTU_OK', result.summary);
    });

    it('MTU_FRAGMENTATION_NEEDED with the MTU the router reports for its 1400-byte link', async (t) => {
      const netlab = labOrSkip(t, 'ping');
      if (!netlab) return;
      const { exitCode, result } = await netlab.probe(['mtu', LAB.narrowLink]);
      assert.equal(result.code, 'MTU_FRAGMENTATION_NEEDED', result.summary);
      assert.equal(exitCode, 1);
      assert.equal(result.details.pathMtu, 1400);
      assert.equal(result.details.blackHole, false);
      assert.deepEqual(result.details.tries as Try[], [
        { packetBytes: 84, result: 'reply' },
        { packetBytes: 1500, result: 'too-big' },
      ]);
    });

    it('MTU_FRAGMENTATION_NEEDED as a black hole when large packets vanish without ICMP', async (t) => {
      const netlab = labOrSkip(t, 'ping');
      // raw PREROUTING: before the router's own MTU check, which would send "fragmentation needed".
      const drop = ['-t', 'raw', '-A', 'PREROUTING', '-d', LAB.blackHole, '-m', 'length', '--length', '1401:65535', '-j', 'DROP'];
      if (!netlab || !(await fault(t, netlab, 'router', drop))) return;
      const { result } = await netlab.probe(['mtu', LAB.blackHole]);
      assert.equal(result.code, 'MTU_FRAGMENTATION_NEEDED', result.summary);
      assert.equal(result.details.blackHole, true);
      const pathMtu = result.details.pathMtu as number;
      assert.ok(pathMtu >= 1392 && pathMtu <= 1400, `path MTU ${pathMtu} within the search's 8-byte precision of 1400`);
      assert.match(result.summary, /without an ICMP "fragmentation needed" reply/);
    });
  });
});
