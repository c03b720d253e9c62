package io.headroom.server.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.fakes.FakeTransactions;
import io.headroom.server.fakes.MemoryKeys;
import io.headroom.server.fakes.MemoryPhotos;
import io.headroom.server.fakes.MemorySealedBlobs;
import io.headroom.server.fakes.MemorySessions;
import io.headroom.MutableClock;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.session.TestSessions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upload use case without a server: no transaction (so no lock) while the client sends, all or
 * nothing, and a purge that begins mid-upload wins with nothing of the upload left behind.
 */
class UploadPhotosTest {

    private final FakeTransactions tx = new FakeTransactions();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final MemorySessions sessions = new MemorySessions(tx);
    private final MemoryPhotos photos = new MemoryPhotos(tx);
    private final MemoryKeys keys = new MemoryKeys(tx);
    private final MemorySealedBlobs sealed = new MemorySealedBlobs(tx);
    private final UploadPhotos upload = new UploadPhotos();
    private SessionEntity session;

    @BeforeEach
    void wire() throws Exception {
        upload.sessions = sessions;
        upload.photos = photos;
        upload.keys = keys;
        upload.sealed = sealed;
        upload.transactions = tx;
        upload.clock = clock;
        upload.limits = new IntakeLimits(1_000_000, 4_000_000, 3);
        upload.cleaner = new PhotoCleaner(upload.limits, new DecodeBudget(8_000_000, Duration.ofSeconds(5)));
        session = TestSessions.open("s1", clock.instant(), Duration.ofHours(1));
        tx.inNew(() -> {
            sessions.add(session);
            return null;
        });
    }

    /** The request's parts, each handed out only while no transaction is open (a slow client holds nothing). */
    private UploadPhotos.Parts parts(byte[]... photos) {
        Deque<byte[]> left = new ArrayDeque<>(List.of(photos));
        return () -> {
            assertFalse(tx.open(), "a transaction was open while the client sent a photo");
            return left.poll();
        };
    }

    private static byte[] jpeg(int w, int h, Color c) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void eachPhotoIsCleanedSealedWithItsDeadlineAndRecordedAtTheEnd() throws Exception {
        List<PhotoView> stored = upload.upload("s1", parts(jpeg(64, 48, Color.BLUE), jpeg(48, 64, Color.RED)));

        assertEquals(2, stored.size());
        assertEquals(List.of(64, 48), stored.stream().map(PhotoView::width).toList());
        assertEquals(2, photos.count("s1"));
        assertEquals(2, sealed.of("s1").size());
        assertTrue(sealed.of("s1").stream().allMatch(o -> o.deadline().equals(session.deletesAt())), "each object has its session's deadline");
        assertTrue(keys.has("s1"), "the session got its key with its first object");
        assertEquals(session.storagePrefix().length() > 0, true);
        assertEquals(sealed.under(session.storagePrefix()).size(), 2, "the objects lie under the session's prefix");
    }

    @Test
    void oneRefusedPhotoLeavesNothingOfTheUpload() throws Exception {
        byte[] notAPhoto = "this is not an image at all".getBytes();

        ProblemException e = assertThrows(ProblemException.class,
                () -> upload.upload("s1", parts(jpeg(64, 48, Color.BLUE), notAPhoto)));

        assertEquals(ProblemType.UNSUPPORTED_PHOTO_FORMAT, e.type());
        assertEquals(0, photos.count("s1"));
        assertEquals(List.of(), sealed.of("s1"), "the first photo's object went again");
    }

    @Test
    void moreThanTheSessionHoldsIsA409AndLeavesNothing() throws Exception {
        upload.upload("s1", parts(jpeg(32, 32, Color.BLUE), jpeg(32, 32, Color.GREEN)));

        ProblemException e = assertThrows(ProblemException.class,
                () -> upload.upload("s1", parts(jpeg(32, 32, Color.RED), jpeg(32, 32, Color.GRAY))));

        assertEquals(ProblemType.TOO_MANY_PHOTOS, e.type());
        assertEquals(2, photos.count("s1"));
        assertEquals(2, sealed.of("s1").size());
    }

    @Test
    void aPurgeThatBeginsWhileThePhotosArriveWinsAndTheUploadLeavesNothing() throws Exception {
        byte[] first = jpeg(64, 48, Color.BLUE);
        byte[] second = jpeg(64, 48, Color.RED);
        Deque<byte[]> left = new ArrayDeque<>(List.of(first, second));
        UploadPhotos.Parts racing = () -> {
            if (left.size() == 1) {
                // The person pressed "delete everything now" in another tab: the purge's first
                // transaction can take the session's row at once, since the upload holds no lock.
                assertFalse(tx.open());
                TestSessions.beginPurge(session);
            }
            return left.poll();
        };

        ProblemException e = assertThrows(ProblemException.class, () -> upload.upload("s1", racing));

        assertEquals(ProblemType.NOT_FOUND, e.type(), "the session is gone for the uploader too");
        assertEquals(0, photos.count("s1"));
        assertEquals(List.of(), sealed.of("s1"), "what it had stored went again");
    }

    @Test
    void aSessionPastItsDeadlineTakesNoPhotoAndGetsNoKey() throws Exception {
        clock.advance(Duration.ofHours(2));

        ProblemException e = assertThrows(ProblemException.class, () -> upload.upload("s1", parts(jpeg(32, 32, Color.BLUE))));

        assertEquals(ProblemType.NOT_FOUND, e.type());
        assertFalse(keys.has("s1"));
        assertEquals(List.of(), sealed.of("s1"));
    }

    @Test
    void anEmptyUploadIsA400() {
        ProblemException e = assertThrows(ProblemException.class, () -> upload.upload("s1", parts()));
        assertEquals(ProblemType.INVALID_REQUEST, e.type());
        assertEquals(0, photos.count("s1"));
    }
}
