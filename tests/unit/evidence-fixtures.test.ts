/**
 * Every real command output in tests/fixtures/command-output gives exactly the codes its
 * sidecar says it proves, from the tool it came from. The sidecar also says where the output
 * came from (produced here, or the public page that quotes it), its OS and its language.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCommandOutput } from '../../lib/evidence';

interface Sidecar {
  source: string;
  os: 'windows' | 'macos' | 'linux';
  language: 'en' | 'zh';
  tool: string;
  codes: string[];
}

const ROOT = join(import.meta.dirname, '../fixtures/command-output');
const FIXTURES = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(join(ROOT, folder.name))
      .filter((file) => file.endsWith('.txt'))
      .map((file) => ({ name: `${folder.name}/${file}`, path: join(ROOT, folder.name, file) })),
  );

describe('parser over the real command outputs', () => {
  it('has at least 40 real outputs, each with a complete sidecar', () => {
    assert.ok(FIXTURES.length >= 40, `only ${FIXTURES.length} fixtures`);
    for (const fixture of FIXTURES) {
      const sidecar = JSON.parse(readFileSync(fixture.path.replace(/\.txt$/, '.json'), 'utf8')) as Sidecar;
      assert.match(sidecar.source, /^(produced here: .+, \d{4}-\d{2}-\d{2}|https:\/\/\S+)/, `${fixture.name}: source`);
      assert.ok(['windows', 'macos', 'linux'].includes(sidecar.os), `${fixture.name}: os`);
      assert.ok(['en', 'zh'].includes(sidecar.language), `${fixture.name}: language`);
      assert.ok(sidecar.codes.length > 0, `${fixture.name}: codes`);
    }
  });

  for (const fixture of FIXTURES) {
    it(`${fixture.name} gives the codes it proves`, () => {
      const sidecar = JSON.parse(readFileSync(fixture.path.replace(/\.txt$/, '.json'), 'utf8')) as Sidecar;
      const parsed = parseCommandOutput(readFileSync(fixture.path, 'utf8'));
      assert.equal(parsed.tool, sidecar.tool);
      assert.deepEqual([...new Set(parsed.findings.map((finding) => finding.code))].sort(), [...sidecar.codes].sort());
      // The OS is reported only when the text shows it; when reported it must be the right one.
      if (parsed.os !== undefined) assert.equal(parsed.os, sidecar.os);
      for (const finding of parsed.findings) assert.ok(finding.summary.length > 10 && finding.summary.length < 200, finding.summary);
    });
  }
});
