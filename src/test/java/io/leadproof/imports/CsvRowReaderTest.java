package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The files people actually upload, read row by row. */
class CsvRowReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void aWindows1252ExportFromExcelIsDetectedAndReadWithItsAccentsAndEuroSigns() throws IOException {
        byte[] file = "Name;Stadt;Budget\r\nJosé Müller;Köln;5 000 €\r\nFrançoise;Besançon;–\r\n".getBytes(WINDOWS_1252);

        try (var reader = CsvRowReader.open(new ByteArrayInputStream(file), CsvOptions.defaults())) {
            assertThat(reader.format()).isEqualTo(new DetectedFormat(CsvEncoding.WINDOWS_1252, false, CsvSeparator.SEMICOLON, true, true));
            assertThat(reader.header()).containsExactly("Name", "Stadt", "Budget");
            assertThat(reader.next().fields()).containsExactly("José Müller", "Köln", "5 000 €");
            assertThat(reader.next().fields()).containsExactly("Françoise", "Besançon", "–");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void utf8WithoutBomIsDetectedAndATabSeparatorSniffed() throws IOException {
        byte[] file = "email\tname\tcity\na@acme.com\tZoë\t東京\n".getBytes(StandardCharsets.UTF_8);

        try (var reader = CsvRowReader.open(new ByteArrayInputStream(file), CsvOptions.defaults())) {
            assertThat(reader.format()).isEqualTo(new DetectedFormat(CsvEncoding.UTF_8, false, CsvSeparator.TAB, true, true));
            assertThat(reader.next().fields()).containsExactly("a@acme.com", "Zoë", "東京");
        }
    }

    @Test
    void aDeclaredSeparatorWinsOverWhatTheHeaderSuggests() throws IOException {
        byte[] file = "a;b,c\n1;2,3\n".getBytes(StandardCharsets.UTF_8);
        try (var reader = CsvRowReader.open(new ByteArrayInputStream(file), CsvOptions.defaults().withSeparator(CsvSeparator.SEMICOLON))) {
            assertThat(reader.header()).containsExactly("a", "b,c");
            assertThat(reader.format().separatorDetected()).isFalse();
        }
    }

    @Test
    void rowNumbersCountRowsAsASpreadsheetDoesNotLines() throws IOException {
        byte[] file = "id,note\n1,\"two\nlines\"\n\n2,plain\n".getBytes(StandardCharsets.UTF_8);

        try (var reader = CsvRowReader.open(new ByteArrayInputStream(file), CsvOptions.defaults())) {
            CsvRow quoted = reader.next();
            CsvRow blank = reader.next();
            CsvRow plain = reader.next();
            assertThat(quoted).isEqualTo(new CsvRow(2, 2, List.of("1", "two\nlines")));
            assertThat(blank.rowNumber()).isEqualTo(3);
            assertThat(blank.isBlank()).isTrue();
            assertThat(plain).isEqualTo(new CsvRow(4, 5, List.of("2", "plain")));
        }
    }

    @Test
    void aRowOfTheWrongWidthOrWithAnOverlongFieldIsReportedAndTheNextRowStillRead() throws IOException {
        byte[] file = ("a,b\n1\n" + "x".repeat(101) + ",2\n3,4\n").getBytes(StandardCharsets.UTF_8);
        var options = CsvOptions.defaults().withLimits(200, 100, 10_000);

        try (var reader = CsvRowReader.open(new ByteArrayInputStream(file), options)) {
            assertThat(reader.problemsOf(reader.next())).containsExactly(
                    new ImportError(2, null, "COLUMN_COUNT", "row has 1 fields but the header has 2 columns"));
            assertThat(reader.problemsOf(reader.next())).containsExactly(
                    new ImportError(3, "a", "FIELD_TOO_LONG", "value has 101 characters; at most 100 are allowed"));
            CsvRow good = reader.next();
            assertThat(reader.problemsOf(good)).isEmpty();
            assertThat(good.fields()).containsExactly("3", "4");
        }
    }

    @Test
    void aTenMegabyteSingleLineFailsClearlyAfterReadingLittleMoreThanTheRowLimit() throws IOException {
        var input = new GeneratedLine("id,notes\n1,", 10 * 1024 * 1024);

        assertThatThrownBy(() -> {
            try (var reader = CsvRowReader.open(input, CsvOptions.defaults())) {
                reader.next();
            }
        }).isInstanceOfSatisfying(ImportFileException.class, e -> {
            assertThat(e.code()).isEqualTo(ImportErrorCode.ROW_TOO_LONG);
            assertThat(e.rowNumber()).isEqualTo(2);
            assertThat(e.getMessage()).isEqualTo("row 2 is longer than 1048576 characters (a quote left open makes "
                    + "the rest of the file one row); reading stopped there");
        });
        assertThat(input.served).as("bytes read of the 10 MB line").isLessThan(2 * 1024 * 1024);
    }

    @Test
    void aQuoteLeftOpenFailsAtTheRowWhereItOpened() {
        byte[] file = "a,b\n1,2\n3,\"never closed\n4,5\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(file, CsvOptions.defaults()))
                .isInstanceOfSatisfying(ImportFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ImportErrorCode.MALFORMED_CSV);
                    assertThat(e.rowNumber()).isEqualTo(3);
                });
    }

    @Test
    void aRowWithBytesInvalidInTheDetectedEncodingIsRejectedAloneWithAdvice() throws IOException {
        var file = new java.io.ByteArrayOutputStream();
        file.writeBytes("name\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20_000; i++) {
            file.writeBytes("Zoë\n".getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes("Zo\u00eb\nChloé\n".getBytes(WINDOWS_1252));
        file.writeBytes("Zoë\n".getBytes(StandardCharsets.UTF_8));

        try (var reader = CsvRowReader.open(new ByteArrayInputStream(file.toByteArray()), CsvOptions.defaults())) {
            assertThat(reader.format().encoding()).isEqualTo(CsvEncoding.UTF_8);
            var problems = new ArrayList<ImportError>();
            CsvRow row;
            CsvRow last = null;
            while ((row = reader.next()) != null) {
                problems.addAll(reader.problemsOf(row));
                last = row;
            }
            assertThat(problems).extracting(ImportError::rowNumber).containsExactly(20_002L, 20_003L);
            assertThat(problems.getFirst()).isEqualTo(new ImportError(20_002, "name", "INVALID_ENCODING",
                    "value has bytes that are not valid UTF_8; if the file is not UTF-8, import it again declaring WINDOWS_1252"));
            assertThat(last.fields()).containsExactly("Zoë");
        }
    }

    @Test
    void aUtf8FileWithOneDamagedByteEarlyIsStillReadAsUtf8() throws IOException {
        byte[] file = "name\nZoë\nJosé\nZo\u00ebe\nRenée\n".getBytes(StandardCharsets.UTF_8);
        file[file.length - 11] = (byte) 0xE9; // the first byte of the last ë replaced by Windows-1252's é

        try (var reader = CsvRowReader.open(new ByteArrayInputStream(file), CsvOptions.defaults())) {
            assertThat(reader.format().encoding()).isEqualTo(CsvEncoding.UTF_8);
        }
    }

    @Test
    void theReaderRefusesWhatItCannotReadBeforeAnyRow() {
        assertThatThrownBy(() -> readAll(new byte[0], CsvOptions.defaults()))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo(ImportErrorCode.EMPTY_FILE));
        assertThatThrownBy(() -> readAll("a,b\n".getBytes(StandardCharsets.UTF_16), CsvOptions.defaults()))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo(ImportErrorCode.UNSUPPORTED_ENCODING));
        byte[] wide = (String.join(",", java.util.Collections.nCopies(201, "c")) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(wide, CsvOptions.defaults()))
                .isInstanceOfSatisfying(ImportFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ImportErrorCode.TOO_MANY_COLUMNS);
                    assertThat(e.getMessage()).isEqualTo("the header has 201 columns; at most 200 are allowed");
                });
    }

    @Test
    void resumingPastTheEndOfTheFileIsAMismatchNotSilence() {
        byte[] file = "a\n1\n2\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvRowReader.open(new ByteArrayInputStream(file), CsvOptions.defaults(), 7))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo(ImportErrorCode.RESUME_MISMATCH));
    }

    private static List<CsvRow> readAll(byte[] file, CsvOptions options) throws IOException {
        var rows = new ArrayList<CsvRow>();
        try (var reader = CsvRowReader.open(new ByteArrayInputStream(file), options)) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A prefix, then {@code length} letters without a line break, made up as they are read. */
    private static final class GeneratedLine extends InputStream {
        private final byte[] prefix;
        private final long length;
        long served;

        GeneratedLine(String prefix, long length) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.length = length;
        }

        @Override
        public int read() {
            if (served >= prefix.length + length) {
                return -1;
            }
            int c = served < prefix.length ? prefix[(int) served] : 'x';
            served++;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
