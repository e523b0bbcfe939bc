package dev.shmlab.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Window tests need an X display. Without one they are skipped, saying how to run them; on CI
 * ({@code CI=true}) a missing display fails them instead, so a misconfigured job cannot pass by
 * skipping the window.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresDisplay.Check.class)
@interface RequiresDisplay {

    /** The condition and the CI guard. */
    final class Check implements ExecutionCondition, BeforeAllCallback {
        static final String HOW = "run them under a display, e.g. xvfb-run -a -s \"-screen 0 1920x1080x24\" ./mvnw verify";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (hasDisplay() || onCi()) {
                return ConditionEvaluationResult.enabled("a display is set, or CI requires the window tests");
            }
            return ConditionEvaluationResult.disabled("window tests skipped: no DISPLAY is set; " + HOW);
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            if (!hasDisplay()) {
                throw new AssertionError("CI=true but no DISPLAY is set: the window tests must run on CI; " + HOW);
            }
        }

        private static boolean hasDisplay() {
            String display = System.getenv("DISPLAY");
            return display != null && !display.isBlank();
        }

        private static boolean onCi() {
            return "true".equalsIgnoreCase(System.getenv("CI"));
        }
    }
}
