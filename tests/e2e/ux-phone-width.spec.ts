import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, gotoReady, sameOrigin } from './helpers';

const PHONE = { width: 390, height: 844 };
const CONTENT = path.join(import.meta.dirname, '../../content');
/** A customer fix whose body holds a table, for the fix page and the customer link. */
const FIX_WITH_TABLE = { slug: 'connection-triage', fixId: 'collect-evidence' };

/** How many Markdown tables an article's source holds: header separator lines (`| --- | :-: |`) outside code fences. */
function tablesIn(source: string): number {
  const prose = source.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return prose.split('\n').filter((line) => /^\|(\s*:?-+:?\s*\|)+\s*$/.test(line)).length;
}

/** Every article of `lang` with at least one table, and how many it has. */
function articlesWithTables(lang: 'zh' | 'en'): Array<{ slug: string; tables: number }> {
  return readdirSync(path.join(CONTENT, lang))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => ({ slug: file.replace(/\.mdx$/, ''), tables: tablesIn(readFileSync(path.join(CONTENT, lang, file), 'utf8')) }))
    .filter((article) => article.tables > 0);
}

/** How far the page reaches past the window sideways, in pixels (0 or less: no sideways scroll). */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe('at 390 px', () => {
  test.use({ viewport: PHONE });

  test('every article with a table stays within the phone screen; each table scrolls sideways in its own labelled region, by keyboard too (zh and en)', async ({ page }) => {
    test.setTimeout(180_000);
    for (const lang of ['zh', 'en'] as const) {
      const articles = articlesWithTables(lang);
      // The content has tables in most articles; an empty list would mean the grep above broke.
      expect(articles.length).toBeGreaterThan(10);
      let scrolled = 0;
      for (const { slug, tables } of articles) {
        const where = `/${lang}/articles/${slug}`;
        await gotoReady(page, where);
        expect(await pageOverflow(page), `${where} scrolls sideways`).toBeLessThanOrEqual(0);
        const regions = page.getByRole('region', { name: lang === 'zh' ? /^表格：\S/ : /^Table: \S/ });
        await expect(regions, `${where}: every table sits in a named region`).toHaveCount(tables);
        for (const region of await regions.all()) {
          await expect(region.locator('table')).toHaveCount(1);
          const box = await region.boundingBox();
          expect(box!.x + box!.width, `${where}: a table region ends past the screen`).toBeLessThanOrEqual(PHONE.width);
          await region.focus();
          await expect(region).toBeFocused();
          const { scrollWidth, clientWidth } = await region.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
          if (scrollWidth <= clientWidth) continue;
          // A table wider than the screen: the arrow key scrolls it while it has focus.
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => region.evaluate((element) => element.scrollLeft), `${where}: the focused table does not scroll`).toBeGreaterThan(0);
          scrolled += 1;
        }
      }
      // Tables of three or more columns are wider than a phone: some must have scrolled.
      expect(scrolled).toBeGreaterThan(5);
    }
  });

  test('an article with tables has no serious axe violations on a phone', async ({ page }) => {
    await gotoReady(page, '/zh/articles/tls-untrusted-chain');
    await expect(page.getByRole('region', { name: /^表格：/ }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test('no page scrolls sideways on a phone: home, article, flow, cases, a case, insights, fix page, customer link (zh and en)', async ({ page }) => {
    test.setTimeout(120_000);
    const paths: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      const created = await page.request.post('/api/cases', {
        data: { title: `一个很长的工单标题 with a very long unbroken word Supercalifragilisticexpialidocious-${lang}-${Date.now()}`, target: { host: 'very-long-subdomain-name-for-testing.internal.example.com', port: 8443 }, lang },
        headers: sameOrigin(),
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const link = await page.request.post(`/api/cases/${id}/links`, { data: { ...FIX_WITH_TABLE, lang }, headers: sameOrigin() });
      expect(link.status()).toBe(201);
      const { url } = (await link.json()) as { url: string };
      paths.push(
        `/${lang}`,
        `/${lang}/articles/tls-untrusted-chain`,
        `/${lang}/flows/five-layer`,
        `/${lang}/cases`,
        `/${lang}/cases/${id}`,
        `/${lang}/insights`,
        `/${lang}/fix/${FIX_WITH_TABLE.slug}?fix=${FIX_WITH_TABLE.fixId}&host=very-long-subdomain-name-for-testing.internal.example.com&port=8443`,
        new URL(url, 'http://fixpath.invalid').pathname,
      );
    }
    for (const where of paths) {
      const response = await gotoReady(page, where);
      expect(response?.status(), where).toBe(200);
      expect(await pageOverflow(page), `${where} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});
