import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTICLE_SLUGS } from '../../lib/content/catalog';
import { lintContent } from '../../lib/content/lint';
import { loadArticles } from '../../lib/content/load';
import { LOCALES } from '../../lib/i18n/locales';

test('the knowledge base has every article of DESIGN.md in both languages, and passes the lint', () => {
  const articles = loadArticles();
  for (const lang of LOCALES) {
    assert.deepEqual(
      articles.filter((a) => a.lang === lang).map((a) => a.slug).sort(),
      [...ARTICLE_SLUGS].sort(),
      `${lang} articles`,
    );
  }
  assert.deepEqual(lintContent(), []);
});

test('every article has at least two fixes, three symptoms, and a placeholder-aware command', () => {
  for (const article of loadArticles()) {
    assert.ok(article.fixes.length >= 2, `${article.file}: ${article.fixes.length} fixes`);
    assert.ok(article.frontmatter.symptoms.length >= 3, `${article.file}: symptoms`);
    assert.ok(article.codeBlocks.length > 0, `${article.file}: no commands`);
  }
});

test('Chinese and English versions of an article link to the same flows and related articles', () => {
  const articles = loadArticles();
  for (const zh of articles.filter((a) => a.lang === 'zh')) {
    const en = articles.find((a) => a.lang === 'en' && a.slug === zh.slug);
    assert.ok(en);
    assert.deepEqual([...en.frontmatter.flows].sort(), [...zh.frontmatter.flows].sort(), `${zh.slug} flows`);
    assert.equal(en.frontmatter.layer, zh.frontmatter.layer, `${zh.slug} layer`);
  }
});
