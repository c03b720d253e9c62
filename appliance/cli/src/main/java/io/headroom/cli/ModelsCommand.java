package io.headroom.cli;

import io.headroom.packs.ModelPack;
import io.headroom.packs.PackException;
import io.headroom.packs.PackInstaller;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code headroom models [list]}, {@code headroom models install PACK --from FILE [--accept-licence]},
 * {@code headroom models remove PACK}: the optional model packs. Install shows the pack's terms and
 * asks for acceptance; {@code --accept-licence} is for scripted installs by an operator who has read
 * them (they are still printed).
 */
final class ModelsCommand {

    static final String USAGE = "usage: headroom models [list]\n"
            + "       headroom models install identity|matting --from human-models-3.0.4.tgz [--accept-licence]\n"
            + "       headroom models remove identity|matting";

    private final PackInstaller installer;
    private final BufferedReader answers;

    ModelsCommand(Path modelsDir, PrintStream out, BufferedReader answers, Clock clock) {
        this.installer = new PackInstaller(modelsDir, out, clock);
        this.answers = answers;
    }

    void run(List<String> args) {
        String sub = args.isEmpty() ? "list" : args.get(0);
        try {
            switch (sub) {
                case "list" -> installer.list();
                case "install" -> install(args.subList(1, args.size()));
                case "remove" -> {
                    if (args.size() != 2) {
                        throw new CliException(USAGE);
                    }
                    installer.remove(pack(args.get(1)));
                }
                default -> throw new CliException("unknown models command '" + sub + "'.\n" + USAGE);
            }
        } catch (PackException e) {
            throw new CliException(e.getMessage(), 1);
        }
    }

    private void install(List<String> args) {
        ModelPack pack = null;
        Path from = null;
        boolean accepted = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--from") && i + 1 < args.size()) {
                from = Path.of(args.get(++i));
            } else if (a.equals("--accept-licence")) {
                accepted = true;
            } else if (pack == null && !a.startsWith("--")) {
                pack = pack(a);
            } else {
                throw new CliException("unexpected '" + a + "'.\n" + USAGE);
            }
        }
        if (pack == null || from == null) {
            throw new CliException("name a pack and the package file to install it from.\n" + USAGE + "\nGet the package with: "
                    + ModelPack.HOW_TO_FETCH);
        }
        installer.install(pack, from, accepted, answers);
    }

    private static ModelPack pack(String id) {
        return ModelPack.byId(id).orElseThrow(() -> new CliException("there is no model pack '" + id + "'; the packs are: "
                + String.join(", ", ModelPack.all().stream().map(ModelPack::id).toList())));
    }
}
