import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTICLE_SLUGS } from '@/lib/content';
import { lintContent, listArticles, parseArticleSource } from '@/lib/content/server';
import { LOCALES } from '@/lib/i18n';
import { FLOW_IDS } from '@/machines';

test('the knowledge base has every article of the slug table in both languages, and passes the lint', () => {
  for (const lang of LOCALES) {
    assert.deepEqual(listArticles(lang).map((a) => a.slug).sort(), [...ARTICLE_SLUGS].sort(), `${lang} articles`);
  }
  assert.deepEqual(lintContent(), []);
});

test('every article has at least two fixes, each with a summary, three symptoms, and a command', () => {
  for (const article of listArticles()) {
    assert.ok(article.fixes.length >= 2, `${article.file}: ${article.fixes.length} fixes`);
    for (const fix of article.fixes) assert.ok(fix.summary.length > 0, `${article.file}: fix ${fix.id} has no summary`);
    assert.ok(article.frontmatter.symptoms.length >= 3, `${article.file}: symptoms`);
    assert.ok(article.codeBlocks.length > 0, `${article.file}: no commands`);
  }
});

test('Chinese and English versions of an article link to the same flows and related articles', () => {
  const articles = listArticles();
  for (const zh of articles.filter((a) => a.lang === 'zh')) {
    const en = articles.find((a) => a.lang === 'en' && a.slug === zh.slug);
    assert.ok(en);
    assert.deepEqual([...en.frontmatter.flows].sort(), [...zh.frontmatter.flows].sort(), `${zh.slug} flows`);
    assert.equal(en.frontmatter.layer, zh.frontmatter.layer, `${zh.slug} layer`);
  }
});

test("an article's flows: may name exactly the flows that exist", () => {
  const frontmatter = (flows: string) =>
    `---\ntitle: T\nsummary: S.\nlayer: process\ntags: [t]\nsymptoms: [a, b, c]\nerrors: []\nflows: [${flows}]\nupdated: 2026-11-22\n---\n`;
  for (const id of FLOW_IDS) assert.ok(parseArticleSource(frontmatter(id)).frontmatter, `flow "${id}" is accepted`);
  assert.equal(parseArticleSource(frontmatter('no-such-flow')).frontmatter, undefined);
});
