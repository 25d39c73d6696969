package io.writerflow.maven.check;

import java.util.function.Consumer;

/** Where {@link ProjectCheck} says what it skipped and what it compared, as it goes: the build log. */
public record CheckLog(Consumer<String> info, Consumer<String> warn) {
}
