package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The statements of one migration file: held in memory when the file is small, read again from the file, one
 * statement at a time, when it is large (a 50 MB data migration is never held whole, neither as text nor as
 * statements). Both answer the same questions; callers do not need to know which they have.
 */
public sealed interface MigrationStatements permits MigrationStatements.Held, MigrationStatements.InFile {

    /** How much SQL a file's statements may hold to be kept in memory once read. */
    int HELD_CHARS = 1 << 20;

    /** Something done with each statement in turn, which may fail with {@code E}. */
    @FunctionalInterface
    interface Action<E extends Exception> {
        void accept(Statement statement) throws E;
    }

    int size();

    /** The characters of SQL of all statements together. */
    long sqlChars();

    /** The statement at {@code index} (0-based; its {@link Statement#number()} is one more). */
    Statement get(int index);

    /** Runs {@code action} on each statement in order; stops at the first exception, which it rethrows. */
    <E extends Exception> void forEach(Action<E> action) throws E;

    /** The first statement that matches, reading no further than it. */
    Optional<Statement> find(Predicate<Statement> matches);

    /**
     * Reads {@code file} once: splits it into statements and sums it (see {@link Migration#checksum}). Keeps the
     * statements when they hold at most {@code heldChars} of SQL; otherwise only where to read them again.
     *
     * @param display the file as named in messages
     */
    static Read read(Path file, String display, int heldChars) throws IOException {
        List<Statement> held = new ArrayList<>();
        int count = 0;
        long chars = 0;
        try (StatementReader reader = StatementReader.open(file)) {
            for (Statement s = reader.next(); s != null; s = reader.next()) {
                count++;
                chars += s.sql().length();
                if (held != null) {
                    held.add(s);
                    if (chars > heldChars) {
                        held = null; // too large to keep: read again when needed
                    }
                }
            }
            int checksum = reader.checksum();
            return new Read(held != null ? new Held(held)
                    : new InFile(file, display, count, chars, checksum), checksum);
        }
    }

    /** What one read of a file gives: its statements and its checksum. */
    record Read(MigrationStatements statements, int checksum) {
    }

    /** The statements of a small file, kept. */
    record Held(List<Statement> list) implements MigrationStatements {
        public Held {
            list = List.copyOf(list);
        }

        @Override
        public int size() {
            return list.size();
        }

        @Override
        public long sqlChars() {
            return list.stream().mapToLong(s -> s.sql().length()).sum();
        }

        @Override
        public Statement get(int index) {
            return list.get(index);
        }

        @Override
        public <E extends Exception> void forEach(Action<E> action) throws E {
            for (Statement statement : list) {
                action.accept(statement);
            }
        }

        @Override
        public Optional<Statement> find(Predicate<Statement> matches) {
            return list.stream().filter(matches).findFirst();
        }
    }

    /**
     * The statements of a large file, read again from it on each use. Each full read checks the file against
     * what was read first, so a migration edited during an apply never runs under the old checksum.
     *
     * @param checksum the checksum of the file when it was first read
     */
    record InFile(Path file, String display, int size, long sqlChars, int checksum) implements MigrationStatements {

        @Override
        public Statement get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return find(s -> s.number() == index + 1).orElseThrow(this::changed);
        }

        @Override
        public <E extends Exception> void forEach(Action<E> action) throws E {
            try (StatementReader reader = StatementReader.open(file)) {
                int count = 0;
                for (Statement s = reader.next(); s != null; s = reader.next()) {
                    if (++count > size) {
                        throw changed();
                    }
                    action.accept(s);
                }
                if (count != size || reader.checksum() != checksum) {
                    throw changed();
                }
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        @Override
        public Optional<Statement> find(Predicate<Statement> matches) {
            try (StatementReader reader = StatementReader.open(file)) {
                for (Statement s = reader.next(); s != null; s = reader.next()) {
                    if (matches.test(s)) {
                        return Optional.of(s);
                    }
                }
                return Optional.empty();
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        private WriterflowException changed() {
            return new WriterflowException(display + " changed while writerflow was using it: it no longer holds the"
                    + " statements it held when the migrations were loaded.",
                    "Run the goal again once the file is no longer being written.");
        }

        private WriterflowException unreadable(IOException e) {
            return new WriterflowException("Cannot read " + display + ": " + e.getMessage(),
                    "Check that the file is readable UTF-8 text.", e);
        }
    }
}
