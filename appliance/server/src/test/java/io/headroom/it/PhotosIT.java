package io.headroom.it;

import static io.headroom.it.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Photos in, safely, on a real Payara Micro with the local filesystem driver loaded as a PF4J
 * plugin: cleaning, sealing, reading back, refusing without leftovers, tamper evidence, deletion.
 * Each test opens its own session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhotosIT extends WithSession {

    private static final List<String> WITH_GPS = List.of("london_025_neutral_INJECTED_gps_exif_only.jpg",
            "riga_old_man_REAL_GPS_xmp_face_region.jpg", "lisa_webcam_03_INJECTED_gps.png", "london_005_smiling_INJECTED_gps.webp");
    private static Path data;

    @Deployment(testable = false)
    static WebArchive deployment() {
        ItDeployment d = ItDeployment.named("photos").with("headroom.intake.max-photos", "6");
        data = d.data();
        return d.war();
    }

    private Api.Reply upload(List<byte[]> files) {
        return uploadFiles(files);
    }

    private JsonArray uploaded(List<byte[]> files) {
        Api.Reply r = upload(files);
        assertEquals(201, r.status(), r.raw().body());
        return (JsonArray) r.structure();
    }

    private HttpResponse<byte[]> read(String photoId) {
        return api.getBytes("api/sessions/" + id + "/photos/" + photoId, bearer(token));
    }

    private static Set<Path> blobFiles() {
        Path blobs = data.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return new HashSet<>(files.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> newBlobFiles(Set<Path> before) {
        List<Path> added = new ArrayList<>(blobFiles());
        added.removeAll(before);
        added.sort(null);
        return added;
    }

    @Test
    void photosAreCleanedSealedAndReadBackWithoutAnyMetadata() throws Exception {
        List<byte[]> files = new ArrayList<>(WITH_GPS.stream().map(Photos::bytes).toList());
        files.add(Photos.bytes("obama_2009_congress_address_rgba.png"));
        JsonArray stored = uploaded(files);
        assertEquals(5, stored.size());
        for (int i = 0; i < WITH_GPS.size(); i++) {
            JsonObject p = stored.getJsonObject(i);
            assertTrue(p.getJsonArray("removedMetadata").getValuesAs(jakarta.json.JsonString.class).stream()
                    .anyMatch(s -> s.getString().equals("GPS location")), WITH_GPS.get(i) + ": " + p);
            assertTrue(p.getInt("width") > 0 && p.getInt("height") > 0);
        }
        JsonObject rgba = stored.getJsonObject(4);
        assertEquals(626, rgba.getInt("width"));
        assertEquals("image/png", rgba.getString("mediaType"));

        Api.Reply listed = api.get("api/sessions/" + id + "/photos", bearer(token));
        assertEquals(200, listed.status());
        assertEquals(5, ((JsonArray) listed.structure()).size());

        for (JsonObject p : stored.getValuesAs(JsonObject.class)) {
            HttpResponse<byte[]> image = read(p.getString("id"));
            assertEquals(200, image.statusCode());
            assertEquals(p.getString("mediaType"), image.headers().firstValue("Content-Type").orElse(""));
            ImageMetadata metadata = Imaging.getMetadata(image.body());
            if (metadata instanceof JpegImageMetadata jpeg) {
                assertNull(jpeg.getExif(), "no EXIF (and so no GPS) directory");
                assertNull(jpeg.getPhotoshop(), "no IPTC directory");
            } else {
                assertTrue(metadata == null || metadata.getItems().isEmpty(), String.valueOf(metadata));
            }
            assertNull(Imaging.getXmpXml(image.body()), "no XMP");
            assertEquals(p.getInt("width"), Imaging.getImageSize(image.body()).width);
        }
    }

    /** The lens's focal length becomes a field of view rounded to 5°, the one figure kept of the camera; the EXIF goes. */
    @Test
    void theLensIsKeptOnlyAsARoundedFieldOfView() throws Exception {
        org.apache.commons.imaging.formats.tiff.write.TiffOutputSet exif = new org.apache.commons.imaging.formats.tiff.write.TiffOutputSet();
        exif.getOrCreateExifDirectory().add(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants.EXIF_TAG_FOCAL_LENGTH_IN_35MM_FORMAT,
                (short) 26);
        java.io.ByteArrayOutputStream withLens = new java.io.ByteArrayOutputStream();
        new org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter().updateExifMetadataLossless(Photos.bytes("lisa_zoom_15cm.jpg"), withLens, exif);
        JsonArray stored = uploaded(List.of(withLens.toByteArray(), Photos.bytes("lisa_zoom_60cm.jpg")));
        assertEquals(55, stored.getJsonObject(0).getInt("fieldOfView"), "26 mm across a 3:4 portrait, rounded to 5°: " + stored.getJsonObject(0));
        assertFalse(stored.getJsonObject(1).containsKey("fieldOfView") && !stored.getJsonObject(1).isNull("fieldOfView"),
                "no EXIF, no field of view: " + stored.getJsonObject(1));
        JsonArray listed = (JsonArray) api.get("api/sessions/" + id + "/photos", bearer(token)).structure();
        String withLensId = stored.getJsonObject(0).getString("id");
        assertEquals(55, listed.getValuesAs(JsonObject.class).stream().filter(p -> p.getString("id").equals(withLensId)).findFirst()
                .orElseThrow().getInt("fieldOfView"));
        ImageMetadata metadata = Imaging.getMetadata(read(stored.getJsonObject(0).getString("id")).body());
        assertTrue(metadata == null || ((JpegImageMetadata) metadata).getExif() == null, "the stored photo has no EXIF");
    }

    @Test
    void nothingReadableOfTheUploadsIsOnDisk() {
        List<byte[]> files = WITH_GPS.stream().map(Photos::bytes).toList();
        uploaded(files);
        PlaintextScan scan = new PlaintextScan(files);
        assertTrue(scan.runCount() > 10_000, "the scan looks for many pixel runs: " + scan.runCount());
        assertEquals(List.of(), scan.findings(data), "no image signature or pixel run under the data directory (database included)");
    }

    @Test
    void refusedUploadsLeaveNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("headroom.it.tmp"));
        Set<Path> blobsBefore = blobFiles();
        Set<String> tmpBefore = listing(tmp);
        byte[] jpeg = Photos.bytes("lisa_webcam_01.jpg");

        upload(List.of(Arrays.copyOf(jpeg, jpeg.length / 2))).problem(422, "photo-unreadable");
        upload(List.of(new byte[0])).problem(415, "unsupported-photo-format");
        upload(List.of("this is not a photo, whatever its name says".getBytes())).problem(415, "unsupported-photo-format");
        upload(List.of(pixelBomb())).problem(422, "photo-dimensions-too-large");
        JsonObject heic = upload(List.of(Photos.bytes("lisa_webcam_04_INJECTED_gps.heic"))).problem(415, "heic-not-supported");
        assertTrue(heic.getString("detail").contains("JPEG"));
        // All or nothing: a good photo next to a bad one is not kept either.
        upload(List.of(jpeg, Arrays.copyOf(jpeg, 300))).problem(422, "photo-unreadable");
        upload(List.of()).problem(400, "invalid-request");

        assertEquals(0, ((JsonArray) api.get("api/sessions/" + id + "/photos", bearer(token)).structure()).size(), "no row");
        assertEquals(blobsBefore, blobFiles(), "no blob");
        assertEquals(tmpBefore, listing(tmp), "no temporary file");
    }

    @Test
    void aSessionHoldsAtMostItsLimit() {
        byte[] jpeg = Photos.bytes("lisa_webcam_01.jpg");
        uploaded(List.of(jpeg, jpeg, jpeg, jpeg));
        Set<Path> before = blobFiles();
        upload(List.of(jpeg, jpeg, jpeg)).problem(409, "too-many-photos");
        assertEquals(before, blobFiles(), "the refused upload stored nothing");
        assertEquals(2, uploaded(List.of(jpeg, jpeg)).size(), "up to the limit of 6");
    }

    @Test
    void tamperedBlobsFailWithAnIntegrityErrorNeverWrongPixels() throws Exception {
        Set<Path> before = blobFiles();
        JsonArray stored = uploaded(List.of(Photos.bytes("lisa_webcam_01.jpg"), Photos.bytes("london_025_neutral_INJECTED_gps_exif_only.jpg")));
        List<Path> blobs = newBlobFiles(before);
        assertEquals(2, blobs.size());
        String first = stored.getJsonObject(0).getString("id");
        String second = stored.getJsonObject(1).getString("id");
        byte[] original0 = Files.readAllBytes(blobs.get(0));
        byte[] original1 = Files.readAllBytes(blobs.get(1));
        byte[] firstImage = read(first).body();
        byte[] secondImage = read(second).body();

        // One flipped byte, far into the blob.
        for (Path blob : blobs) {
            byte[] b = Files.readAllBytes(blob);
            b[b.length - 40] ^= 0x10;
            Files.write(blob, b);
        }
        assertIntegrityError(first);
        assertIntegrityError(second);
        Files.write(blobs.get(0), original0);
        Files.write(blobs.get(1), original1);
        assertArrayEquals(firstImage, read(first).body(), "restored blobs open again");

        // Swapped blobs.
        Path spare = blobs.get(0).resolveSibling("spare");
        Files.move(blobs.get(0), spare);
        Files.move(blobs.get(1), blobs.get(0));
        Files.move(spare, blobs.get(1));
        assertIntegrityError(first);
        assertIntegrityError(second);
        Files.write(blobs.get(0), original0);
        Files.write(blobs.get(1), original1);

        // Cut short at a segment boundary and in the middle.
        Files.write(blobs.get(0), Arrays.copyOf(original0, original0.length - original0.length % 65_552));
        Files.write(blobs.get(1), Arrays.copyOf(original1, original1.length - 1000));
        assertIntegrityError(first);
        assertIntegrityError(second);
        Files.write(blobs.get(0), original0);
        Files.write(blobs.get(1), original1, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertArrayEquals(secondImage, read(second).body());
    }

    private void assertIntegrityError(String photoId) {
        api.get("api/sessions/" + id + "/photos/" + photoId, bearer(token)).problem(500, "integrity-error");
    }

    @Test
    void deletingTheSessionRemovesEveryBlobAndEverything404sAfterwards() {
        Set<Path> before = blobFiles();
        JsonArray stored = uploaded(List.of(Photos.bytes("lisa_webcam_01.jpg"), Photos.bytes("london_005_smiling_INJECTED_gps.webp")));
        List<Path> blobs = newBlobFiles(before);
        assertEquals(2, blobs.size());

        assertEquals(204, api.delete("api/sessions/" + id, bearer(token)).status());
        blobs.forEach(b -> assertFalse(Files.exists(b), "blob " + b + " is gone"));
        assertFalse(Files.exists(blobs.get(0).getParent()), "the session's blob folder is gone");
        assertEquals(before, blobFiles());
        api.get("api/sessions/" + id, bearer(token)).problem(404, "not-found");
        api.get("api/sessions/" + id + "/photos", bearer(token)).problem(404, "not-found");
        api.get("api/sessions/" + id + "/photos/" + stored.getJsonObject(0).getString("id"), bearer(token)).problem(404, "not-found");
        upload(List.of(Photos.bytes("lisa_webcam_01.jpg"))).problem(404, "not-found");
    }

    @Test
    void photosNeedTheSessionsToken() {
        uploaded(List.of(Photos.bytes("lisa_webcam_01.jpg")));
        JsonObject other = api.openSession();
        api.get("api/sessions/" + id + "/photos", bearer(other.getString("token"))).problem(404, "not-found");
        api.postFiles("api/sessions/" + id + "/photos", "photo", List.of(Photos.bytes("lisa_webcam_01.jpg")), bearer("guess")).problem(404, "not-found");
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new HashSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A PNG header declaring 50 000 × 50 000 pixels with almost no data behind it. */
    private static byte[] pixelBomb() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes());
        crc.update(body);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(type.getBytes());
        out.writeBytes(body);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
