package io.writerflow.maven.schema.drizzle;

/** A place in the schema's files, as a user finds it: the file as shown in messages, 1-based line and column. */
record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
