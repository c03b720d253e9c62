/** Reading TF.js graph models and converting them to ONNX. */
package io.headroom.packs.tfjs;
