package dev.shmlab.cli;

import dev.shmlab.scenario.InvalidLessonException;
import dev.shmlab.scenario.Lesson;
import dev.shmlab.scenario.Lessons;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shmlab lessons [NAME] [--dir DIR] [--copy]}: the lesson presets — shipped ones in teaching
 * order, then a teacher's own — or one lesson in full; {@code --copy} puts the shipped files in the
 * teacher's directory to edit. Files that cannot be used are listed with the reason.
 */
@Command(name = "lessons", description = {
        "List the lesson presets (scenario, parameters, pace and a paragraph for the class), or show one.",
        "Your own lessons are the *.json files in ~/.config/shmlab/lessons ($XDG_CONFIG_HOME/shmlab/lessons);",
        "one named like a shipped lesson replaces it. Run one with 'shmlab run --lesson NAME'."})
public final class LessonsCommand implements Callable<Integer> {
    private static final int WIDTH = 100;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show this lesson in full.")
    private String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "Read (and with --copy, write) your own lessons here instead.")
    private Path dir;

    @Option(names = "--copy", description = "Copy the shipped lesson files into your lessons directory to edit them (existing files are kept).")
    private boolean copy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path directory = dir != null ? dir : Lessons.defaultDirectory();
        if (copy) {
            List<Path> written = Lessons.copyShipped(directory);
            written.forEach(p -> out.println("copied " + p));
            out.println(written.isEmpty() ? "every shipped lesson is already in " + directory : "edit them there; 'shmlab lessons' shows your versions");
            return Main.EXIT_OK;
        }
        Lessons lessons = Lessons.load(directory);
        if (name != null) {
            show(lessons.byName(name), out);
            return Main.EXIT_OK;
        }
        list(lessons, directory, out);
        return Main.EXIT_OK;
    }

    private static void list(Lessons lessons, Path directory, PrintWriter out) {
        TextTable table = new TextTable("#", "lesson", "seed", "scenario", "pace", "title").alignRight(0);
        int n = 0;
        for (Lesson l : lessons.all()) {
            table.row(Integer.toString(++n), l.name() + (l.shipped() ? "" : " *"), l.scenario().seed(), l.scenario().name(),
                    l.startPaused() ? "stepped" : l.pace().isZero() ? "full" : l.pace().toMillis() + " ms", l.title());
        }
        table.write(out);
        out.println();
        out.println("Run one with 'shmlab run --lesson NAME'; see one with 'shmlab lessons NAME'.");
        out.println("* = your own, from " + directory + " (copy the shipped ones there with 'shmlab lessons --copy').");
        if (!lessons.problems().isEmpty()) {
            out.println();
            out.println("Not usable:");
            for (InvalidLessonException p : lessons.problems()) {
                out.println("  " + p.getMessage());
            }
        }
    }

    private static void show(Lesson l, PrintWriter out) {
        out.println(l.name() + ": " + l.title());
        out.println("scenario " + l.scenario().name() + " (seed " + l.scenario().seed() + "), "
                + (l.pace().isZero() ? "full speed" : "pace " + l.pace().toMillis() + " ms per step")
                + (l.startPaused() ? ", starts paused in the window for stepping" : ""));
        out.println("parameters: " + (l.parameters().isEmpty() ? "the scenario's defaults"
                : l.parameters().entrySet().stream().map(e -> "--" + e.getKey() + " " + e.getValue()).collect(Collectors.joining(" "))));
        out.println("from " + l.source());
        out.println();
        out.println(wrap(l.narrative()));
        out.println();
        out.println("Run it with 'shmlab run --lesson " + l.name() + "'.");
    }

    /** The text broken into lines of at most {@value #WIDTH} characters, at spaces. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.strip().split("\\s+")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > WIDTH) {
                out.append(System.lineSeparator());
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }
}
