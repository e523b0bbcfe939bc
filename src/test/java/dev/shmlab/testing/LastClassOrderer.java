package dev.shmlab.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;

/** Keeps the default order, except that classes marked {@link RunsLast} run at the very end. */
public final class LastClassOrderer implements ClassOrderer {
    @Override
    public void orderClasses(org.junit.jupiter.api.ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor d) -> d.isAnnotated(RunsLast.class))
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
