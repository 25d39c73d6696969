package io.writerflow.maven.migrations;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransactionControlTest {

    @Test
    void theKeywordAfterWhitespaceAndComments() {
        assertEquals(Optional.of("COMMIT"), TransactionControl.keyword("commit"));
        assertEquals(Optional.of("END"), TransactionControl.keyword("  -- done\n/* really */ END TRANSACTION"));
        assertEquals(Optional.of("BEGIN"), TransactionControl.keyword("BEGIN IMMEDIATE"));
        assertEquals(Optional.of("ROLLBACK"), TransactionControl.keyword("ROLLBACK TO sp"));
        assertEquals(Optional.of("SAVEPOINT"), TransactionControl.keyword("savepoint a"));
        assertEquals(Optional.of("RELEASE"), TransactionControl.keyword("RELEASE SAVEPOINT a"));
    }

    @Test
    void otherStatementsAreNot() {
        assertEquals(Optional.empty(), TransactionControl.keyword("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END"));
        assertEquals(Optional.empty(), TransactionControl.keyword("INSERT INTO `commit` VALUES (1)"));
        assertEquals(Optional.empty(), TransactionControl.keyword("-- COMMIT\nSELECT 1"));
        assertEquals(Optional.empty(), TransactionControl.keyword("COMMITTED_AT"));
        assertEquals(Optional.empty(), TransactionControl.keyword(""));
    }
}
