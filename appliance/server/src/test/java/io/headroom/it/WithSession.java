package io.headroom.it;

import static io.headroom.it.Api.bearer;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;

/** For ITs whose every test works in a session of its own, opened before it runs. */
abstract class WithSession {

    @ArquillianResource
    URL base;

    Api api;
    String id;
    String token;

    @BeforeEach
    void openSession() {
        api = new Api(base);
        JsonObject s = api.openSession();
        id = s.getString("id");
        token = s.getString("token");
    }

    /** POSTs the files as photo parts to the current session. */
    Api.Reply uploadFiles(List<byte[]> files) {
        return api.postFiles("api/sessions/" + id + "/photos", "photo", files, bearer(token));
    }
}
