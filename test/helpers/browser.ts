import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium through playwright-core, with the flags this machine needs: no sandbox
 * as root, and no background networking (the network is closed). A fresh profile each time:
 * playwright-core refuses `--user-data-dir` in `launch()` and gives every launch its own
 * temporary profile, deleted on close.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
