// Speed of @upscalerjs/esrgan-slim x2 in TensorFlow.js on Node, for docs/benchmarks.md: seconds per 512×512 frame.
//
//   node bench.mjs [--backend wasm|cpu] [--frames 3] [--size 512] [--package <unpacked esrgan-slim>]
//
// Prints one JSON line. The wasm backend (SIMD; single-threaded in Node) is TF.js' fastest CPU runtime here; the
// pure-JS cpu backend is the correctness reference and is far slower.
import { tf, loadModel, arg } from './common.mjs';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { createRequire } from 'node:module';

const backend = arg('backend', 'wasm');
const frames = Number(arg('frames', '3'));
const size = Number(arg('size', '512'));

if (backend === 'wasm') {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  setWasmPaths(dist + path.sep);
}
await tf.setBackend(backend);
await tf.ready();
const model = await loadModel(2);
const input = tf.tidy(() => tf.round(tf.randomUniform([1, size, size, 3], 0, 255, 'float32', 7)));

async function once() {
  const start = process.hrtime.bigint();
  const out = model.predict(input);
  await out.data();
  out.dispose();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

await once(); // warm-up (kernel set-up, allocation)
const times = [];
for (let i = 0; i < frames; i++) times.push(await once());
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(JSON.stringify({
  runtime: `tfjs ${tf.version_core} ${tf.getBackend()}`, node: process.version, size, frames,
  secondsPerFrame: median, framesPerSecond: 1 / median, allSeconds: times,
}));
