import { BrowserSession } from './src/print/browser.ts';
import { printPdf } from './src/print/pdf.ts';
import { sampleHtml } from './test/print/sample.ts';
import { writeFileSync } from 'node:fs';
const s = new BrowserSession({ sparePages: 1 });
await s.start();
const noImg = await sampleHtml('');
const meta = { title: 't', author: 'a', date: new Date(0) };
const ids = (b: Buffer) => [...b.toString('latin1').matchAll(/\/ID \((node\d+)\)/g)].map(m => m[1]!.replace('node000', '')).join(',');
for (let i = 0; i < 6; i++) {
  const r = await s.withPage(p => printPdf(p, noImg, meta, { env: {} }));
  console.log(i, ids(r.pdf));
  writeFileSync(`/tmp/e${i}.pdf`, r.pdf);
}
await s.close();
