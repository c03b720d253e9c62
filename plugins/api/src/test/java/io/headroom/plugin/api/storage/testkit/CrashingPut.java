package io.headroom.plugin.api.storage.testkit;

import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child process of {@link StorageDriverContract#aProcessKilledDuringPutLeavesNoTornObject()}:
 * opens the driver through the test's {@link StorageDriverContract.CrashFactory}, starts a put
 * whose content stops half-way, says {@code HALF} on standard output, and waits to be killed.
 * Arguments: the factory's class name, its argument, and the key.
 */
public final class CrashingPut {

    static final int SIZE = 300_000;

    private CrashingPut() {
    }

    public static void main(String[] args) throws Exception {
        StorageDriverContract.CrashFactory factory = (StorageDriverContract.CrashFactory)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        StorageDriver driver = factory.open(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        driver.put(new StorageKey(args[2]), new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served == SIZE / 2) {
                    out.println("HALF");
                    // Half the object is with the driver; the parent kills this process now.
                    while (true) {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                served++;
                return 0x5A;
            }
        });
        out.println("put returned: the content never ended, this is wrong");
    }
}
