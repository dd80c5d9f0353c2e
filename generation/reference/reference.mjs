// Reference outputs of the built-in models in their own runtime (TensorFlow.js, pure-JS cpu backend) for a few
// small deterministic inputs: the ESRGAN layers-models and the MAXIM graph-models. The Java tests compare DJL against
// these tensors.
//
//   cd generation/reference && npm ci && node reference.mjs [--package <unpacked esrgan-slim>] [--out <dir>] [--thick]
//   node reference.mjs --maxim-only --trace <node,node,…>   # MAXIM cases only; also writes those nodes' tensors
//
// Writes <name>.in.f32 and <name>.out.f32 (little-endian float32, NHWC, batch 1) and cases.json into
// ../src/test/resources/reference by default.
import fs from 'node:fs';
import path from 'node:path';
import { tf, tfl, tfc, loadModel, loadGraphModel, useMatMulEinsum, arg, MultiplyBeta, PixelShuffle2x } from './common.mjs';
import '@tensorflow/tfjs-backend-cpu';

const out = arg('out', path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'src', 'test', 'resources', 'reference'));

// Park–Miller LCG: the same inputs on every run and every machine
function lcg(seed) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

function noise(h, w, seed) {
  const next = lcg(seed);
  return Float32Array.from({ length: h * w * 3 }, () => Math.floor(next() * 256));
}

// smooth shapes with a hard edge: what plates look like, rather than noise
function scene(h, w) {
  const data = new Float32Array(h * w * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const inside = (x - w * 0.6) ** 2 + (y - h * 0.4) ** 2 < (Math.min(w, h) * 0.3) ** 2;
      data[i] = Math.round(127.5 + 100 * Math.sin(x / 3));
      data[i + 1] = Math.round(inside ? 230 : 40 + 5 * y);
      data[i + 2] = Math.round((x * 255) / (w - 1) * 0.5 + (y * 255) / (h - 1) * 0.5);
    }
  }
  return data;
}

function seededConv(name, filters, activation = 'linear') {
  return tfl.layers.conv2d({
    name, filters, kernelSize: 3, padding: 'same', activation,
    kernelInitializer: tfl.initializers.glorotUniform({ seed: name.length * 7 + filters }),
    biasInitializer: tfl.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: filters }),
  });
}

// A small model with ESRGAN-thick's custom layers (residual scaling, pixel shuffle), seeded weights
function customLayersModel() {
  const input = tfl.input({ shape: [null, null, 3], name: 'LR' });
  const f0 = seededConv('F0', 8, 'relu').apply(input);
  const f1 = seededConv('F1', 8).apply(f0);
  const scaled = new MultiplyBeta({ name: 'beta', beta: 0.2 }).apply(f1);
  const residual = tfl.layers.add({ name: 'residual' }).apply([f0, scaled]);
  const pre = seededConv('PreShuffle', 12).apply(residual);
  const shuffled = new PixelShuffle2x({ name: 'shuffle' }).apply(pre);
  const out = seededConv('SR', 3).apply(shuffled);
  return tfl.model({ inputs: input, outputs: out, name: 'custom_layers' });
}

// Channel counts that PyTorch's oneDNN convolution miscomputes when it pads them itself (above 8 and not a multiple of
// 16: 27, 12, 39, 20), with concatenations and an add whose inputs DJL stores differently; the input is large enough
// (40x36) for PyTorch to take the oneDNN path at all.
function channelBlocksModel() {
  const input = tfl.input({ shape: [null, null, 3], name: 'LR' });
  const a = seededConv('A27', 27, 'relu').apply(input);
  const b = seededConv('B12', 12, 'relu').apply(a);
  const ab = tfl.layers.concatenate({ name: 'AB' }).apply([a, b]);
  const d = seededConv('D20', 20).apply(ab);
  const e = seededConv('E8', 8).apply(ab);
  const be = tfl.layers.concatenate({ name: 'BE' }).apply([b, e]);
  const sum = tfl.layers.add({ name: 'sum' }).apply([d, be]);
  const up = tfl.layers.upSampling2d({ name: 'up', size: [2, 2] }).apply(sum);
  const out = seededConv('SR', 3).apply(up);
  return tfl.model({ inputs: input, outputs: out, name: 'channel_blocks' });
}

const customModels = { 'custom-layers': customLayersModel, 'channel-blocks': channelBlocksModel };

// Builds a custom model and writes it next to the tensors, so the Java test loads it without any package
async function customModel(name, dir) {
  const model = customModels[name]();
  await model.save({
    save: async (artifacts) => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(artifacts.weightData));
      fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({
        format: 'layers-model', generatedBy: 'generation/reference/reference.mjs', convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      }));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
  });
  return model;
}

const cases = [
  { name: 'x2-noise-16x12', scale: 2, w: 16, h: 12, input: () => noise(12, 16, 42) },
  { name: 'x2-scene-24x20', scale: 2, w: 24, h: 20, input: () => scene(20, 24) },
  { name: 'x3-scene-10x10', scale: 3, w: 10, h: 10, input: () => scene(10, 10) },
  { name: 'x4-noise-12x10', scale: 4, w: 12, h: 10, input: () => noise(10, 12, 7) },
  { name: 'x2-medium-scene-16x14', scale: 2, tier: 'medium', w: 16, h: 14, input: () => scene(14, 16) },
  { name: 'custom-layers-noise-9x7', scale: 2, custom: 'custom-layers', w: 9, h: 7, input: () => noise(7, 9, 3) },
  { name: 'channel-blocks-noise-40x36', scale: 2, custom: 'channel-blocks', w: 40, h: 36, input: () => noise(36, 40, 11) },
  // MAXIM graph-models take RGB in [0, 1] and a size divisible by 64; the tensors here are in pixel units (0-255) like
  // the rest, the graph sees them divided by 255
  { name: 'maxim-deraining-scene-64x64', scale: 1, graph: 'maxim-deraining', capability: 'paint-ai', w: 64, h: 64,
    input: () => scene(64, 64) },
  // ESRGAN-thick (110 MB package): only with --thick, after the Java tests fetched it with -Dshotplan.test.thick=true
  ...(process.argv.includes('--thick')
    ? [{ name: 'x2-thick-noise-20x20', scale: 2, tier: 'thick', w: 20, h: 20, input: () => noise(20, 20, 5) }] : []),
];

// A MAXIM graph run on pixel units; --trace writes the named nodes' tensors to <out>/trace for a bisection
function runGraph(model, input, c) {
  const x = tf.div(tf.tensor4d(input, [1, c.h, c.w, 3]), 255);
  const traced = (arg('trace') ?? '').split(',').filter(n => n);
  const results = [].concat(model.execute(x, [...model.outputNodes, ...traced])); // one output comes back bare
  traced.forEach((name, i) => {
    fs.mkdirSync(path.join(out, 'trace'), { recursive: true });
    const t = results[i + 1];
    fs.writeFileSync(path.join(out, 'trace', name.replaceAll('/', '~') + '.f32'), Buffer.from(tf.cast(t, 'float32').dataSync().buffer));
    console.log(`trace ${name}: ${t.dtype} [${t.shape}]`);
  });
  return tf.mul(results[0], 255);
}

await tf.setBackend('cpu');
await tf.ready();
useMatMulEinsum();
fs.mkdirSync(out, { recursive: true });
const manifest = [];
for (const c of cases.filter(c => c.graph || !process.argv.includes('--maxim-only'))) {
  const model = c.custom ? await customModel(c.custom, path.join(out, c.custom))
    : c.graph ? await loadGraphModel(c.graph) : await loadModel(c.scale, c.tier);
  const input = c.input();
  const started = Date.now();
  const result = tf.tidy(() => c.graph ? runGraph(model, input, c) : model.predict(tf.tensor4d(input, [1, c.h, c.w, 3])));
  const output = await result.data();
  result.dispose();
  let min = Infinity, max = -Infinity;
  for (const v of output) { min = Math.min(min, v); max = Math.max(max, v); }
  fs.writeFileSync(path.join(out, `${c.name}.in.f32`), Buffer.from(input.buffer));
  fs.writeFileSync(path.join(out, `${c.name}.out.f32`), Buffer.from(Float32Array.from(output).buffer));
  manifest.push({
    name: c.name,
    ...(c.custom ? { model: `${c.custom}/model.json` }
      : { capability: c.capability ?? `upres-x${c.scale}${c.tier ? '-' + c.tier : ''}` }),
    layout: 'NHWC',
    inputShape: [1, c.h, c.w, 3], outputShape: [1, c.h * c.scale, c.w * c.scale, 3],
    outputMin: min, outputMax: max,
  });
  model.dispose();
  console.log(`${c.name}: ${c.w}x${c.h} -> ${c.w * c.scale}x${c.h * c.scale}, output range [${min.toFixed(3)}, ${max.toFixed(3)}], ${Date.now() - started} ms`);
}
// --maxim-only replaces its cases in the existing manifest and keeps the others
const casesFile = path.join(out, 'cases.json');
const kept = process.argv.includes('--maxim-only') && fs.existsSync(casesFile)
  ? JSON.parse(fs.readFileSync(casesFile, 'utf8')).cases.filter(k => !manifest.some(m => m.name === k.name)) : [];
fs.writeFileSync(casesFile, JSON.stringify({
  generatedBy: 'generation/reference/reference.mjs',
  runtime: `@tensorflow/tfjs-core ${tf.version_core}, tfjs-converter ${tfc.version_converter}, backend ${tf.getBackend()}, node ${process.version}`,
  models: ['@upscalerjs/esrgan-slim@1.0.0', '@upscalerjs/esrgan-medium@1.0.0', '@upscalerjs/maxim-deraining@0.1.0'],
  cases: [...kept, ...manifest],
}, null, 2) + '\n');
