package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ErrorReportWriterTest {

    @Test
    void aHeaderOrValueThatASpreadsheetWouldRunAsAFormulaIsDefused() throws IOException {
        var out = new StringWriter();
        try (var report = new ErrorReportWriter(out)) {
            report.write(new ImportError(7, "=HYPERLINK(\"http://evil\")", "INVALID_NUMBER", "-1+1 is not a whole number"));
            report.write(new ImportError(8, "Notes, long", "FIELD_TOO_LONG", "value has \"quotes\"\nand a line break"));
            assertThat(report.count()).isEqualTo(2);
        }
        assertThat(out.toString()).isEqualTo("row,column,code,message\r\n"
                + "7,\"'=HYPERLINK(\"\"http://evil\"\")\",INVALID_NUMBER,'-1+1 is not a whole number\r\n"
                + "8,\"Notes, long\",FIELD_TOO_LONG,\"value has \"\"quotes\"\"\nand a line break\"\r\n");
    }
}
