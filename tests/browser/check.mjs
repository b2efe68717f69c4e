// Opens every HTML page of a folio report folder in a real headless Chromium (Debian's, driven
// over the DevTools protocol by playwright-core; no browser is downloaded) at a desktop and a
// phone width, and prints what it saw as JSON for the Rust tests to judge: console errors,
// failed requests, every request made, each chart's size, the screenshots' sizes, and what the
// page shows of the names a hostile portfolio wrote.
//
// node check.mjs --chromium /usr/bin/chromium --site DIR --shots DIR [--dashboard FILE.png]

import { chromium } from "playwright-core";
import { readdirSync, readFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, index, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[index + 1]]);
    return pairs;
  }, []),
);
const site = resolve(args.site);
const siteUrl = pathToFileURL(site).href + "/";
const shots = resolve(args.shots);
mkdirSync(shots, { recursive: true });

const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

/** Width and height from a PNG's header. */
function pngSize(buffer) {
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20), bytes: buffer.length };
}

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
});
const pages = readdirSync(site).filter((name) => name.endsWith(".html")).sort();
const report = { pages: {} };
try {
  for (const [device, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport });
    for (const name of pages) {
      const page = await context.newPage();
      const seen = { console: [], pageErrors: [], failed: [], requests: [] };
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") {
          seen.console.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => seen.pageErrors.push(String(error)));
      page.on("requestfailed", (request) =>
        seen.failed.push(`${request.url()} ${request.failure()?.errorText}`),
      );
      page.on("request", (request) => seen.requests.push(request.url()));
      const response = await page.goto(siteUrl + name, { waitUntil: "load" });
      const facts = await page.evaluate(() => {
        const charts = [...document.querySelectorAll("svg")].map((svg) => {
          const box = svg.getBoundingClientRect();
          return {
            id: svg.querySelector("title")?.id ?? "",
            title: svg.querySelector("title")?.textContent ?? "",
            desc: svg.querySelector("desc")?.textContent ?? "",
            role: svg.getAttribute("role"),
            width: box.width,
            height: box.height,
            texts: svg.querySelectorAll("text").length,
          };
        });
        const links = [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
        return {
          title: document.title,
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? "",
          charts,
          links,
          text: document.body.innerText,
          scripts: document.querySelectorAll("script").length,
          injected: document.querySelectorAll("main img, main b, main iframe, main object, main embed, main form, main input").length,
          styled: document.querySelectorAll("body [style]").length,
          styles: document.querySelectorAll("style").length,
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        };
      });
      const shot = join(shots, `${name.replace(/\.html$/, "")}-${device}.png`);
      const buffer = await page.screenshot({ path: shot, fullPage: device === "phone" && name === "index.html" });
      report.pages[`${device}/${name}`] = {
        status: response?.status() ?? null,
        ...seen,
        ...facts,
        screenshot: { path: shot, ...pngSize(buffer) },
      };
      if (args.dashboard && device === "desktop" && name === "index.html") {
        const dashboard = await page.screenshot({ path: resolve(args.dashboard), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1400 } });
        report.dashboard = pngSize(dashboard);
      }
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
