/**
 * Optional model packs (matting, face embedding): their terms, installation from the operator's
 * copy of the npm package after acceptance, and conversion to ONNX on the customer's machine.
 */
package io.headroom.packs;
