package dev.shmlab.os;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLibrary;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every function shmlab binds exists in this machine's libc. */
class BoundSymbolsTest {

    static Stream<String> boundFunctions() {
        Stream<String> interfaceMapped = Arrays.stream(LibC.class.getDeclaredMethods()).map(Method::getName);
        return Stream.concat(interfaceMapped, LibCHot.SYMBOLS.stream()).distinct().sorted();
    }

    @ParameterizedTest
    @MethodSource("boundFunctions")
    void libcExportsTheBoundFunction(String name) {
        assertThat(NativeLibrary.getInstance("c").getFunction(name)).isNotNull();
    }
}
