package io.leadproof.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The text encodings an import accepts; ISO-8859-1 files read correctly as Windows-1252, its superset. */
public enum CsvEncoding {
    UTF_8(StandardCharsets.UTF_8),
    WINDOWS_1252(Charset.forName("windows-1252"));

    private final Charset charset;

    CsvEncoding(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }
}
