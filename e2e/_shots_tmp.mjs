import { serve } from './server.mjs';
import { launch, TarikhPage } from './pages.mjs';
const srv = await serve('dist', '/t/');
const b = await launch();
const shots = process.argv.slice(2);
for (const spec of shots) {
  const [name, w, hash, dark] = spec.split('|');
  const tab = await TarikhPage.open(b, srv.url, hash, { viewport: { width: +w, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
  await tab.page.waitForTimeout(800);
  await tab.page.screenshot({ path: `/tmp/mapx/${name}.png`, fullPage: false });
  console.log(name, tab.errors, tab.failed, tab.requests.filter(u=>!u.startsWith(srv.url)));
  await tab.close();
}
await b.close(); srv.close();
