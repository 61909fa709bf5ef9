#!/usr/bin/env node
// Fails unless every given .wasm file is WebAssembly 1.0 (MVP): wabt (an implementation independent of the
// wasm-opt that lowered it) parses and validates it with every post-MVP feature turned off. Run by
// `make pkg` on the shipped module, so a build that old kernels (Chromium 78-95) cannot compile never ships.
import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: wasm-mvp.mjs FILE.wasm...');
  process.exit(2);
}
const wabt = await wabtInit();
// Every feature wabt knows, off: MVP only.
const MVP = {
  exceptions: false, mutable_globals: false, sat_float_to_int: false, sign_extension: false, simd: false,
  threads: false, function_references: false, multi_value: false, tail_call: false, bulk_memory: false,
  reference_types: false, annotations: false, code_metadata: false, gc: false, memory64: false,
  extended_const: false, relaxed_simd: false, multi_memory: false,
};
let failed = false;
for (const file of files) {
  try {
    const module = wabt.readWasm(readFileSync(file), { readDebugNames: false, ...MVP });
    module.validate();
    module.destroy();
    console.log(`wasm-mvp: ${file}: WebAssembly 1.0 (MVP) only`);
  } catch (e) {
    failed = true;
    console.error(`wasm-mvp: ${file} uses a post-MVP feature: ${String(e.message || e).trim()}`);
  }
}
process.exit(failed ? 1 : 0);
