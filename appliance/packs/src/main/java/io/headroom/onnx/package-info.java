/** Writing ONNX models by hand: a graph builder and the few protocol-buffer wire types it needs. */
package io.headroom.onnx;
