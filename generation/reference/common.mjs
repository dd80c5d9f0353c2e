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

/** The unpacked package: --package, else the first esrgan-slim folder in the Maven build's model cache. */
export function packageDir() {
  const given = arg('package');
  if (given) return given;
  const cache = process.env.SHOTPLAN_MODEL_CACHE
    ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'target', 'model-cache');
  const hit = fs.existsSync(cache) && fs.readdirSync(cache).find(d => d.startsWith('upscalerjs_esrgan-slim_1.0.0-'));
  if (!hit) {
    throw new Error(`no unpacked @upscalerjs/esrgan-slim in ${cache}: run the generation tests once, or pass --package <dir>`);
  }
  return path.join(cache, hit, 'package');
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

export async function loadModel(scale) {
  return tfl.loadLayersModel(fileHandler(path.join(packageDir(), 'models', `x${scale}`, 'model.json')));
}
