#!/usr/bin/env node
// Removes the `target_features` custom section from a .wasm file, byte for byte otherwise unchanged
// (`make pkg`, before wasm-bindgen). Rust's prebuilt compiler_builtins (never part of LTO) carries the
// target's default features (+reference-types, +multivalue, …) into that section even when the crate is
// built with target-cpu=mvp, and wasm-bindgen turns its externref and multi-value transforms on from it,
// which old kernels cannot compile. Without the section wasm-bindgen emits WebAssembly 1.0 glue.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output = input] = process.argv.slice(2);
if (!input) {
  console.error('usage: strip-target-features.mjs IN.wasm [OUT.wasm]');
  process.exit(2);
}
const bytes = readFileSync(input);
if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error(`${input} is not a WebAssembly module`);
let at = 8;
function leb() {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}
const kept = [bytes.subarray(0, 8)];
let removed = 0;
while (at < bytes.length) {
  const start = at;
  const id = bytes[at++];
  const size = leb();
  const body = at;
  const end = body + size;
  if (end > bytes.length) throw new Error(`${input}: section at ${start} runs past the end`);
  let name = null;
  if (id === 0) {
    const length = leb();
    name = bytes.subarray(at, at + length).toString('utf8');
  }
  if (name === 'target_features') removed += 1;
  else kept.push(bytes.subarray(start, end));
  at = end;
}
writeFileSync(output, Buffer.concat(kept));
console.log(`strip-target-features: ${removed ? 'removed' : 'no'} target_features section (${output})`);
