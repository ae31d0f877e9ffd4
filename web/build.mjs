// Bundles src/ into dist/ (everything local: no CDN at run time).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
await esbuild.build({ entryPoints: ['src/main.js'], bundle: true, minify: true, format: 'esm',
  outfile: 'dist/app.js', target: 'es2020', logLevel: 'info' });
for (const f of ['index.html', 'style.css']) copyFileSync(`src/${f}`, `dist/${f}`);
