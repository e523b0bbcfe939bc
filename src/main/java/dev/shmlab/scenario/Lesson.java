package dev.shmlab.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lesson preset: a scenario with parameters and a pace, a title and a paragraph of narrative for
 * the class. Every lesson is checked against the {@link Catalog} when it is loaded ({@link Lessons}),
 * so {@code scenario} and {@code params} are always runnable.
 *
 * @param name        the file name without {@code .json}, used by {@code shmlab run --lesson NAME}
 * @param parameters  the parameters as the file gives them (what a teacher wrote), in file order
 * @param params      the same checked, with every default filled in
 * @param startPaused whether the window starts the run paused, for stepping from the first line
 * @param source      where it was read from: {@code classpath:lessons/NAME.json} or a file path
 */
public record Lesson(String name, String title, Scenario scenario, Map<String, String> parameters, ScenarioParams params,
                     Duration pace, boolean startPaused, String narrative, String source) {

    public Lesson {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Whether it came with shmlab rather than from a teacher's directory. */
    public boolean shipped() {
        return source.startsWith(Lessons.CLASSPATH_PREFIX);
    }
}
