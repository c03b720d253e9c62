package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.db.DatabaseLocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A deadline that passes while the appliance is stopped: the session is purged at start-up,
 * before the appliance answers its first request. (The stopped appliance's database is edited to
 * put the deadline in the past, instead of waiting for a real one.)
 */
class DowntimePurgeIT {

    @Test
    void aDeadlinePassedWhileStoppedIsPurgedBeforeTheFirstRequest() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("downtime");
        appliance.start(appliance.serveCommand(), appliance::healthy);
        JsonObject session;
        try {
            session = appliance.openSession();
        } finally {
            appliance.stop();
        }
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(DatabaseLocation.jdbcUrl(appliance.data));
        try (Connection c = db.getConnection(); PreparedStatement past = c.prepareStatement("UPDATE sessions SET deletes_at = ? WHERE id = ?")) {
            past.setLong(1, System.currentTimeMillis() - 60_000);
            past.setString(2, session.getString("id"));
            assertEquals(1, past.executeUpdate());
        }

        // The first request after start-up: the receipt is there already.
        appliance.start(appliance.serveCommand(), () -> true);
        try {
            HttpResponse<String> receipt = appliance.firstApplicationAnswer("/api/receipts/" + session.getString("receiptId"));
            assertEquals(200, receipt.statusCode(), "purged before anything was served: " + receipt.body());
            assertTrue(receipt.body().contains("\"deadline\""), receipt.body());
            assertTrue(appliance.log().contains("purged at start-up"), appliance.log());
        } finally {
            appliance.stop();
        }
    }

    /**
     * A purge cut short by a crash: the appliance died after destroying the session's key and
     * deleting one of its two blobs (the state is made by hand while it is stopped). At the next
     * start the purge finishes before anything is served, and the receipt counts both photos.
     */
    @Test
    void aPurgeCutShortByACrashFinishesAtTheNextStart() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("interrupted");
        appliance.start(appliance.serveCommand(), appliance::healthy);
        JsonObject session;
        try {
            session = appliance.openSession();
            appliance.uploadPhotos(session.getString("id"), session.getString("token"), "london_005_neutral.jpg", "london_021_neutral.jpg");
        } finally {
            appliance.kill();
        }
        java.util.List<java.nio.file.Path> blobs;
        try (var files = java.nio.file.Files.walk(appliance.data.resolve("blobs"))) {
            blobs = files.filter(java.nio.file.Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
        assertEquals(2, blobs.size());
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(DatabaseLocation.jdbcUrl(appliance.data));
        try (Connection c = db.getConnection();
             PreparedStatement past = c.prepareStatement("UPDATE sessions SET deletes_at = ? WHERE id = ?");
             PreparedStatement key = c.prepareStatement("DELETE FROM session_keys WHERE session_id = ?")) {
            past.setLong(1, System.currentTimeMillis() - 60_000);
            past.setString(2, session.getString("id"));
            assertEquals(1, past.executeUpdate());
            key.setString(1, session.getString("id"));
            assertEquals(1, key.executeUpdate(), "step 1 of the purge: the key is gone");
        }
        java.nio.file.Files.delete(blobs.get(0)); // step 2, half done

        appliance.start(appliance.serveCommand(), () -> true);
        try {
            HttpResponse<String> receipt = appliance.firstApplicationAnswer("/api/receipts/" + session.getString("receiptId"));
            assertEquals(200, receipt.statusCode(), receipt.body());
            JsonObject deleted = Json.createReader(new StringReader(receipt.body())).readObject().getJsonObject("deleted");
            assertEquals(2, deleted.getJsonObject("photos").getInt("count"), "both photos counted: " + receipt.body());
            try (var files = java.nio.file.Files.walk(appliance.data.resolve("blobs"))) {
                assertEquals(0, files.filter(java.nio.file.Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count(),
                        "the rest of the session's blobs are gone");
            }
        } finally {
            appliance.stop();
        }
    }

}
