import { launchBrowser } from './src/print/browser.ts';
import { printPdf } from './src/print/pdf.ts';
import { sampleHtml } from './test/print/sample.ts';
import { createHash } from 'node:crypto';
const l = await launchBrowser();
const html = await sampleHtml('');
const meta = { title: 't', author: 'a', date: new Date(0) };
const page = await l.browser.newPage();
for (let i = 0; i < 3; i++) {
  const r = await printPdf(page, html, meta, { env: {} });
  console.log(i, createHash('md5').update(r.pdf).digest('hex'), r.timings);
}
await l.close();
