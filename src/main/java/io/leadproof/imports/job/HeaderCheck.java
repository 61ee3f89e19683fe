package io.leadproof.imports.job;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.CsvImport;
import io.leadproof.imports.CsvOptions;
import io.leadproof.imports.ImportErrorCode;
import io.leadproof.imports.ImportFileException;

/**
 * Checks the header row of an upload against its mapping from the first stored chunk, so that the endpoint refuses a
 * file whose header cannot work (a mapped column missing, too many columns, an unsupported encoding, a header row
 * longer than a chunk) at once rather than through a failed job.
 */
final class HeaderCheck {

    private HeaderCheck() {
    }

    /** @param complete whether {@code firstChunk} is the whole file */
    static void check(byte[] firstChunk, boolean complete, CsvOptions options, ColumnMapping mapping) {
        if (!complete && indexOfLineBreak(firstChunk) < 0) {
            throw new ImportFileException(ImportErrorCode.ROW_TOO_LONG, 1,
                    "the header row is longer than " + firstChunk.length + " bytes; is this a CSV file?");
        }
        try (var file = switch (mapping.kind()) {
            case LEADS -> CsvImport.leads(new ByteArrayInputStream(firstChunk), options, mapping, 1);
            case ACTIVITIES -> CsvImport.activities(new ByteArrayInputStream(firstChunk), options, mapping, 1);
            case DEALS -> CsvImport.deals(new ByteArrayInputStream(firstChunk), options, mapping, 1);
        }) {
            file.header();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOfLineBreak(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return -1;
    }
}
