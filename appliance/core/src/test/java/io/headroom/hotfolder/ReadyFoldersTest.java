package io.headroom.hotfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadyFoldersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final ReadyFolders ready = new ReadyFolders(clock, Duration.ofSeconds(10));

    @TempDir
    Path in;

    @Test
    void aFolderIsTakenOnlyOnceItsFilesStoppedChangingForTheQuietPeriod() throws Exception {
        Path anna = Files.createDirectories(in.resolve("anna"));
        Files.write(anna.resolve("1.jpg"), new byte[100]);
        assertEquals(List.of(), ready.look(in), "just seen");
        clock.advance(Duration.ofSeconds(6));
        Files.write(anna.resolve("1.jpg"), new byte[200]);
        assertEquals(List.of(), ready.look(in), "still being copied");
        clock.advance(Duration.ofSeconds(9));
        assertEquals(List.of(), ready.look(in), "9 s without change is not yet 10");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(anna), ready.look(in));
    }

    @Test
    void aReadyMarkTakesAFolderAtOnceButAnEmptyFolderIsNeverTaken() throws Exception {
        Path ben = Files.createDirectories(in.resolve("ben"));
        Files.createDirectories(in.resolve("empty"));
        Files.write(ben.resolve("1.jpg"), new byte[10]);
        Files.createFile(ben.resolve(ReadyFolders.READY_MARK));
        assertEquals(List.of(ben), ready.look(in));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(ben), ready.look(in), "the empty folder stays: nothing to do");
    }

    @Test
    void aRefusedFolderIsLeftAloneUntilItsFilesChange() throws Exception {
        Path cleo = Files.createDirectories(in.resolve("cleo"));
        Files.write(cleo.resolve("1.jpg"), new byte[10]);
        Files.createFile(cleo.resolve(ReadyFolders.READY_MARK));
        assertEquals(List.of(cleo), ready.look(in));
        ready.refused(cleo);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), ready.look(in));
        Files.writeString(cleo.resolve(ClientFolder.SETTINGS), "styles=natural\n");
        assertEquals(List.of(cleo), ready.look(in), "fixed by the studio: taken again");
    }
}
