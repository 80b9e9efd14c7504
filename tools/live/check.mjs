// The live class's students' page in headless Chromium (Debian's, driven by
// playwright-core), used as a student would on a phone (390x844, touch):
// join with a nickname, wait, answer the teacher's question, see "answer
// sent", see the reveal (right or wrong, the right option, the explanation
// and the source), put an ordering question in order (with an undo), see
// the class end; a wrong code and a missing one; the page on a laptop. The
// teacher is examples/live_demo, driven on its standard input. No console
// error (a Content-Security-Policy violation is one), no page error, no
// request but to the class's own server.
//
//   node check.mjs DEMO_BINARY LANG SHOTS_FOLDER
//
// Prints what it checked; exits 1 on a failure.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { join, resolve } from "node:path";

const [demo, lang, shotsArg] = process.argv.slice(2);
const shots = resolve(shotsArg);
const problems = [];
const fail = (what) => problems.push(what);
const check = (ok, what) => (ok ? console.log(`  ok: ${what}`) : fail(what));

// The teacher: the demo class, one command a line, one reply a line.
const teacher = spawn(demo, ["--lang", lang], { stdio: ["pipe", "pipe", "inherit"] });
const lines = createInterface({ input: teacher.stdout });
const waiting = [];
const early = [];
lines.on("line", (line) => (waiting.length ? waiting.shift()(line) : early.push(line)));
const nextLine = () => (early.length ? Promise.resolve(early.shift()) : new Promise((ok) => waiting.push(ok)));
async function say(command) {
  teacher.stdin.write(command + "\n");
  const reply = await nextLine();
  if (!reply.startsWith("OK")) fail(`teacher: ${command} -> ${reply}`);
  return reply.slice(3);
}
const url = (await nextLine()).replace(/^URL /, "");
const code = (await nextLine()).replace(/^CODE /, "");
const base = new URL(url).origin;
console.log(`class at ${url} (${lang})`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** A fresh browser (its own cookies: another device), watched; `refused`
 * when its page is meant to come with a 403 (which Chromium logs). */
async function device(options = phone, refused = false) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const expected = (m) => refused && m.text().includes("status of 403");
  page.on("console", (m) => m.type() === "error" && !expected(m) && fail(`console: ${m.text()}`));
  page.on("pageerror", (e) => fail(`page error: ${e.message}`));
  await page.route("**/*", (route) => {
    const target = route.request().url();
    if (target.startsWith(base + "/")) return route.continue();
    fail(`network request: ${target}`);
    return route.abort();
  });
  return page;
}
const shot = (page, name) => page.screenshot({ path: join(shots, `live-${lang}-${name}.png`), fullPage: true });
const texts = (page) => page.evaluate(() => JSON.parse(document.getElementById("config").textContent).texts);
const statusText = (page) => page.locator("#status").textContent();
const waitStatus = (page, words) =>
  page.waitForFunction((w) => document.getElementById("status").textContent === w, words, { timeout: 10000 });

// 1. The address from the QR code: the page asks only for a nickname.
const page = await device();
const response = await page.goto(url);
check(response.status() === 200, "the page is served (200)");
const csp = response.headers()["content-security-policy"] ?? "";
check(csp.startsWith("default-src 'none'") && csp.includes("'nonce-"), "strict Content-Security-Policy");
const T = await texts(page);
check((await page.getAttribute("html", "lang")) === lang, `lang="${lang}"`);
check(await page.locator("#code-row").isHidden(), "the code is taken from the address");
check((await page.locator("#status[aria-live=polite]").count()) === 1, "an aria-live status region");
await shot(page, "1-join");
await page.fill("#nickname", "<b>Aýna</b>");
await page.tap("#join-button");
await waitStatus(page, T.waiting);
check(true, "joined: waiting for the teacher");
await shot(page, "2-waiting");

// 2. A question: lettered buttons, tap B, "answer sent".
await say("show 1");
await page.waitForSelector("#options button.option", { timeout: 10000 });
const options = page.locator("#options button.option");
const count = await options.count();
check(count >= 2, `${count} option buttons`);
check((await options.first().locator(".letter").textContent()) === "A", "options lettered A, B…");
const box = await options.first().boundingBox();
check(box && box.height >= 48 && box.width >= 300, `large touch targets (${Math.round(box?.width)}x${Math.round(box?.height)})`);
check(await page.evaluate(() => document.activeElement?.id === "prompt"), "focus moves to the new question");
await shot(page, "3-question");
await options.nth(1).tap();
await waitStatus(page, T.sent);
check(await options.nth(1).isDisabled(), "answered: the options are closed");
const counts = JSON.parse(await say("counts"));
check(counts.answered === 1 && counts.per_option[1] === 1, `the projector counts it: ${JSON.stringify(counts)}`);
await shot(page, "4-sent");

// 3. The reveal: right or wrong, the right option marked, why and where.
await say("reveal");
await page.waitForSelector("#verdict:not([hidden])", { timeout: 10000 });
const verdict = await page.locator("#verdict").textContent();
check([T.right, T.wrong].includes(verdict), `verdict: ${verdict}`);
check((await page.locator("#options .option.right").count()) === 1, "the right option is marked");
check(((await page.locator("#explanation").textContent()) ?? "").length > 10, "the explanation is shown");
check(((await page.locator("#source").textContent()) ?? "").includes(","), "the source is shown");
await shot(page, "5-revealed");

// 4. An ordering question: tap in order, undo, send.
await say("show order");
await page.waitForSelector("#ordering:not([hidden])", { timeout: 10000 });
const n = await options.count();
for (let i = n - 1; i >= 0; i--) await options.nth(i).tap();
check(await page.locator("#send").isEnabled(), "every option placed: Send enabled");
await page.tap("#undo");
check(await page.locator("#send").isDisabled(), "after Undo: Send disabled");
check((await page.locator("#order-list li").count()) === n - 1, "Undo took the last one back");
await shot(page, "6-ordering");
await page.locator("#options button.option:not(:disabled)").first().tap();
await page.tap("#send");
await waitStatus(page, T.sent);
await say("reveal");
await page.waitForSelector("#verdict:not([hidden])", { timeout: 10000 });
await shot(page, "7-ordering-revealed");
check(true, "ordering answered and revealed");

// 5. A wrong code in the address: 403 and the page asks for the code.
const wrong = await device(phone, true);
const wrongResponse = await wrong.goto(`${base}/?c=WRONG2`);
check(wrongResponse.status() === 403, "a wrong code: 403");
check(await wrong.locator("#code-row").isVisible(), "the page asks for the code");
check((await wrong.locator("#message").textContent()) === T.error_wrong_code, "and says the code is wrong");
await shot(wrong, "8-wrong-code");
// The bare address: type the code (lower case, as a phone may) and join.
const bare = await device();
await bare.goto(base + "/");
check(await bare.locator("#code-row").isVisible(), "the bare address asks for the code");
await bare.fill("#code", code.toLowerCase());
await bare.tap("#join-button");
await bare.waitForSelector("#options button.option", { timeout: 10000 });
check(true, "joined by the typed code, sees the question on show");

// 6. A laptop: the same page, centred, readable.
const laptop = await device({ viewport: { width: 1280, height: 800 } });
await laptop.goto(url);
await laptop.click("#join-button");
await laptop.waitForSelector("#options button.option", { timeout: 10000 });
await say("show 2");
await laptop.waitForFunction(() => !document.querySelector("#options button.option:disabled"), null, { timeout: 10000 });
// The keyboard: Tab to an option shows a focus ring.
await laptop.keyboard.press("Tab");
const ring = await laptop.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
check(ring !== "none", `keyboard focus is visible (${ring})`);
await shot(laptop, "9-laptop");

// 7. The class ends: every page says so.
await say("end");
await page.waitForFunction((w) => document.getElementById("status").textContent === w, T.ended, { timeout: 30000 });
check(true, "the class ended: the page says so");
await shot(page, "10-ended");

await browser.close();
teacher.stdin.write("quit\n");
teacher.stdin.end();
if (problems.length) {
  console.error(`FAILED (${lang}):\n  ` + problems.join("\n  "));
  process.exit(1);
}
console.log(`live page check passed (${lang}); screenshots: ${shots}/live-${lang}-*.png`);
