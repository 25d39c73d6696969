package io.writerflow.maven.engine;

import io.writerflow.maven.engine.drift.TablesFilter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesFilterTest {

    @Test
    void globsIncludeAndExclamationMarksExclude() {
        TablesFilter filter = new TablesFilter(List.of("app_*", "{users,posts}", "!app_tmp?"));

        assertTrue(filter.includes("app_orders"));
        assertTrue(filter.includes("users"));
        assertFalse(filter.includes("app_tmp1"), "excluded");
        assertFalse(filter.includes("legacy"), "no including glob matches");
        assertTrue(TablesFilter.ALL.includes("anything"));
        assertTrue(new TablesFilter(List.of("!legacy_*")).includes("users"), "only exclusions: the rest is in");
    }
}
