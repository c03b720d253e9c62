package io.headroom.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.db.DatabaseLocation;
import jakarta.annotation.sql.DataSourceDefinition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The server and the command-line tools must open the same database file. */
class DataSourceUrlTest {

    @Test
    void serverUrlIsTheCoreLocation() {
        String template = HeadroomDataSource.class.getAnnotation(DataSourceDefinition.class).url();
        Path data = Path.of("/srv/headroom/data");
        String resolved = template.replace("${MPCONFIG=headroom.data.dir}", data.toString());
        assertEquals(DatabaseLocation.jdbcUrl(data), resolved);
    }
}
