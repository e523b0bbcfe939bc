package dev.shmlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A text parameter (a path) is taken as given up to its limit in UTF-8 bytes, and refused beyond it. */
class ParamSpecTextTest {
    private final ParamSpec file = ParamSpec.text("file", "", 8, "a path");

    @Test
    void textWithinTheLimitIsTakenAsGiven() {
        assertThat(file.parse("/tmp/a")).isEqualTo("/tmp/a");
        assertThat(file.check("")).isEqualTo("");
    }

    @Test
    void textLongerThanTheLimitInBytesIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> file.parse("/tmp/äöü"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--file: must be text of at most 8 bytes (got \"/tmp/äöü\")");
    }
}
