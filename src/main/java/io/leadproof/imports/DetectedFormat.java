package io.leadproof.imports;

/**
 * What the reader settled on for one file: to show in the import's report, and to declare on a resumed read
 * so that it reads the file exactly as the first one did.
 *
 * @param encoding          the encoding used
 * @param byteOrderMark     whether the file began with a UTF-8 byte order mark (skipped)
 * @param separator         the separator used
 * @param encodingDetected  false when the options declared it
 * @param separatorDetected false when the options declared it
 */
public record DetectedFormat(CsvEncoding encoding, boolean byteOrderMark, CsvSeparator separator,
        boolean encodingDetected, boolean separatorDetected) {
}
