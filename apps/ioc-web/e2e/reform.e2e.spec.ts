// The dashboard after the July 2025 reform, in a real headless Chromium against the real services: a
// province whose teams were registered on the 2024 communes sees how many of them are still to move
// into the communes that replaced those, and where, until each commune takes them over (ADR 0068);
// and of those, how many wait for a person because two villages of one name met (ADR 0070), until
// the commune's officer says which village each became.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { vietnamDay } from '@nhip/contracts';
import { eventually, personas, tokenFor } from '@nhip/testing';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, seriousViolations } from './browser.ts';
import { startPlatform, villageWithTeam, type Platform } from './platform.ts';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const registryFixture = (name: string) =>
  fs.readFileSync(path.join(appDir, '..', 'registry', 'src', 'fixtures', name));
const year = vietnamDay(new Date()).slice(0, 4);

describe('the dashboard after the 2025 reform', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    const vite = path.join(appDir, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: appDir });
    expect(built.status).toBe(0);
    // Xã Hòa Khánh, which the reform merged into Xã Hòa Phú (24175) with the 2024 Xã Hòa Phú.
    platform = await startPlatform({ moreUnits2024: '24175,Xã Hòa Khánh,Xã,3,643\n' });
    const { registry, projection } = platform;
    // Teams of Xã Hòa Phú, Xã Hòa Khánh and Xã Phú Lộc, registered before the reform: both Thôn 1.
    await villageWithTeam(registry, '24172', 'Thôn 1');
    await villageWithTeam(registry, '24175', 'Thôn 1');
    await villageWithTeam(registry, '24355', 'Thôn 2');
    const csv = { 'content-type': 'text/csv' };
    const imported = await registry.post(
      '/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01',
      registryFixture('dak-lak-pilot-2025.csv'),
      csv,
    );
    const mapping = `${registryFixture('dak-lak-pilot-mapping.csv').toString()}24175,Xã Hòa Phú,2,24175,Xã Hòa Khánh,3,full\n`;
    const mapped = await registry.post('/unit-trees/vn-2025/lineage?from=vn-2024', mapping, csv);
    expect([imported.status, mapped.status].every((s) => s < 300)).toBe(true);
    await eventually(
      async () => (await projection.get(`/api/units/24175/summary?period=${year}`)).status === 200,
      {
        timeoutMs: 60_000,
      },
    );
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (platform as Platform | undefined)?.stop();
  });

  /** A commune's carry-over, with the links its officer gives; how many teams it moved. */
  const carryOver = async (commune: string, villages?: { from: string; to: string }[]) => {
    const done = await platform.registry.post<{ summary: { teamsToMove: number } }>(
      `/units/${commune}/carry-over`,
      { reason: 'Sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025', villages },
    );
    expect(done.status).toBe(200);
    return done.body.summary.teamsToMove;
  };
  const village = async (commune: string, name: string) => {
    const registered = await platform.registry.post<{ code: string }>(`/units/${commune}/villages`, {
      name,
      type: 'Thôn',
    });
    expect(registered.status).toBe(201);
    return registered.body.code;
  };
  /** The line once the registry's count has come: its text, or null when it stays hidden. */
  const noticeAfter = async (page: Page, load: () => Promise<unknown>): Promise<string | null> => {
    const counted = page.waitForResponse((r) => r.url().includes('/registry/units/66/coverage'));
    await load();
    const answer = await counted;
    expect(answer.status()).toBe(200);
    const { teamsToMove } = ((await answer.json()) as { unit: { teamsToMove: number } }).unit;
    if (teamsToMove === 0) {
      await page.waitForTimeout(300); // drawn right after the answer, if it were drawn at all
      return (await page.locator('#teams-to-move').isHidden()) ? null : 'shown';
    }
    await page.waitForSelector('#teams-to-move:not([hidden])');
    return page.locator('#teams-to-move').textContent();
  };

  it('says how many teams of the former communes wait, where, and how many wait for a person, until each commune takes them over', async () => {
    const page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 768 },
    });
    const token = await tokenFor(personas.provinceIoc);
    const address = `${platform.projection.base}/?unit=66&period=${year}#token=${token}`;
    await expect(noticeAfter(page, () => page.goto(address))).resolves.toBe(
      'Sau sắp xếp đơn vị hành chính, số tổ công nghệ số của đơn vị cũ chưa chuyển vào Tỉnh Đắk Lắk: 3 (Xã Hòa Phú 2, Xã Krông Năng 1). Trong đó, 2 tổ chờ cán bộ xác định nơi chuyển đến (Xã Hòa Phú 2)',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'teams-to-move-vi-1366x768');
    await page.click('#lang');
    await expect(page.locator('#teams-to-move').textContent()).resolves.toBe(
      'After the reform, teams of former units still to move into Tỉnh Đắk Lắk: 3 (Xã Hòa Phú 2, Xã Krông Năng 1). Of these, 2 wait for a person to decide where they go (Xã Hòa Phú 2)',
    );

    // Xã Hòa Phú's carry-over moves neither Thôn 1: they wait, as the line said.
    expect(await carryOver('24175')).toBe(0);
    expect(await carryOver('24343')).toBe(1);
    await expect(noticeAfter(page, () => page.reload())).resolves.toMatch(
      /Tỉnh Đắk Lắk: 2 \(Xã Hòa Phú 2\)\. Of these, 2 wait for a person to decide where they go \(Xã Hòa Phú 2\)$/,
    );
    // Its officer registers the villages they became and says which is which.
    const [thon1, thon9] = [await village('24175', 'Thôn 1'), await village('24175', 'Thôn 9')];
    const links = [
      { from: '24172-001', to: thon1 },
      { from: '24175-001', to: thon9 }, // Xã Hòa Khánh's Thôn 1, a code the 2025 tree gives again
    ];
    expect(await carryOver('24175', links)).toBe(2);
    await expect(noticeAfter(page, () => page.reload())).resolves.toBeNull();
  });
});
