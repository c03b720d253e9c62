import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// Robust Video Matting on a still photo: no recurrent state, internal downsampling 0.5; writes the
// alpha matte (float32, little-endian). Usage: node rvm-reference.mjs rvm.json INPUT.rgb SIZE OUT.f32
const [modelJson, inputFile, sizeArg, outFile] = process.argv.slice(2);
const size = Number(sizeArg);
const model = JSON.parse(readFileSync(modelJson, 'utf8'));
const specs = model.weightsManifest.flatMap((g) => g.weights);
const w = Buffer.concat(model.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dirname(modelJson), p)))));
await tf.setBackend('cpu');
const graph = await loadGraphModel(tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs: specs, weightData: w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength) }));
const bytes = readFileSync(inputFile);
const src = tf.tensor4d(Float32Array.from(bytes, (b) => b / 255), [1, size, size, 3]);
const zero = tf.scalar(0);
const out = await graph.executeAsync({ src, r1i: zero, r2i: zero, r3i: zero, r4i: zero, downsample_ratio: tf.scalar(0.5) }, ['Identity_1:0', 'Identity:0']);
console.log(out.map((t) => JSON.stringify(t.shape)).join(' '));
writeFileSync(outFile, Buffer.from(Float32Array.from(out[0].dataSync()).buffer));
const a = out[0].dataSync(); let fg = 0; for (const v of a) fg += v > 0.5 ? 1 : 0; console.log('alpha>0.5 fraction', fg / a.length);
