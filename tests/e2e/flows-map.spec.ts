import { expect, test } from '@playwright/test';
import { currentStep, useLoopbackTargets } from './flow-helpers';
import { expectNoSeriousAxeViolations, gotoReady } from './helpers';

const targets = useLoopbackTargets();

for (const width of [1280, 390]) {
  test(`the five-layer map: 89 states with whole labels, zoom, keyboard through the steps, the current step highlighted in view (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await gotoReady(page, '/en/flows/five-layer');
    await page.getByLabel('Server (host name or IP)').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(targets.closedPort));
    await page.getByRole('button', { name: 'Start checking' }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');

    await page.getByText('Flow map', { exact: true }).click();
    const viewport = page.locator('[data-map-viewport]');
    const nodes = viewport.locator('[data-map-node]');
    await expect(nodes).toHaveCount(89);

    // Whole labels: no ellipsis, no text wider or taller than its box.
    const cut = await nodes.evaluateAll((items) =>
      items.filter((item) => item.textContent?.includes('…') || item.scrollWidth > item.clientWidth + 1 || item.scrollHeight > item.clientHeight + 1).map((item) => item.getAttribute('data-map-node')),
    );
    expect(cut).toEqual([]);
    await expect(viewport.locator('[data-map-node="fix_service-not-listening_start-service"]')).toContainText('Start the service');

    // The current step is highlighted and scrolled into the map's view; the path taken is marked.
    const current = viewport.locator('[data-current]');
    await expect(current).toHaveAttribute('data-map-node', 'portRefused');
    await expect(current).toHaveAttribute('aria-current', 'step');
    await viewport.scrollIntoViewIfNeeded();
    await expect(current).toBeInViewport();
    const box = await viewport.boundingBox();
    const at = await current.boundingBox();
    expect(box && at && at.x >= box.x && at.x + Math.min(at.width, box.width) <= box.x + box.width + 1 && at.y >= box.y && at.y + at.height <= box.y + box.height).toBe(true);
    await expect(viewport.locator('[data-visited]')).toHaveCount(3);

    // Zoom: buttons, then keys; 0 resets.
    const zoom = page.locator('[data-map-zoom]');
    await expect(zoom).toHaveText('Zoom 100%');
    const size = async () => viewport.locator('> div').evaluate((element) => (element as HTMLElement).offsetWidth);
    const full = await size();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect(zoom).toHaveText('Zoom 80%');
    expect(await size()).toBeLessThan(full);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(zoom).toHaveText('Zoom 125%');
    await viewport.focus();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(zoom).toHaveText('Zoom 80%');
    await page.keyboard.press('0');
    await expect(zoom).toHaveText('Zoom 100%');
    const before = await viewport.evaluate((element) => element.scrollLeft);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => viewport.evaluate((element) => element.scrollLeft)).toBeGreaterThan(before);

    // Every step is a Tab stop, in the order of the layers, and says what it is.
    await page.keyboard.press('Tab');
    const focused = page.locator('[data-map-node]:focus');
    await expect(focused).toHaveAttribute('data-map-node', 'target');
    await expect(focused).toHaveAccessibleName(/^Form: Which server does the customer connect to\? \(visited\)$/);
    await page.keyboard.press('Tab');
    await expect(focused).toHaveAttribute('data-map-node', /^(dnsProbe|tcpProbe)$/);
    await expect(focused).toBeInViewport();

    await expectNoSeriousAxeViolations(page);
    await viewport.screenshot({ path: test.info().outputPath(`five-layer-map-${width}.png`) });
  });
}

test('流程图在中文界面里同样完整显示标签，当前步骤高亮', async ({ page }) => {
  await gotoReady(page, '/zh/flows/tls-handshake');
  await page.getByText('流程图', { exact: true }).click();
  const current = page.locator('[data-map-viewport] [data-current]');
  await expect(current).toHaveAttribute('data-map-node', 'target');
  await expect(current).toHaveAccessibleName('表单：哪台服务器的 TLS 出了问题？（当前步骤）');
  await page.getByRole('button', { name: '放大' }).click();
  await expect(page.locator('[data-map-zoom]')).toHaveText('缩放 125%');
});
