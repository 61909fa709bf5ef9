// Builds the peer page of the browser benchmark: rjsf.jsx bundled by esbuild for production (minified,
// process.env.NODE_ENV = "production", so React's production build), plus an index.html that loads it.
//
//   cd tests/e2e/peers && npm ci && node build.mjs [OUT_DIR]      (default: <repo>/target/peers/)
//
// Never into www/: the page is not part of the product.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..', '..');
const out = resolve(process.argv[2] || join(ROOT, 'target', 'peers'));
const www = join(ROOT, 'www');
if (out === www || !relative(www, out).startsWith('..')) throw new Error(`refusing to build into www/: ${out}`);

await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: [join(HERE, 'rjsf.jsx')],
  outfile: join(out, 'rjsf.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
await writeFile(join(out, 'index.html'), `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>react-jsonschema-form peer benchmark</title>
<script type="module" src="./rjsf.js"></script>
</head>
<body>
<main>
<h1>react-jsonschema-form peer benchmark</h1>
<div id="form"></div>
</main>
</body>
</html>
`);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`${relative(process.cwd(), out) || '.'}: rjsf.js ${bytes} bytes, index.html`);
