package io.writerflow.maven.generate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableSummaryTest {

    @Test
    void oneLinePerTableWithoutZeroCounts() {
        assertEquals("posts: 5 columns, 1 index, 1 foreign key", new TableSummary("posts", 5, 1, 1).line());
        assertEquals("users: 1 column, 2 indexes, 3 foreign keys", new TableSummary("users", 1, 2, 3).line());
        assertEquals("tags: 2 columns", new TableSummary("tags", 2, 0, 0).line());
        assertEquals("links: 2 columns, 2 foreign keys", new TableSummary("links", 2, 0, 2).line());
    }
}
