package io.headroom.model;

/**
 * One entry of {@code models/manifest.json}: a model file, what it is for, its expected hash and
 * where it came from.
 *
 * @param file    file name beside the manifest, e.g. {@code face_detection_front.onnx}
 * @param role    what the pipeline uses it for, e.g. {@code face_detection_front}
 * @param sha256  expected SHA-256 of the file, lower-case hex
 * @param source  the public package it comes from, e.g. {@code npm:name@version}
 * @param path    the path of the file inside that package
 * @param licence SPDX identifier of its licence
 */
public record ModelFile(String file, String role, String sha256, String source, String path, String licence) {
}
