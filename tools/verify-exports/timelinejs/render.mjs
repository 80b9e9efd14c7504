// TimelineJS 3 (the npm package @knight-lab/timelinejs) renders a timeline
// JSON file in headless Chromium: no console error, no page error, no request
// to the network, and as many slides as the file has events plus the title.
//
//   node render.mjs TIMELINE.json SCREENSHOT.png
//
// TimelineJS fetches its default fonts from Google Fonts; the check runs
// offline, so it gives `font: null` and the local script_path.
//
// Prints one line of figures; exits 1 on any failure.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [file, shot] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "node_modules/@knight-lab/timelinejs/dist");
const data = JSON.parse(readFileSync(file, "utf8"));
const expected = (data.events?.length ?? 0) + (data.eras ? 0 : 0) + (data.title ? 1 : 0);

// The page: TimelineJS's own script and style from node_modules, the
// timeline given as an object (as TimelineJS's embed does with a JSON URL).
const page_file = resolve(dirname(shot), "timeline.html");
writeFileSync(
  page_file,
  `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(join(dist, "css/timeline.css"))}">
<script src="${pathToFileURL(join(dist, "js/timeline.js"))}"></script>
<style>html,body{height:100%;margin:0}#tl{height:100%}</style></head>
<body><div id="tl"></div><script>
window.timeline = new TL.Timeline("tl", ${JSON.stringify(data)}, { hash_bookmark: false, font: null, script_path: "${pathToFileURL(join(dist, "js"))}/" });
</script></body></html>`,
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const problems = [];
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
// Nothing but local files: any other request is refused and counted.
await page.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
  problems.push(`network request: ${url}`);
  return route.abort();
});
await page.goto(pathToFileURL(page_file).href);
await page.waitForSelector(".tl-slide", { timeout: 15000 });
await page.waitForTimeout(1500);
const slides = await page.locator(".tl-slide").count();
const markers = await page.locator(".tl-timemarker").count();
const headline = (await page.locator(".tl-slide-titleslide .tl-headline").first().textContent())?.trim();
await page.screenshot({ path: shot });
// The next slide, to see an event rendered.
await page.locator(".tl-slidenav-next").first().click();
await page.waitForTimeout(1200);
await page.screenshot({ path: shot.replace(/\.png$/, "-event.png") });
await browser.close();

if (slides !== expected) problems.push(`${slides} slides, expected ${expected}`);
if (markers !== (data.events?.length ?? 0)) problems.push(`${markers} time markers, expected ${data.events?.length}`);
if (data.title && headline !== data.title.text.headline.replace(/&amp;/g, "&")) {
  problems.push(`title slide reads “${headline}”, expected “${data.title.text.headline}”`);
}
console.log(`${file}: TimelineJS rendered ${slides} slides (${markers} events + title), ${problems.length} problems`);
for (const p of problems) console.log(`  ${p}`);
process.exit(problems.length ? 1 : 0);
