package io.headroom.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Where a new password comes from: typed twice at a terminal, or one line on standard input for scripts. */
@FunctionalInterface
public interface PasswordSource {

    /** A new password; the caller clears the array after use. */
    char[] newPassword(String prompt);

    /** The terminal when there is one (typed twice, not echoed), else the first line of standard input. */
    static PasswordSource interactiveOrStdin() {
        return prompt -> {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("%s: ", prompt);
                char[] second = console.readPassword("Again: ");
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    throw new CliException("The two passwords differ; nothing was changed.");
                }
                Arrays.fill(second, '\0');
                return first;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new CliException("No password given on standard input; nothing was changed.");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
