package io.headroom.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageSettingsTest {

    @Test
    void dottedAndEnvironmentNamesOfTheDriverAreCollectedAndNoOthers() {
        Map<String, String> config = Map.of(
                "headroom.storage.s3.endpoint", "http://127.0.0.1:9000",
                "HEADROOM_STORAGE_S3_SECRET_KEY", "s",
                "HEADROOM_STORAGE_S3_ENDPOINT", "ignored: the dotted name decides",
                "headroom.storage.localfs.root", "/elsewhere",
                "HEADROOM_STORAGE_S3X_BUCKET", "not this driver",
                "headroom.storage.driver", "s3");
        Map<String, String> s = StorageSettings.collect("s3", config.keySet(), n -> Optional.ofNullable(config.get(n)));
        assertEquals(Map.of("endpoint", "http://127.0.0.1:9000", "secret-key", "s"), s);
    }

    @Test
    void driverIdsWithDashesMapToUnderscores() {
        Map<String, String> s = StorageSettings.collect("my-store", List.of("HEADROOM_STORAGE_MY_STORE_PATH_STYLE"), n -> Optional.of("true"));
        assertEquals(Map.of("path-style", "true"), s);
    }
}
