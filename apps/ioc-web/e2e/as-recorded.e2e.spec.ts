// A view as recorded by a past moment, in a real headless Chromium against the real services: what
// a screen showed before a report came in (why yesterday's report differs from today's screen),
// said as such and not live, typed as Vietnam writes a moment, and one click back to the live view.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { personas, tokenFor } from '@nhip/testing';
import type { Browser, Page } from 'playwright-core';
import { vi } from '../src/i18n/messages.ts';
import { launch, seriousViolations } from './browser.ts';
import {
  figureReaches,
  report,
  startPlatform,
  summaryOf,
  villageWithTeam,
  type Platform,
} from './platform.ts';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vneid = 'residents_helped.vneid_activation';

describe('the dashboard as recorded by a moment', () => {
  let platform: Platform;
  let browser: Browser;
  /** After the first report was recorded, before the second. */
  let between = '';

  beforeAll(async () => {
    const vite = path.join(appDir, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: appDir });
    expect(built.status).toBe(0);
    platform = await startPlatform();
    const { registry, activity, projection } = platform;
    const hoaPhu = await villageWithTeam(registry, '24172', 'Thôn 1');
    await report(activity, hoaPhu, 1000, '2024-09-19T09:00:00+07:00');
    await figureReaches(projection, [summaryOf('66'), vneid], (n) => n === 1000);
    between = new Date().toISOString();
    await report(activity, hoaPhu, 5, '2024-09-20T09:00:00+07:00');
    await figureReaches(projection, [summaryOf('66'), vneid], (n) => n === 1005);
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (platform as Platform | undefined)?.stop();
  });

  const tileValue = (page: Page) => page.locator(`.tile[data-ind="${vneid}"] [data-role=value]`);
  const knownAtOf = (page: Page) => new URL(page.url()).searchParams.get('knownAt');

  it('shows the figures as recorded then, says so, and goes back to the live ones', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const token = await tokenFor(personas.provinceIoc);
    await page.goto(`${platform.projection.base}/?unit=66&period=2024&knownAt=${between}#token=${token}`);
    await page.waitForSelector('.tile .value');
    await expect(tileValue(page).textContent()).resolves.toBe('1.000');
    await expect(page.locator('#connection').getAttribute('data-state')).resolves.toBe('known-at');
    await expect(page.locator('#connection').textContent()).resolves.toMatch(
      /^Số liệu như đã ghi nhận lúc .+ \(không cập nhật trực tiếp\)$/,
    );
    // The box shows the moment as Vietnam writes it.
    await expect(page.inputValue('#known-at-view')).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.click('a.live-link');
    await page.waitForSelector('#connection[data-state=live]');
    await expect(tileValue(page).textContent()).resolves.toBe('1.005');
    expect(knownAtOf(page)).toBeNull();

    // A moment that is none is refused in the box, with what to type; the view stays live.
    await page.fill('#known-at-view', '31/02/2026 10:00');
    await page.click('form.period button[type=submit]');
    await expect(
      page.evaluate<string>("document.getElementById('known-at-view').validationMessage"),
    ).resolves.toBe(vi.knownAtInvalid.replace('{typed}', '31/02/2026 10:00'));
    expect(knownAtOf(page)).toBeNull();
    // New Year's first minute in Vietnam: nothing of 2024 had been recorded.
    await page.fill('#known-at-view', '01/01/2024 00:00');
    await page.click('form.period button[type=submit]');
    await page.waitForSelector('#connection[data-state=known-at]');
    expect(knownAtOf(page)).toBe('2023-12-31T17:00:00.000Z');
    const value = `.tile[data-ind="${vneid}"] [data-role=value]`;
    await page.waitForFunction(`(document.querySelector('${value}')?.textContent ?? '1.005') !== '1.005'`);
    await expect(tileValue(page).textContent()).resolves.toBe('0');
    await page.close();
  });

  it('downloads the view as recorded then as CSV for Excel: that moment’s figures, the moment in its name, for either Excel', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const token = await tokenFor(personas.provinceIoc);
    await page.goto(`${platform.projection.base}/?unit=66&period=2024&knownAt=${between}#token=${token}`);
    await page.waitForSelector('.tile .value');
    await expect(page.locator('#download').textContent()).resolves.toBe(vi.download);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    // The minute in Vietnam's time, as the "Ghi nhận đến" box shows it.
    const minute = new Date(Date.parse(between) + 7 * 3_600_000).toISOString().slice(0, 16);
    expect(download.suggestedFilename()).toBe(
      `nhip-66-2024-${minute.replace('T', '-').replace(':', 'h')}.csv`,
    );
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text
      .slice(1)
      .split('\r\n')
      .map((line) => line.split(';'));
    expect(lines[0]?.slice(0, 4)).toEqual(['Mã đơn vị', 'Đơn vị', 'Vai trò', 'Kỳ']);
    const own = lines.find((line) => line[0] === '66' && line[4] === vneid);
    expect(own?.slice(0, 4)).toEqual(['66', 'Tỉnh Đắk Lắk', 'Đơn vị đang xem', '2024']);
    // 1,000 as recorded then (1,005 now), a plain number Excel reads.
    expect(own?.[8]).toBe('1000');
    const districts = lines.filter((line) => line[2] === 'Đơn vị trực thuộc' && line[4] === vneid);
    expect(districts.map((line) => line[8]).filter((value) => value !== '0' && value !== '')).toEqual([
      '1000',
    ]);

    // For an English Windows' Excel: the same Vietnamese file split on commas, and the choice kept.
    await expect(page.locator('#csv-format').inputValue()).resolves.toBe('vi');
    await page.locator('#csv-format').selectOption('en');
    const [english] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    const englishLines = fs
      .readFileSync(await english.path(), 'utf8')
      .slice(1)
      .split('\r\n');
    expect(englishLines[0]?.split(',').slice(0, 4)).toEqual(['Mã đơn vị', 'Đơn vị', 'Vai trò', 'Kỳ']);
    // The indicator's name holds a comma now, so it is quoted; 1,000 as recorded then.
    expect(
      englishLines.find((line) => line.startsWith(`66,Tỉnh Đắk Lắk,Đơn vị đang xem,2024,${vneid},`)),
    ).toMatch(/,"Lượt người dân được hỗ trợ: Cài đặt, kích hoạt VNeID",số lượng,\d+,1000,/);
    await page.goto(`${platform.projection.base}/?unit=66&period=2024#token=${token}`);
    await page.waitForSelector('.tile .value');
    await expect(page.locator('#csv-format').inputValue()).resolves.toBe('en');
    await page.close();
  });

  it('says what to fix when the address carries a moment that is none, and keeps the box usable', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const token = await tokenFor(personas.provinceIoc);
    await page.goto(`${platform.projection.base}/?unit=66&period=2024&knownAt=2024-W40-3#token=${token}`);
    await page.locator('#message', { hasText: 'Ghi nhận đến' }).waitFor();
    await expect(page.locator('#message').textContent()).resolves.toBe(
      vi.badKnownAt.replace('{knownAt}', '2024-W40-3'),
    );
    // Emptied, the box goes back to the live figures.
    await page.fill('#known-at-view', '');
    await page.click('form.period button[type=submit]');
    await page.waitForSelector('#connection[data-state=live]');
    await expect(tileValue(page).textContent()).resolves.toBe('1.005');
    await page.close();
  });
});
