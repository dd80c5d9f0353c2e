// Shared by reference.mjs and bench.mjs: loads an @upscalerjs/esrgan-slim layers-model from the unpacked npm package
// that shotplan's model cache holds (or any folder given with --package), without a network.
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export { tf, tfl };

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
  const cache = process.env.SHOTPLAN_MODEL_CACHE
    ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'target', 'model-cache');
  const prefix = `upscalerjs_esrgan-${tier}_1.0.0-`;
  const hit = fs.existsSync(cache) && fs.readdirSync(cache).find(d => d.startsWith(prefix));
  if (!hit) {
    throw new Error(`no unpacked @upscalerjs/esrgan-${tier} in ${cache}: run the generation tests once, or pass --package <dir>`);
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
