package io.headroom.cli;

import io.headroom.fs.PrivateDirectories;
import io.headroom.operator.JdbcOperatorRepository;
import io.headroom.operator.OperatorName;
import io.headroom.operator.OperatorRepository;
import io.headroom.operator.OperatorRole;
import io.headroom.security.PasswordHasher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * {@code headroom operator add NAME [--role admin|operator]} and {@code headroom operator list}.
 * The first account on a fresh install is an admin unless said otherwise.
 */
public final class OperatorCommand {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final PasswordSource passwords;
    private final PrintStream out;

    public OperatorCommand(PasswordSource passwords, PrintStream out) {
        this.passwords = passwords;
        this.out = out;
    }

    /** Runs {@code args} (after the word {@code operator}) against the data directory. */
    public void run(List<String> args, Path dataDirectory, Path keysDirectory) {
        if (args.isEmpty()) {
            throw new CliException(usage());
        }
        PrivateDirectories.prepare(dataDirectory, keysDirectory);
        OperatorRepository store = new JdbcOperatorRepository(ApplianceDatabase.open(dataDirectory), Clock.systemUTC());
        try {
            switch (args.get(0)) {
                case "add" -> add(store, args.subList(1, args.size()));
                case "list" -> store.list().forEach(o -> out.println(o.name() + "\t" + o.role().roleName()));
                default -> throw new CliException(usage());
            }
        } catch (OperatorRepository.StoreFailed e) {
            throw new CliException(e.getMessage() + ".");
        }
    }

    private void add(OperatorRepository store, List<String> args) {
        String name = null;
        OperatorRole role = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--role") && i + 1 < args.size()) {
                role = parseRole(args.get(++i));
            } else if (a.startsWith("--role=")) {
                role = parseRole(a.substring("--role=".length()));
            } else if (!a.startsWith("-") && name == null) {
                name = a;
            } else {
                throw new CliException(usage());
            }
        }
        if (name == null) {
            throw new CliException(usage());
        }
        OperatorName operatorName;
        try {
            operatorName = new OperatorName(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        if (store.exists(operatorName)) {
            throw new CliException("An operator named " + operatorName + " exists already.");
        }
        OperatorRole effective = role != null ? role : store.anyAdmin() ? OperatorRole.OPERATOR : OperatorRole.ADMIN;
        char[] password = passwords.newPassword("Password for " + operatorName);
        try {
            if (password.length < MIN_PASSWORD_LENGTH) {
                throw new CliException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
            }
            store.add(operatorName, effective, new PasswordHasher().hash(password));
        } finally {
            Arrays.fill(password, '\0');
        }
        out.println("Operator " + operatorName + " added with role " + effective.roleName() + ".");
    }

    private static OperatorRole parseRole(String text) {
        try {
            return OperatorRole.of(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    static String usage() {
        return "usage: headroom operator add NAME [--role admin|operator] [--data DIR] [--keys DIR]\n"
                + "       headroom operator list [--data DIR]";
    }
}
