package io.writerflow.maven.check;

import java.util.function.Consumer;

/**
 * Where {@link ProjectCheck} says what it skipped and what it compared, as it goes: the build log.
 *
 * @param error the lint's findings that fail the check
 */
public record CheckLog(Consumer<String> info, Consumer<String> warn, Consumer<String> error) {

    /** A log whose errors are warnings. */
    public CheckLog(Consumer<String> info, Consumer<String> warn) {
        this(info, warn, warn);
    }
}
