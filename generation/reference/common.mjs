// Shared by reference.mjs and bench.mjs: loads an @upscalerjs/esrgan-slim layers-model from the unpacked npm package
// that shotplan's model cache holds (or any folder given with --package), without a network.
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-converter';

export { tf, tfl, tfc };

export function arg(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/**
 * The unpacked package of an ESRGAN tier (slim, medium, thick): --package (slim only), else the folder in the Maven
 * build's model cache, which the generation tests fill.
 */
export function packageDir(tier = 'slim') {
  const given = arg('package');
  if (given && tier === 'slim') return given;
  return cachedPackage(`esrgan-${tier}`, '1.0.0');
}

/** The unpacked @upscalerjs/<name>@<version> in the Maven build's model cache (or SHOTPLAN_MODEL_CACHE). */
export function cachedPackage(name, version) {
  const cache = process.env.SHOTPLAN_MODEL_CACHE
    ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'target', 'model-cache');
  const prefix = `upscalerjs_${name}_${version}-`;
  const hit = fs.existsSync(cache) && fs.readdirSync(cache).find(d => d.startsWith(prefix));
  if (!hit) {
    throw new Error(`no unpacked @upscalerjs/${name}@${version} in ${cache}: run the generation tests once`);
  }
  return path.join(cache, hit, 'package');
}

// UpscalerJS' custom layers of ESRGAN-thick (packages/shared/src/esrgan/esrgan.ts), with their settings serialised
export class MultiplyBeta extends tfl.layers.Layer {
  static className = 'MultiplyBeta';
  constructor(config = {}) {
    super(config);
    this.beta = config.beta ?? 0.2;
  }
  call(inputs) {
    return tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.beta);
  }
  getConfig() {
    return { ...super.getConfig(), beta: this.beta };
  }
}
tf.serialization.registerClass(MultiplyBeta);

export let PixelShuffle2x;
for (const scale of [2, 3, 4, 8]) {
  const PixelShuffle = class extends tfl.layers.Layer {
    static className = `PixelShuffle${scale}x`;
    constructor(config = {}) {
      super(config);
      this.scale = scale;
    }
    computeOutputShape(inputShape) {
      return [inputShape[0], inputShape[1] && inputShape[1] * scale, inputShape[2] && inputShape[2] * scale,
        inputShape[3] / (scale * scale)];
    }
    call(inputs) {
      return tf.depthToSpace(Array.isArray(inputs) ? inputs[0] : inputs, scale, 'NHWC');
    }
    getConfig() {
      return { ...super.getConfig(), scale };
    }
  };
  tf.serialization.registerClass(PixelShuffle);
  if (scale === 2) PixelShuffle2x = PixelShuffle;
}
/** tf.io handler reading model.json and its shards from disk. */
export function fileHandler(modelJson) {
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
      const specs = [];
      const buffers = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(fs.readFileSync(path.join(path.dirname(modelJson), p)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        weightSpecs: specs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

export async function loadModel(scale, tier = 'slim') {
  return tfl.loadLayersModel(fileHandler(path.join(packageDir(tier), 'models', `x${scale}`, 'model.json')));
}

/** A MAXIM graph-model (@upscalerjs/<name>@0.1.0) from the model cache. */
export async function loadGraphModel(name) {
  return tfc.loadGraphModel(fileHandler(path.join(cachedPackage(name, '0.1.0'), 'models', 'model.json')));
}

/**
 * The cpu backend's Einsum kernel multiplies the operands broadcast to every label and then sums: for MAXIM's dense
 * layers ('abcg,gf->abcf') that is a tensor of pixels × in × out channels per layer, hours for one 64×64 frame. This
 * replaces it, for two operands, by the backend's own Transpose, Reshape and BatchMatMul kernels: the same products,
 * summed in float32 in another order (the Java side does the same with PyTorch's matMul).
 */
export function useMatMulEinsum() {
  const kernel = name => tf.getKernel(name, 'cpu').kernelFunc;
  tf.unregisterKernel('Einsum', 'cpu');
  tf.registerKernel({
    kernelName: 'Einsum', backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const [left, right] = attrs.equation.split('->')[0].split(',');
      const output = attrs.equation.split('->')[1];
      const [a, b] = inputs;
      const dims = {};
      [...left].forEach((l, i) => { dims[l] = a.shape[i]; });
      [...right].forEach((l, i) => { dims[l] = b.shape[i]; });
      const batch = [...output].filter(l => left.includes(l) && right.includes(l));
      const summed = [...left].filter(l => right.includes(l) && !output.includes(l));
      const ownA = [...left].filter(l => !right.includes(l));
      const ownB = [...right].filter(l => !left.includes(l));
      const size = ls => ls.reduce((p, l) => p * dims[l], 1);
      const temporaries = [];
      const flat = (x, labels, groups) => {
        const order = groups.flat();
        const t = kernel('Transpose')({ inputs: { x }, backend, attrs: { perm: order.map(l => labels.indexOf(l)) } });
        const r = kernel('Reshape')({ inputs: { x: t }, backend, attrs: { shape: groups.map(size) } });
        temporaries.push(t, r);
        return r;
      };
      const product = kernel('BatchMatMul')({
        inputs: { a: flat(a, left, [batch, ownA, summed]), b: flat(b, right, [batch, summed, ownB]) },
        backend, attrs: { transposeA: false, transposeB: false },
      });
      const labels = [...batch, ...ownA, ...ownB];
      const unflat = kernel('Reshape')({ inputs: { x: product }, backend, attrs: { shape: labels.map(l => dims[l]) } });
      const out = kernel('Transpose')({ inputs: { x: unflat }, backend, attrs: { perm: [...output].map(l => labels.indexOf(l)) } });
      temporaries.push(product, unflat);
      temporaries.forEach(t => backend.disposeIntermediateTensorInfo(t));
      return out;
    },
  });
}
