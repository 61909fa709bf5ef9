// The release archive (issue #15 point 6): `make dist` writes dist/accountability-checklist-<version>.tar.gz. This
// test unpacks it into an empty directory, checks what it must carry (loader, CSS, pkg/, integrity.json, templates,
// JSON Schemas, OpenAPI, example, package.json, CHANGELOG, SBOM, licences, the README and the docs it links to, so
// that its links work in the archive) and that the integrity hashes match the files, then serves that directory
// alone with the reference server and mounts the widget from its example page, under the server's strict CSP.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { assertNoProblems, axeCheck, launchBrowser, newContext, openPage, ROOT, startServer, waitForWidget } from './lib.mjs';

const version = /^version = "(.*)"/m.exec(await readFile(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
const archive = join(ROOT, 'dist', `accountability-checklist-${version}.tar.gz`);
const cleanup = [];
after(async () => { for (const f of cleanup.reverse()) await f(); });

describe('the release archive', () => {
  test(`dist/accountability-checklist-${version}.tar.gz unpacks, carries everything, and mounts the widget when served alone`, async () => {
    assert.ok(existsSync(archive), `${archive} is missing: run \`make dist\` first`);
    const dir = await mkdtemp(join(tmpdir(), 'ac-dist-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    execFileSync('tar', ['-xzf', archive, '-C', dir]);
    const pkg = join(dir, 'package');
    for (const f of ['checklist.js', 'checklist.css', 'checklist-print.css', 'pkg/accountability_checklist.js', 'pkg/accountability_checklist_bg.wasm',
      'pkg/integrity.js', 'pkg/templates/geren.json', 'pkg/templates/shuzhi.json', 'pkg/templates/tanhua.json', 'integrity.json', 'templates/geren.json', 'templates/shuzhi.json', 'templates/tanhua.json',
      'schemas/envelope.schema.json', 'schemas/template.schema.json', 'schemas/config.schema.json', 'openapi.json', 'example/index.html',
      'example/example.js', 'package.json', 'CHANGELOG.md', 'README.md', 'ARCHITECTURE.md', 'docs/embedding.md', 'docs/api.md',
      'docs/screenshots/geren-errors.png', 'sbom.cdx.json', 'THIRD-PARTY-LICENSES.txt']) {
      assert.ok(existsSync(join(pkg, f)), `${f} in the archive`);
    }
    const manifest = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8'));
    assert.equal(manifest.version, version);
    assert.match(version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'semver');
    assert.equal(manifest.main, './checklist.js');
    assert.match(await readFile(join(pkg, 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${version.replace(/\./g, '\\.')}`));
    assert.equal(JSON.parse(await readFile(join(pkg, 'openapi.json'), 'utf8')).info.version, version);
    // The shipped README's links and pictures work in the archive: every relative `[text](path)` and
    // `<img src>` of its Markdown files (outside code) names a file it carries. (`../shared/` is the workplace's
    // folder beside the repository, never shipped.)
    const markdown = ['README.md', 'ARCHITECTURE.md', ...(await readdir(join(pkg, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const broken = [];
    for (const doc of markdown) {
      const prose = (await readFile(join(pkg, doc), 'utf8')).split(/^```.*$/m).filter((_, i) => i % 2 === 0).join('\n').replace(/`[^`\n]*`/g, '');
      for (const [, target] of [...prose.matchAll(/\]\(([^)\s]+)\)/g), ...prose.matchAll(/src="([^"]+)"/g)]) {
        const path = target.split('#')[0];
        if (!path || /^[a-z]+:/.test(path) || path.includes('../shared/')) continue;
        if (!existsSync(join(pkg, dirname(doc), path))) broken.push(`${doc}: ${target}`);
      }
    }
    assert.ok(markdown.length > 5, 'the docs are in the archive');
    assert.deepEqual(broken, [], 'links in the archive\'s Markdown that name a file it does not carry');
    // Integrity: every hash in integrity.json is the file's sha384.
    const integrity = JSON.parse(await readFile(join(pkg, 'integrity.json'), 'utf8'));
    for (const [file, sri] of Object.entries(integrity)) {
      const sha = createHash('sha384').update(await readFile(join(pkg, file))).digest('base64');
      assert.equal(sri, `sha384-${sha}`, file);
    }
    // The SBOM: CycloneDX, the crates of the module (yew, serde_json), not the server's (axum, rusqlite).
    const bom = JSON.parse(await readFile(join(pkg, 'sbom.cdx.json'), 'utf8'));
    assert.equal(bom.bomFormat, 'CycloneDX');
    const names = bom.components.map((c) => c.name);
    for (const n of ['yew', 'serde_json', 'wasm-bindgen']) assert.ok(names.includes(n), `${n} in the SBOM`);
    for (const n of ['axum', 'rusqlite', 'tokio', 'aes-gcm']) assert.ok(!names.includes(n), `${n} is not compiled into the module`);
    assert.ok(bom.components.every((c) => c.purl.startsWith('pkg:cargo/') && c.version), 'every component has a purl and version');
    const licences = await readFile(join(pkg, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const n of names) assert.ok(licences.includes(`\n${n} `), `${n} in the licence file`);
    // Nothing else but what the manifest lists.
    const top = (await readdir(pkg)).sort();
    for (const f of top) assert.ok(f === 'package.json' || manifest.files.some((g) => g.replace(/\/$/, '') === f), `${f} is listed in package.json files`);

    // A portal with a build chain installs the archive as an npm package (offline: it has no dependencies).
    const portal = await mkdtemp(join(tmpdir(), 'ac-npm-'));
    cleanup.push(() => rm(portal, { recursive: true, force: true }));
    await writeFile(join(portal, 'package.json'), JSON.stringify({ name: 'portal', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', archive], { cwd: portal });
    const installed = join(portal, 'node_modules', 'accountability-checklist');
    assert.equal(JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')).version, version);
    assert.ok(existsSync(join(installed, 'pkg', 'accountability_checklist_bg.wasm')), 'npm installed the module');

    // Served alone: the unpacked directory is the whole static root.
    const server = await startServer({ www: pkg });
    cleanup.push(() => server.stop());
    const browser = await launchBrowser();
    cleanup.push(() => browser.close());
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context, '/example/index.html');
    await waitForWidget(page);
    await page.locator('#status').filter({ hasText: '清单已就绪' }).waitFor();
    const data = await page.evaluate(() => {
      const h = document.querySelector('accountability-checklist').handle;
      h.setValue('/header/name', '张三');
      return h.getData();
    });
    assert.equal(data.header.name, '张三');
    assertNoProblems(page, 'the example page from the archive');
    await axeCheck(page, 'the example page from the archive');
    await context.close();
  });
});
