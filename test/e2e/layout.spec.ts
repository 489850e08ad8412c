// Pins the notebook's layout on the sample: at 1400x1000 no card carries a blank half beside a
// taller neighbour and none sits alone in a half row, the data panel stays reachable down the
// page, and chart menus stay under the sticky header; on a 390x844 phone the header is one short
// line and the first KPI's headline is on the first screen.
import { expect, test, type Page } from '@playwright/test';

import { guardOrigin } from './helpers';

guardOrigin();
// The whole sample notebook and the lifetime-value fit must finish before anything is measured.
test.describe.configure({ timeout: 420_000 });

async function settled(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 300_000 });
  await expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('[data-clv-status="done"]')).toBeVisible({ timeout: 60_000 });
  // The fit's own cells run after it, one after another.
  await expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('[data-chart-state="drawing"]')).toHaveCount(0);
}

interface Card {
  id: string;
  grid: number;
  top: number;
  bottom: number;
  width: number;
  gridWidth: number;
  /** The largest empty stretch inside the card: between two of its parts, or below the last. */
  innerGap: number;
}

/** Every card's box, the grid it sits in, and the largest blank stretch inside it. */
function measureCards(page: Page): Promise<Card[]> {
  return page.locator('article[data-cell]').evaluateAll((articles) => {
    const grids: Element[] = [];
    return articles.map((article) => {
      // The grid item is the card itself or the one wrapper between it and its grid.
      let item: Element = article;
      while (item.parentElement && getComputedStyle(item.parentElement).display !== 'grid') item = item.parentElement;
      const grid = item.parentElement!;
      if (!grids.includes(grid)) grids.push(grid);
      const box = item.getBoundingClientRect();
      const card = article.getBoundingClientRect();
      const parts = [...article.children].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0).sort((a, b) => a.top - b.top);
      let reached = card.top;
      let innerGap = 0;
      for (const part of parts) {
        innerGap = Math.max(innerGap, part.top - reached);
        reached = Math.max(reached, part.bottom);
      }
      innerGap = Math.max(innerGap, card.bottom - reached);
      return {
        id: article.getAttribute('data-cell') ?? '',
        grid: grids.indexOf(grid),
        top: Math.round(box.top + scrollY),
        bottom: Math.round(card.bottom + scrollY),
        width: box.width,
        gridWidth: grid.getBoundingClientRect().width,
        innerGap: Math.round(innerGap),
      };
    });
  });
}

test.describe('at 1400x1000', () => {
  test.use({ viewport: { width: 1400, height: 1000 } });

  test('no card leaves a blank half beside its neighbours and none sits alone in a half row; the data panel stays in view; chart menus pass under the header', async ({ page }) => {
    await settled(page);
    const cards = await measureCards(page);
    expect(cards.length).toBeGreaterThan(30);
    const rows = new Map<string, Card[]>();
    for (const card of cards) {
      const key = `${card.grid}:${card.top}`;
      rows.set(key, [...(rows.get(key) ?? []), card]);
    }
    const blank: string[] = [];
    const alone: string[] = [];
    for (const row of rows.values()) {
      const rowBottom = Math.max(...row.map((c) => c.bottom));
      for (const card of row) {
        // Blank inside the card (stretched to the row) or below it (when the row aligns to the top).
        const empty = card.innerGap + (rowBottom - card.bottom);
        if (empty > 120) blank.push(`${card.id}: ${empty}px blank`);
      }
      if (row.length === 1 && row[0].width < 0.9 * row[0].gridWidth) alone.push(`${row[0].id}: ${Math.round(row[0].width)} of ${Math.round(row[0].gridWidth)}px`);
    }
    expect(blank, 'cards with a blank stretch').toEqual([]);
    expect(alone, 'cards alone in a part of a row').toEqual([]);

    // The data panel is in view at the bottom of the page.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(3000);
    await expect(page.getByRole('button', { name: 'Choose files…' })).toBeInViewport();
    await expect(page.locator('[data-table="base.orders"]')).toBeInViewport();

    // A chart's menu button passes under the sticky header.
    const header = await page.locator('.shell > header').boundingBox();
    const menu = page.locator('article[data-cell="order_count"] .vega-embed summary');
    await expect(menu).toBeVisible();
    // Scroll the menu button to the middle of the header and ask what the page shows there.
    const box = (await menu.boundingBox())!;
    await page.evaluate((by) => window.scrollBy(0, by), box.y + box.height / 2 - (header!.y + header!.height / 2));
    const inHeader = await menu.evaluate((summary) => {
      const r = summary.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !!hit?.closest('.shell > header');
    });
    expect(inHeader).toBe(true);
  });
});

test.describe('on a 390x844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  // The precomputed notebook shown while the database starts is laid out as the live one.
  test('a short sticky header, the first KPI headline on the first screen, and the date controls and data panel behind header buttons', async ({ page }) => {
    await page.goto('./');
    const header = page.locator('.shell > header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(90);
    const headline = page.locator('article[data-cell] [data-testid="headline"]').first();
    await expect(headline).toHaveText(/\d/);
    const box = (await headline.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    // The header stays one short line as the page scrolls.
    await page.evaluate(() => window.scrollTo(0, 4000));
    const scrolled = (await header.boundingBox())!;
    expect(scrolled.y).toBe(0);
    expect(scrolled.height).toBeLessThanOrEqual(90);

    await expect(page.getByTestId('preset')).toBeHidden();
    const range = page.getByRole('button', { name: /^Date range:/ });
    await range.click();
    await expect(page.getByTestId('preset')).toBeVisible();
    await range.click();
    await expect(page.getByTestId('preset')).toBeHidden();

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const choose = page.getByRole('button', { name: 'Choose files…' });
    await expect(choose).toBeHidden();
    const data = page.getByRole('button', { name: 'Data', exact: true });
    await data.focus();
    await page.keyboard.press('Enter');
    await expect(data).toHaveAttribute('aria-expanded', 'true');
    await expect(choose).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Close the data panel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(choose).toBeHidden();
    await expect(data).toBeFocused();
  });
});
