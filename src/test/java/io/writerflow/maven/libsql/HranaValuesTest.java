package io.writerflow.maven.libsql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HranaValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String encoded(Object value) throws SQLException {
        return HranaValues.encode(value).toString();
    }

    private static Object decoded(String json) throws Exception {
        return HranaValues.decode(JSON.readTree(json));
    }

    @Test
    void nullsEncodeAndDecode() throws Exception {
        assertEquals("{\"type\":\"null\"}", encoded(null));
        assertNull(decoded("{\"type\":\"null\"}"));
        assertNull(HranaValues.decode(null));
    }

    @Test
    void integersTravelAsDecimalStringsWithoutLosingDigits() throws Exception {
        assertEquals("{\"type\":\"integer\",\"value\":\"42\"}", encoded(42L));
        assertEquals("{\"type\":\"integer\",\"value\":\"9223372036854775807\"}", encoded(Long.MAX_VALUE));
        assertEquals("{\"type\":\"integer\",\"value\":\"-9223372036854775808\"}", encoded(Long.MIN_VALUE));
        assertEquals("{\"type\":\"integer\",\"value\":\"9007199254740993\"}", encoded(9007199254740993L));
        assertEquals(Long.MAX_VALUE, decoded("{\"type\":\"integer\",\"value\":\"9223372036854775807\"}"));
        assertEquals(Long.MIN_VALUE, decoded("{\"type\":\"integer\",\"value\":\"-9223372036854775808\"}"));
        // a number 2^53+1 that a JSON double would round
        assertEquals(9007199254740993L, decoded("{\"type\":\"integer\",\"value\":\"9007199254740993\"}"));
    }

    @Test
    void integersBeyond64BitsAreRefused() {
        assertThrows(LibsqlException.class, () -> decoded("{\"type\":\"integer\",\"value\":\"99999999999999999999\"}"));
    }

    @Test
    void floatsAreJsonNumbers() throws Exception {
        assertEquals("{\"type\":\"float\",\"value\":1.5}", encoded(1.5));
        assertEquals("{\"type\":\"float\",\"value\":0.1}", encoded(0.1));
        assertEquals("{\"type\":\"float\",\"value\":-2.5E-300}", encoded(-2.5e-300));
        assertEquals(0.1, decoded("{\"type\":\"float\",\"value\":0.1}"));
        assertEquals(1e300, decoded("{\"type\":\"float\",\"value\":1e300}"));
        assertEquals(3.0, decoded("{\"type\":\"float\",\"value\":3}"));
        assertThrows(SQLException.class, () -> HranaValues.encode(Double.POSITIVE_INFINITY));
    }

    @Test
    void textIsUtf8() throws Exception {
        String text = "zażółć \"quoted\" \u2603 \uD83D\uDE00 \n\t\u0000";
        JsonNode node = HranaValues.encode(text);
        assertEquals("text", node.get("type").asText());
        assertEquals(text, decoded(JSON.writeValueAsString(node)));
    }

    @Test
    void blobsAreBase64BothWays() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        JsonNode node = HranaValues.encode(all);
        assertEquals("blob", node.get("type").asText());
        assertArrayEquals(all, (byte[]) decoded(node.toString()));
        assertEquals("{\"type\":\"blob\",\"base64\":\"AQL/\"}", encoded(new byte[] {1, 2, (byte) 0xff}));
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, (byte[]) decoded("{\"type\":\"blob\",\"base64\":\"AQL/\"}"));
        assertArrayEquals(new byte[0], (byte[]) decoded("{\"type\":\"blob\",\"base64\":\"\"}"));
    }

    @Test
    void unknownTypesAreRefused() {
        assertThrows(LibsqlException.class, () -> decoded("{\"type\":\"decimal\",\"value\":\"1\"}"));
        SQLException e = assertThrows(SQLException.class, () -> HranaValues.encode(new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        // the driver binds an int as a Long (PreparedStatement.setInt): another integral type is not sent
        assertThrows(SQLException.class, () -> HranaValues.encode(42));
    }

    @Test
    void statementsAndConditionsHaveTheSpecShapes() throws Exception {
        assertEquals("{\"sql\":\"SELECT ?, ?\",\"args\":[{\"type\":\"integer\",\"value\":\"1\"},{\"type\":\"null\"}],"
                + "\"want_rows\":true}",
                HranaClient.stmtJson(new Hrana.Stmt("SELECT ?, ?", Arrays.asList(1L, null), true)).toString());
        assertEquals("{\"sql\":\"SELECT 1\",\"want_rows\":false}",
                HranaClient.stmtJson(new Hrana.Stmt("SELECT 1", List.of(), false)).toString());
        Hrana.Cond cond = Hrana.and(Hrana.not(Hrana.ok(3)), Hrana.isAutocommit());
        assertEquals("{\"type\":\"and\",\"conds\":[{\"type\":\"not\",\"cond\":{\"type\":\"ok\",\"step\":3}},"
                + "{\"type\":\"is_autocommit\"}]}",
                HranaClient.condJson(cond).toString());
    }

    @Test
    void resultsAndErrorsAreRead() throws Exception {
        Hrana.StmtResult result = HranaClient.stmtResult(JSON.readTree("{\"cols\":[{\"name\":\"a\",\"decltype\":"
                + "\"INTEGER\"},{\"name\":\"b\",\"decltype\":null}],\"rows\":[[{\"type\":\"integer\",\"value\":\"7\"},"
                + "{\"type\":\"text\",\"value\":\"x\"}]],\"affected_row_count\":2,\"last_insert_rowid\":\"9\"}"));
        assertEquals(List.of(new Hrana.Column("a"), new Hrana.Column("b")), result.cols());
        assertEquals(List.of(List.of(7L, "x")), result.rows());
        assertEquals(2, result.affectedRowCount());
        LibsqlException error = HranaClient.error(JSON.readTree(
                "{\"message\":\"UNIQUE constraint failed: t.a\",\"code\":\"SQLITE_CONSTRAINT\"}"));
        assertEquals("SQLITE_CONSTRAINT", error.hranaCode());
        assertTrue(error.getMessage().startsWith("UNIQUE constraint failed: t.a"), error.getMessage());
    }
}
