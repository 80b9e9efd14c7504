// The web build in headless Chromium (Debian's, driven by playwright-core),
// used as a reader would: every view looked at, an article opened by the
// search (Ctrl+K, typing, Enter), a quiz question answered by the keyboard
// and the page reloaded to find the answer kept, a teacher's unit file
// dropped on the page and a unit folder chosen, and the single-file build opened from file://. No
// console error, no page error, and no request leaves the page's own server
// (or, for the single file, the page itself).
//
//   node check.mjs DIST_FOLDER UNIT_ZIP UNIT_FOLDER SHOTS_FOLDER
//
// Prints what it checked and the first-paint figures; exits 1 on a failure.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [dist, unitZip, unitFolder, shots] = process.argv.slice(2).map((p) => resolve(p));
// Where "Open a unit folder…" is in the File menu at 1280x800 (English).
const [MENU_FOLDER_X, MENU_FOLDER_Y] = [90, 62];
const web = join(dist, "web");
const problems = [];
const fail = (what) => problems.push(what);

// The page's own server: dist/web only, with the types a browser needs.
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  const file = join(web, path === "/" ? "index.html" : path);
  if (!file.startsWith(web)) return res.writeHead(403).end();
  try {
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});

/** A page of a fresh profile (or of `context`), watched for errors and requests. */
async function newPage(context, size = { width: 1280, height: 800 }, allowed = [base]) {
  const page = await context.newPage({ viewport: size });
  await page.setViewportSize(size);
  page.on("console", (m) => m.type() === "error" && fail(`console: ${m.text()}`));
  page.on("pageerror", (e) => fail(`page error: ${e.message}`));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (allowed.some((a) => url.startsWith(a)) || url.startsWith("data:") || url.startsWith("blob:")) {
      return route.continue();
    }
    fail(`network request: ${url}`);
    return route.abort();
  });
  return page;
}

/** Goes to `url` and waits for the app's first frame; returns its time in ms. */
async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("first-frame").length > 0, null, {
    timeout: 60000,
  });
  // A few frames for fonts and layout to settle.
  await page.waitForTimeout(800);
  return page.evaluate(() => performance.getEntriesByName("first-frame")[0].startTime);
}

const storage = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`) });

// 1. First paint from the local server: a first visit, then four more.
const paints = [];
let steps = "";
{
  const context = await browser.newContext();
  for (let i = 0; i < 5; i++) {
    const page = await newPage(context);
    paints.push(await open(page, base));
    // Where the last visit's time went: the page's own timings and the app's marks.
    steps = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const wasm = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
      const marks = performance.getEntriesByType("mark").map((m) => `${m.name} ${m.startTime.toFixed(0)}`);
      return [`html ${nav.responseEnd.toFixed(0)}`, `wasm fetched ${wasm ? wasm.responseEnd.toFixed(0) : "?"}`, ...marks].join(", ");
    });
    await page.close();
  }
  await context.close();
}

// 2. Every view, in two themes and all three languages.
const views = [
  ["study", "", { width: 1280, height: 800 }],
  ["timeline", "", { width: 1280, height: 800 }],
  ["organizations", "", { width: 1280, height: 800 }],
  ["quiz", "", { width: 1280, height: 800 }],
  ["quiz", "&theme=dark&lang=ru", { width: 1024, height: 700 }],
  ["timeline", "&theme=high-contrast&lang=tk", { width: 1024, height: 700 }],
  ["organizations", "&theme=sepia&lang=ru", { width: 1024, height: 700 }],
];
for (const [view, more, size] of views) {
  const context = await browser.newContext();
  const page = await newPage(context, size);
  await open(page, `${base}?view=${view}${more}`);
  await shot(page, `web-${view}${more.replace(/[&=]/g, "-")}`);
  await context.close();
}

let answered = 0;
// 3-4. One reader's visit: an article by the search, a quiz answered, a reload.
{
  const context = await browser.newContext();
  const page = await newPage(context);
  await open(page, base);
  await page.focus("#the_canvas");
  await page.keyboard.press("Control+K");
  await page.waitForTimeout(300);
  await page.keyboard.type("neutrality", { delay: 30 });
  await page.waitForTimeout(500);
  await shot(page, "web-search");
  // Enter opens the first result (an organization's card).
  await page.keyboard.press("Enter");
  await page.waitForTimeout(800);
  await shot(page, "web-search-opened");
  // The article "Foreign Policy", third in the Study view's library, clicked.
  await open(page, `${base}?view=study`);
  await page.mouse.click(56, 250);
  await page.waitForTimeout(1500);
  await shot(page, "web-article");
  const afterArticle = await storage(page);
  const settingsKey = Object.keys(afterArticle).find((k) => k.endsWith("/settings.json"));
  if (!settingsKey) fail(`no settings saved in the page's storage: ${Object.keys(afterArticle).join(", ")}`);
  else if (!afterArticle[settingsKey].includes("mfa-foreign-policy")) {
    fail(`the article clicked is not the one open: ${afterArticle[settingsKey].slice(0, 300)}`);
  }

  // A note: the first paragraph's number in the margin, clicked, opens the
  // note's editor (the page scrolls it into view); typed, then "Save note".
  await page.mouse.click(313, 413);
  await page.waitForTimeout(1500);
  await page.keyboard.type("The Constitution comes first.", { delay: 20 });
  await page.waitForTimeout(300);
  await page.mouse.click(369, 492);
  await page.waitForTimeout(1500);
  await shot(page, "web-note");
  const notesOf = (s) => Object.entries(s).find(([k]) => k.endsWith("/notes.json"))?.[1];
  const notes = notesOf(await storage(page));
  if (!notes || !notes.includes("mfa-foreign-policy")) fail(`no note saved for the article: ${notes}`);

  const code = process.env.QUIZ_CODE ?? "RFJ7X-4VQ5E";
  await open(page, `${base}?quiz=${code}`);
  await page.focus("#the_canvas");
  await page.keyboard.press("1");
  await page.waitForTimeout(200);
  await page.keyboard.press("Enter");
  await page.waitForTimeout(1500);
  await shot(page, "web-quiz-answered");
  const memoryKey = (s) => Object.keys(s).find((k) => k.endsWith("/quiz-memory.json"));
  const before = await storage(page);
  const memory = before[memoryKey(before)];
  if (!memory) fail(`no quiz memory saved after an answer: keys ${Object.keys(before).join(", ")}`);

  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("first-frame").length > 0, null, { timeout: 60000 });
  await page.waitForTimeout(800);
  const after = await storage(page);
  if (!memory || after[memoryKey(after)] !== memory) fail("the quiz memory was not the same after a reload");
  if (notesOf(after) !== notes) fail("the notes were not the same after a reload");
  await open(page, `${base}?view=quiz`);
  await shot(page, "web-quiz-after-reload");
  const questions = memory ? Object.values(JSON.parse(memory).questions ?? {}) : [];
  answered = questions.filter((q) => q.right + q.wrong > 0).length;
  if (answered !== 1) fail(`the quiz memory holds ${answered} answered questions, not 1`);
  await context.close();
}

// 5. An export comes down as a download: the Quiz view's Export… (paper, PDF).
let download = "";
{
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await newPage(context);
  await open(page, `${base}?view=quiz`);
  const coming = page.waitForEvent("download", { timeout: 30000 });
  await page.mouse.click(369, 261); // "Export…" beside the format list
  const file = await coming;
  const path = join(shots, "web-export.pdf");
  await file.saveAs(path);
  const head = readFileSync(path).subarray(0, 5).toString("latin1");
  download = `${file.suggestedFilename()} (${statSync(path).size} bytes)`;
  if (head !== "%PDF-") fail(`the download ${download} is not a PDF`);
  await shot(page, "web-export");
  await context.close();
}

// 6. A teacher's unit file dropped on the page.
{
  const context = await browser.newContext();
  const page = await newPage(context);
  await open(page, base);
  const bytes = [...readFileSync(unitZip)];
  const name = unitZip.split("/").pop();
  const drop = await page.evaluateHandle(
    ([bytes, name]) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type: "application/zip" }));
      return data;
    },
    [bytes, name],
  );
  await page.dispatchEvent("#the_canvas", "dragenter", { dataTransfer: drop });
  await page.dispatchEvent("#the_canvas", "dragover", { dataTransfer: drop });
  await page.waitForTimeout(300);
  await shot(page, "web-drop-hover");
  await page.dispatchEvent("#the_canvas", "drop", { dataTransfer: drop });
  await page.waitForTimeout(2500);
  await shot(page, "web-dropped-unit");
  const saved = await storage(page);
  const settings = Object.entries(saved).find(([k]) => k.endsWith("/settings.json"))?.[1] ?? "";
  if (!settings.includes(`/held/${name}`)) fail(`the dropped unit is not the one open (settings: ${settings.slice(0, 300)})`);
  await context.close();
}

// 6b. A teacher's unit folder, chosen with File → "Open a unit folder…".
{
  const context = await browser.newContext();
  const page = await newPage(context);
  await open(page, base);
  await page.mouse.click(25, 12); // File
  await page.waitForTimeout(400);
  await shot(page, "web-file-menu");
  const chooser = page.waitForEvent("filechooser", { timeout: 15000 });
  await page.mouse.click(MENU_FOLDER_X, MENU_FOLDER_Y); // "Open a unit folder…"
  await (await chooser).setFiles(unitFolder);
  await page.waitForTimeout(2500);
  await shot(page, "web-chosen-folder");
  const saved = await storage(page);
  const settings = Object.entries(saved).find(([k]) => k.endsWith("/settings.json"))?.[1] ?? "";
  const folderName = unitFolder.split("/").pop();
  if (!settings.includes(`/held/${folderName}.zip`)) fail(`the chosen folder is not the unit open (settings: ${settings.slice(0, 300)})`);
  await context.close();
}

// 7. The single file, opened from file:// with nothing beside it.
let single = 0;
{
  const file = join(dist, "neutrality-reader.html");
  const context = await browser.newContext();
  const page = await newPage(context, { width: 1280, height: 800 }, [pathToFileURL(file).href]);
  single = await open(page, pathToFileURL(file).href + "?view=timeline");
  await shot(page, "web-single-file");
  await context.close();
}

await browser.close();
server.close();
const sorted = [...paints].sort((a, b) => a - b);
const wasm = statSync(join(web, "neutrality-reader_bg.wasm")).size;
console.log(
  `first frame from 127.0.0.1: first visit ${paints[0].toFixed(0)} ms, median of 5 ${sorted[2].toFixed(0)} ms; ` +
    `single file from file:// ${single.toFixed(0)} ms; wasm ${(wasm / 1048576).toFixed(1)} MiB`,
);
console.log(`  the last visit, ms from navigation: ${steps}`);
console.log(`views: ${views.length} screenshots; search by Ctrl+K; article clicked and a note written; quiz answered (${answered} in the memory) and kept over a reload; export downloaded: ${download}; unit dropped; unit folder chosen; ${problems.length} problems`);
for (const p of problems) console.log(`  ${p}`);
process.exit(problems.length ? 1 : 0);
