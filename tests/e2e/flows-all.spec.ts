import { expect, test } from '@playwright/test';
import { currentStep, useLoopbackTargets } from './flow-helpers';
import { gotoReady } from './helpers';

const targets = useLoopbackTargets();


test('the home page and the flow list show every flow with its one-line description, in both languages', async ({ page }) => {
  for (const [lang, title, description] of [
    ['en', 'TLS handshake and certificates', 'The TLS probe finds clock, expiry, name, chain or protocol-version trouble'],
    ['zh', 'TLS 握手与证书', '用 TLS 探测查出时钟、过期、域名、证书链或协议版本的问题'],
  ] as const) {
    for (const path of [`/${lang}`, `/${lang}/flows`]) {
      await gotoReady(page, path);
      await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', `/${lang}/flows/tls-handshake`);
      await expect(page.getByText(description)).toBeVisible();
      await expect(page.locator('a[href^="/' + lang + '/flows/"]')).toHaveCount(5);
    }
  }
});

test('tls-handshake: the TLS probe finds the expired certificate (en and zh)', async ({ page }) => {
  for (const [lang, host, port, start, fixLink] of [
    ['en', 'Server (host name or IP)', 'Port', 'Check TLS', '/en/articles/tls-certificate-expired#renew-certificate'],
    ['zh', '服务器地址（主机名或 IP）', '端口', '检查 TLS', '/zh/articles/tls-certificate-expired#renew-certificate'],
  ] as const) {
    await gotoReady(page, `/${lang}/flows/tls-handshake`);
    await page.getByLabel(host).fill('127.0.0.1');
    await page.getByLabel(port).fill(String(targets.expiredTlsPort));
    await page.getByRole('button', { name: start }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_tls-certificate-expired_renew-certificate');
    await expect(page.locator(`a[href="${fixLink}"]`).first()).toBeVisible();
  }
});

test('client-config: a malformed address ends at correcting it; a closed port asks about the port (en and zh)', async ({ page }) => {
  await gotoReady(page, '/en/flows/client-config');
  await page.getByRole('button', { name: 'There is an address' }).click();
  await page.getByLabel('Server address (verbatim)').fill('htps://api.example.com');
  await page.getByRole('button', { name: 'Check the address' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_server-address-invalid_fix-address-format');

  await gotoReady(page, '/zh/flows/client-config');
  await page.getByRole('button', { name: '有一个地址' }).click();
  await page.getByLabel('服务器地址（原样）').fill(`127.0.0.1:${targets.closedPort}`);
  await page.getByRole('button', { name: '检查地址' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'refusedPort');
  await page.getByRole('button', { name: '不，端口是对的' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_service-not-listening_check-listening');
});

test('incident-response: the status update is filled in from the answers in both languages, then 5 Whys (en and zh)', async ({ page }) => {
  for (const lang of ['en', 'zh'] as const) {
    const en = lang === 'en';
    await gotoReady(page, `/${lang}/flows/incident-response`);
    await page.getByLabel(en ? 'Affected service' : '受影响的服务').fill('Order API');
    await page.getByLabel(en ? 'Started at (with time zone)' : '开始时间（含时区）').fill('14:05 UTC');
    await page.getByLabel(en ? 'What customers see' : '客户看到的现象').fill('Checkout times out');
    await page.getByRole('button', { name: en ? 'Confirm the scope' : '确认影响范围' }).click();
    await page.getByRole('button', { name: en ? 'All customers' : '所有客户' }).click();
    await page.getByRole('button', { name: en ? 'A recent deployment or config change' : '最近的发布或配置变更' }).click();
    await page.getByRole('button', { name: en ? 'Done' : '已经做了' }).click();
    await page.getByRole('button', { name: en ? 'Yes' : '恢复了' }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'communicate');
    // The updates are editable text areas: their value is the text.
    await expect(page.locator('[data-status-update="en"]')).toHaveValue(/\[Restored, monitoring\] Order API disruption/);
    await expect(page.locator('[data-status-update="en"]')).toHaveValue(/Since 14:05 UTC, all customers may see the following: Checkout times out/);
    await expect(page.locator('[data-status-update="zh"]')).toHaveValue(/自 14:05 UTC 起，所有客户可能遇到以下问题：Checkout times out/);
    await page.getByRole('button', { name: en ? 'Posted' : '已发布' }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'toFiveWhys');
    // The hand-off carries what was recorded (see flows-handoff.spec.ts for what arrives).
    await expect(page.getByRole('link', { name: en ? 'Continue: 5 Whys root-cause analysis' : '继续：5 Why 根因分析' })).toHaveAttribute('href', new RegExp(`^/${lang}/flows/five-whys\\?h=[\\w-]+$`));
  }
});

test('the language switch keeps the flow and its path', async ({ page }) => {
  await gotoReady(page, '/en/flows/client-config');
  await page.getByRole('button', { name: 'There is an address' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'address');
  await expect(page).toHaveURL(/\?v=1&p=/);
  await page.getByRole('link', { name: 'Switch to Chinese' }).click();
  await expect(page).toHaveURL(/\/zh\/flows\/client-config\?v=1&p=/);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'address');
  await expect(page.getByRole('heading', { name: '照原样输入客户端里的地址' })).toBeVisible();
});

test('five-whys runs in Chinese to a Chinese report', async ({ page }) => {
  await gotoReady(page, '/zh/flows/five-whys');
  await page.getByLabel(/^问题/).fill('客户端一直转圈，连不上服务器');
  await page.getByRole('button', { name: '开始问为什么' }).click();
  await page.getByLabel(/^原因/).fill('服务器证书过期');
  await page.getByRole('button', { name: '这就是根本原因' }).click();
  await page.getByRole('textbox', { name: /^根本原因/ }).fill('没有自动续期');
  await page.getByRole('button', { name: '制定对策' }).click();
  await page.getByRole('textbox', { name: '对策' }).fill('配置自动续期');
  await page.getByRole('textbox', { name: '负责人' }).fill('运维组');
  await page.getByLabel('完成日期').fill('2026-12-15');
  await page.getByRole('button', { name: '生成报告' }).click();
  const report = page.locator('[data-report]');
  await expect(report).toContainText('# 5 Why 分析');
  await expect(report).toContainText('**为什么 1：** 服务器证书过期 _(可能)_');
  await expect(report).toContainText('| 配置自动续期 | 运维组 | 2026-12-15 |');
});
