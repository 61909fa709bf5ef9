#!/usr/bin/env node
// `make dist`: the CycloneDX 1.5 SBOM and the third-party licence file of the crates compiled into the
// WebAssembly module, from `cargo metadata --filter-platform wasm32-unknown-unknown`: the widget crate's normal
// dependencies, transitively, for that platform (native-only crates such as axum and rusqlite are not in the
// module, nor are dev- and build-dependencies, nor proc-macro crates, which run in the compiler and ship nothing).
// Generated from cargo metadata rather than with cargo-cyclonedx so that the graph is exactly the wasm32 one by
// construction and nothing has to be built or installed (cargo-cyclonedx's per-target output was not evaluated).
//
//   node tests/e2e/sbom.mjs OUT_DIR   → OUT_DIR/sbom.cdx.json, OUT_DIR/THIRD-PARTY-LICENSES.txt
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node tests/e2e/sbom.mjs OUT_DIR');
  process.exit(2);
}
const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--locked', '--filter-platform', 'wasm32-unknown-unknown'], { maxBuffer: 64 << 20 }).toString());
const byId = new Map(meta.packages.map((p) => [p.id, p]));
const nodes = new Map(meta.resolve.nodes.map((n) => [n.id, n]));
// The module is the widget crate's cdylib; the workspace's root package is the command-line tool (and reaches
// the server's native crates), so the graph starts at checklist-widget.
const root = meta.packages.find((p) => p.name === 'checklist-widget' && meta.workspace_members.includes(p.id)).id;
const isProcMacro = (p) => p.targets.some((t) => t.kind.includes('proc-macro'));

// Normal (not dev, not build) edges only; --filter-platform already dropped other targets' dependencies.
const shipped = new Set();
const edges = new Map();
const queue = [root];
while (queue.length) {
  const id = queue.pop();
  const deps = (nodes.get(id)?.deps ?? []).filter((d) => d.dep_kinds.some((k) => k.kind === null) && !isProcMacro(byId.get(d.pkg)));
  edges.set(id, deps.map((d) => d.pkg));
  for (const d of deps) {
    if (!shipped.has(d.pkg)) {
      shipped.add(d.pkg);
      queue.push(d.pkg);
    }
  }
}
const rootPkg = byId.get(root);
const purl = (p) => `pkg:cargo/${p.name}@${p.version}`;
const ref = (id) => purl(byId.get(id));
const component = (p) => ({
  type: 'library',
  'bom-ref': purl(p),
  name: p.name,
  version: p.version,
  ...(p.description ? { description: p.description.trim() } : {}),
  ...(p.license ? { licenses: [{ expression: p.license }] } : {}),
  purl: purl(p),
  ...(p.repository ? { externalReferences: [{ type: 'vcs', url: p.repository }] } : {}),
});
const sorted = [...shipped].map((id) => byId.get(id)).sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: {
    tools: { components: [{ type: 'application', name: 'tests/e2e/sbom.mjs (cargo metadata --filter-platform wasm32-unknown-unknown)' }] },
    component: { ...component(rootPkg), type: 'library' },
    properties: [{ name: 'cdx:rustc:target', value: 'wasm32-unknown-unknown' }],
  },
  components: sorted.map(component),
  dependencies: [root, ...shipped].map((id) => ({ ref: ref(id), dependsOn: [...new Set(edges.get(id) ?? [])].map(ref).sort() })),
};
writeFileSync(join(out, 'sbom.cdx.json'), `${JSON.stringify(bom, null, 2)}\n`);

// The licence texts each crate ships (LICENSE*, COPYING*, NOTICE*), after its declared licence expression.
const parts = [
  `Third-party software compiled into the accountability-checklist WebAssembly module (${rootPkg.name} ${rootPkg.version}).`,
  `${sorted.length} crates; the same list, with versions and dependencies, is sbom.cdx.json (CycloneDX 1.5).`,
  '',
];
for (const p of sorted) {
  const dir = dirname(p.manifest_path);
  const files = readdirSync(dir).filter((f) => /^(LICEN[CS]E|COPYING|NOTICE)/i.test(f)).sort();
  parts.push('='.repeat(100), `${p.name} ${p.version}`, `License: ${p.license ?? p.license_file ?? 'not declared'}`, ...(p.repository ? [`Source: ${p.repository}`] : []), '');
  for (const f of files) parts.push(`--- ${f} ---`, readFileSync(join(dir, f), 'utf8').trim(), '');
  if (files.length === 0) parts.push(`(the crate ships no licence file; its declared licence is ${p.license ?? 'not declared'})`, '');
}
writeFileSync(join(out, 'THIRD-PARTY-LICENSES.txt'), `${parts.join('\n')}\n`);
console.log(`sbom: ${sorted.length} crates compiled into the module`);
