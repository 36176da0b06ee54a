// Builds the dashboard into ../assets: app.js (bundled and minified), app.css,
// index.html and licenses.txt (the licence of every bundled npm package).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'assets');

const js = await esbuild.build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true, minify: true, format: 'iife', target: ['es2020'], metafile: true,
  legalComments: 'none', outfile: join(out, 'app.js'), loader: { '.json': 'json' },
});
await esbuild.build({
  entryPoints: [join(here, 'src', 'style.css')], bundle: true, minify: true, outfile: join(out, 'app.css'),
});
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));

// Every npm package whose code or data is in the bundle, with its licence text.
const pkgs = new Map();
for (const input of Object.keys(js.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) pkgs.set(m[1], join(here, 'node_modules', m[1]));
}
let text = 'dyad dashboard: third-party packages bundled into app.js\n' +
  'Country shapes: world-atlas, made from Natural Earth data (public domain).\n\n';
for (const [name, dir] of [...pkgs].sort()) {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const lic = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  text += `==== ${name} ${meta.version} (${meta.license}) ====\n`;
  text += lic && existsSync(join(dir, lic)) ? readFileSync(join(dir, lic), 'utf8').trim() + '\n\n' : '(no licence file)\n\n';
}
writeFileSync(join(out, 'licenses.txt'), text);
console.log(`built ${out}: ${[...pkgs.keys()].join(', ')}`);
