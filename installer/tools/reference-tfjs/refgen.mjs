// Runs the TF.js version of a MediaPipe network on a fixed input and writes its outputs as raw
// little-endian float32 values, one after the other, so a Java test can compare a conversion with it.
// Usage: [SCALE255=1] [OUTPUT=node] node refgen.mjs MODEL_DIR/model.json INPUT.rgb SIZE OUT.f32
// INPUT.rgb holds SIZE*SIZE*3 bytes (RGB, row-major); values are scaled to [0, 1] (to 0–255 with
// SCALE255). OUTPUT names one tensor to fetch instead of the signature outputs.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [modelJson, inputFile, sizeArg, outFile] = process.argv.slice(2);
const size = Number(sizeArg);
const model = JSON.parse(readFileSync(modelJson, 'utf8'));
const specs = model.weightsManifest.flatMap((group) => group.weights);
const buffers = model.weightsManifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dirname(modelJson), p))));
const weights = Buffer.concat(buffers);
await tf.setBackend('cpu');
const graph = await loadGraphModel(tf.io.fromMemory({
  modelTopology: model.modelTopology, weightSpecs: specs,
  weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
}));
const bytes = readFileSync(inputFile);
if (bytes.length !== size * size * 3) throw new Error(`expected ${size * size * 3} bytes`);
const input = tf.tensor4d(Float32Array.from(bytes, (b) => (process.env.SCALE255 ? b : b / 255)), [1, size, size, 3]);
const outputs = [].concat(process.env.OUTPUT ? graph.execute(input, process.env.OUTPUT) : graph.execute(input));
const parts = outputs.map((t) => Buffer.from(Float32Array.from(t.dataSync()).buffer));
writeFileSync(outFile, Buffer.concat(parts)); // x86 and ARM hosts are little-endian
console.log(`${outputs.length} output(s), shapes ${outputs.map((t) => JSON.stringify(t.shape)).join(' ')}`);
