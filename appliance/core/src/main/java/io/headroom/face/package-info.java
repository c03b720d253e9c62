/** Face detection: the domain's {@link io.headroom.face.FaceDetector} and its BlazeFace/ONNX Runtime implementation. */
package io.headroom.face;
