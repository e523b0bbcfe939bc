package dev.shmlab.foreign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import dev.shmlab.testing.Gcc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayoutDescriptionTest {
    /** A struct with every kind of member C pads around; its offsets are checked against gcc's. */
    private static final String MIXED_C = """
            struct inner { signed char tag; int value; };
            struct pair { unsigned char kind; unsigned short id; };
            struct mixed {
                signed char a; long long b; unsigned short c; char name[3]; double d;
                struct inner in; int counts[3]; struct pair pairs[2]; float f; char tail;
            };
            """;
    private static final String MIXED_JSON = """
            {"name": "mixed", "fields": [
              {"name": "a", "type": "int8"}, {"name": "b", "type": "int64"}, {"name": "c", "type": "uint16"},
              {"name": "name", "type": "char[3]"}, {"name": "d", "type": "double"},
              {"name": "in", "type": "struct", "fields": [{"name": "tag", "type": "int8"}, {"name": "value", "type": "int"}]},
              {"name": "counts", "type": "int32[3]"},
              {"name": "pairs", "type": "struct[2]", "fields": [{"name": "kind", "type": "uint8"}, {"name": "id", "type": "unsigned short"}]},
              {"name": "f", "type": "float"}, {"name": "tail", "type": "char"}
            ]}
            """;

    @Test
    void fieldsWithoutOffsetsArePlacedWhereGccPlacesThem(@TempDir Path dir) throws Exception {
        Gcc.assumeAvailable("the comparison of layout placement with gcc's offsetof");
        List<String> paths = List.of("a", "b", "c", "name", "d", "in.tag", "in.value", "counts", "pairs[0].kind", "pairs[0].id",
                "pairs[1].kind", "pairs[1].id", "f", "tail");
        String prints = paths.stream().map(p -> "printf(\"" + p + " %zu\\n\", offsetof(struct mixed, " + p + "));").collect(Collectors.joining("\n"));
        Path source = Files.writeString(dir.resolve("mixed.c"), "#include <stddef.h>\n#include <stdio.h>\n" + MIXED_C
                + "int main(void) {\n" + prints + "\nprintf(\"sizeof %zu\\n\", sizeof(struct mixed));\nreturn 0;\n}\n");
        Path exe = Gcc.compile(dir, "mixed", List.of(source.toString()));
        Process p = new ProcessBuilder(exe.toString()).start();
        Map<String, Long> gcc = new LinkedHashMap<>();
        new String(p.getInputStream().readAllBytes()).lines().forEach(l -> gcc.put(l.split(" ")[0], Long.parseLong(l.split(" ")[1])));

        LayoutDescription layout = LayoutDescription.parse(MIXED_JSON, "mixed.json");
        Map<String, Long> ours = new LinkedHashMap<>();
        layout.fields().forEach(f -> ours.put(f.path(), f.offset()));
        ours.put("sizeof", layout.sizeBytes());

        assertThat(ours).isEqualTo(gcc);
    }

    @Test
    void aFieldWithoutOffsetFollowsTheFieldDeclaredBeforeIt() {
        LayoutDescription layout = LayoutDescription.parse("""
                {"fields": [{"name": "flag", "type": "int32", "offset": 64}, {"name": "next", "type": "int64"},
                            {"name": "first", "type": "uint8", "offset": 0}]}
                """, "explicit.json");
        assertThat(layout.field("next").orElseThrow().offset()).isEqualTo(72);
        assertThat(layout.field("first").orElseThrow().offset()).isZero();
        assertThat(layout.sizeBytes()).isEqualTo(80);
        assertThat(layout.extentBytes()).isEqualTo(80);
    }

    @Test
    void theShippedLayoutsDescribeTheSeedsStructs() {
        LayoutDescription memory = LayoutDescription.shipped("seed004-memory");
        assertThat(offsets(memory)).isEqualTo("packet_no@0 srcClientNo@4 destClientNo@6 message@8");
        assertThat(memory.sizeBytes()).isEqualTo(1032);
        assertThat(memory.derivesHops()).isTrue();
        assertThat(memory.segment()).contains(new SegmentLocation.Ftok(Path.of("MemDispatch"), 65));
        assertThat(memory.semaphores()).containsExactly(new SemaphoreSpec.Named("semName", "/semName"));

        LayoutDescription region = LayoutDescription.shipped("seed000-shm_region");
        assertThat(offsets(region)).isEqualTo("size@0 ready@8 buffer@12");
        assertThat(region.segment()).contains(new SegmentLocation.Posix("/myshm"));

        LayoutDescription handshake = LayoutDescription.load("seed001-handshake");
        assertThat(offsets(handshake)).isEqualTo("ready@0 sleepers@4 counter@8 checksum@12 message@16");
        assertThat(handshake.sizeBytes()).isEqualTo(272);
    }

    @Test
    void aSemaphoreGivenOnTheCommandLineReplacesTheOneWithTheSameLabel() {
        LayoutDescription layout = LayoutDescription.shipped("seed004-memory")
                .withSemaphore(SemaphoreSpec.parse("semName=/shmlab-test-sem"))
                .withSemaphore(SemaphoreSpec.parse("turns=sysv:0x5e001234,2"));
        assertThat(layout.semaphores()).containsExactly(new SemaphoreSpec.Named("semName", "/shmlab-test-sem"),
                new SemaphoreSpec.SysV("turns", new SegmentLocation.SysVKey(0x5e001234), 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown type       | {"fields": [{"name": "count", "type": "int33"}]}                                              | field "count": unknown type "int33"; use int8, int16
            overlapping offsets| {"fields": [{"name": "a", "type": "int32", "offset": 0}, {"name": "b", "type": "int32", "offset": 2}]} | field "b" (int32 at offset 2) overlaps field "a" (int32 at offset 0), bytes 0..3
            duplicate names    | {"fields": [{"name": "a", "type": "int32"}, {"name": "a", "type": "int8"}]}                    | field "a" is declared twice
            nested duplicate   | {"fields": [{"name": "h", "type": "struct", "fields": [{"name": "x", "type": "int8"}, {"name": "x", "type": "int8"}]}]} | field "h.x" is declared twice
            malformed JSON     | {"fields": [{"name": "a", "type": "int32"} {"name": "b"}]}                                     | line 1, column 44: malformed JSON: Unexpected character ('{'
            unknown key        | {"fields": [{"name": "a", "type": "int32", "ofset": 4}]}                                       | line 1, column 55: unknown key "ofset" in a field (known keys: fields, name, offset, role, type)
            offset not a number| {"fields": [{"name": "a", "type": "int32", "offset": 1.5}]}                                     | line 1, column 54: "fields[0].offset" must be a whole number
            no type            | {"fields": [{"name": "a"}]}                                                                    | field "a" has no "type"
            no fields          | {"name": "empty"}                                                                              | no fields
            zero length        | {"fields": [{"name": "a", "type": "char[0]"}]}                                                 | field "a": the length in char[0] must be 1 or more
            role on wrong type | {"fields": [{"name": "a", "type": "char[8]", "role": "sequence"}]}                              | field "a": role sequence needs an integer type such as int32 or uint16, not char[8]
            unknown role       | {"fields": [{"name": "a", "type": "int32", "role": "src"}]}                                    | field "a": unknown role "src"; use one of sequence, source, destination, text
            source alone       | {"fields": [{"name": "from", "type": "int32", "role": "source"}]}                              | field "from" has role source, but no field has role destination
            size too small     | {"size": 2, "fields": [{"name": "a", "type": "int32"}]}                                        | "size" 2 is smaller than its fields: field "a" (int32 at offset 0) ends at byte 4
            bad segment        | {"segment": {"posix": "myshm"}, "fields": [{"name": "a", "type": "int32"}]}                    | "segment": "posix": a POSIX name must start with '/'
            bad ftok id        | {"segment": {"ftok": {"path": "x", "id": 300}}, "fields": [{"name": "a", "type": "int32"}]}    | "segment": ftok id: must be between 1 and 255 (got 300)
            semaphore twice    | {"semaphores": [{"label": "s", "posix": "/a"}, {"label": "s", "posix": "/b"}], "fields": [{"name": "a", "type": "int32"}]} | semaphore "s" is declared twice
            """)
    void aBadLayoutIsRejectedWithOneMessageNamingTheProblem(String problem, String json, String expected) {
        assertThatThrownBy(() -> LayoutDescription.parse(json, "bad.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("layout bad.json: " + expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aLayoutLargerThanTheSegmentNamesTheFieldThatDoesNotFit() {
        LayoutDescription memory = LayoutDescription.shipped("seed004-memory");
        assertThatThrownBy(() -> memory.checkFits(512, "sysv key=0x5e000001 id=7"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("layout seed004-memory.json: field \"message\" (char[1024] at offset 8) ends at byte 1032, "
                        + "but sysv key=0x5e000001 id=7 is only 512 bytes");
        memory.checkFits(1032, "exactly large enough");
    }

    @Test
    void aMissingFileIsBadInputNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> LayoutDescription.load(dir.resolve("nope.json").toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope.json: no such file, and not a shipped layout (seed000-shm_region, seed001-handshake, seed004-memory)");
    }

    private static String offsets(LayoutDescription layout) {
        return layout.fields().stream().map(f -> f.path() + "@" + f.offset()).collect(Collectors.joining(" "));
    }
}
