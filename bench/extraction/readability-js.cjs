// Extraction benchmark competitor: Mozilla Readability on jsdom over saved pages.
// Usage: node readability-js.cjs LIST_FILE OUT_DIR   (with @mozilla/readability and jsdom in NODE_PATH or ./node_modules)
// Prints one JSON line: seconds and cpuSeconds (reading + new JSDOM(bytes) + Readability.parse() over all pages, one thread), pages,
// failures, peakBytes (maxRSS). Each article's textContent goes to OUT_DIR/<name>.txt after the timed loop.
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [listFile, outDir] = process.argv.slice(2);
const paths = fs.readFileSync(listFile, 'utf8').split(/\r?\n/).filter(Boolean);
// Pages' scripts do not run (jsdom's default) and their CSS/console noise is dropped.
const quiet = new VirtualConsole();
const texts = [];
let failures = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (const p of paths) {
  try {
    const bytes = fs.readFileSync(p);
    const dom = new JSDOM(bytes, { url: 'https://example.invalid/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    texts.push([p, article ? article.textContent || '' : '']);
    dom.window.close();
  } catch (e) {
    failures++;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
for (const [p, text] of texts) {
  fs.writeFileSync(path.join(outDir, path.basename(p).replace(/\.[^.]*$/, '') + '.txt'), text);
}
console.log(JSON.stringify({ seconds, cpuSeconds, pages: paths.length, failures, peakBytes: process.resourceUsage().maxRSS * 1024 }));
