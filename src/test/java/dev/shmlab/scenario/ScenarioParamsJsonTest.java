package dev.shmlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.ShmlabException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameters a lab segment holds are read back exactly as they were written. */
class ScenarioParamsJsonTest {

    @Test
    void everyScenarioDefaultsComeBackUnchanged() {
        for (Scenario scenario : Catalog.all()) {
            ScenarioParams written = ScenarioParams.of(scenario.parameters(), Map.of(), scenario.name());
            ScenarioParams read = ScenarioParams.fromJson(written.toJson());
            assertThat(read.values()).as(scenario.name()).containsExactlyEntriesOf(written.values());
        }
    }

    @Test
    void stringsWithQuotesEscapesAndUnicodeComeBackUnchanged() {
        List<ParamSpec> specs = List.of(
                ParamSpec.text("path", "", 1000, "a path"),
                ParamSpec.integer("count", 1, Long.MIN_VALUE, Long.MAX_VALUE, "a number"));
        String tricky = "a \"quoted\" \\ back/slash\ttab\nnewline \u0001 control, é ü → 😀";
        Map<String, String> given = new LinkedHashMap<>();
        given.put("path", tricky);
        given.put("count", Long.toString(Long.MIN_VALUE));
        ScenarioParams read = ScenarioParams.fromJson(ScenarioParams.of(specs, given, "test").toJson());
        assertThat(read.getString("path")).isEqualTo(tricky);
        assertThat(read.getLong("count")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void readsWhiteSpaceBooleansAndAnEmptyObject() {
        ScenarioParams read = ScenarioParams.fromJson(" {\n \"a\" : true ,\"b\":false, \"c\": -12 , \"d\":\"\\u00e9\\/\"}\n");
        assertThat(read.values()).containsExactly(Map.entry("a", true), Map.entry("b", false), Map.entry("c", -12L), Map.entry("d", "é/"));
        assertThat(ScenarioParams.fromJson("{}").values()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAFlatObjectOfNumbersStringsAndBooleans() {
        for (String bad : List.of("", "[]", "{\"a\":1", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":1.5}", "{\"a\":null}",
                "{\"a\":{}}", "{\"a\":\"open}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":1} trailing", "{a:1}")) {
            assertThatThrownBy(() -> ScenarioParams.fromJson(bad)).as(bad)
                    .isInstanceOf(ShmlabException.class)
                    .hasMessageStartingWith("the segment's parameter");
        }
    }
}
