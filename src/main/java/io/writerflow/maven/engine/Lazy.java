package io.writerflow.maven.engine;

import java.util.function.Supplier;

/** A value made on first use, at most once: for what a goal may not need at all, such as Flyway. */
public final class Lazy<T> implements Supplier<T> {

    private Supplier<T> make;
    private T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        if (make != null) {
            value = make.get();
            make = null;
        }
        return value;
    }
}
