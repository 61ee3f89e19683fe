package io.leadproof.imports;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Detects the encoding and separator of a CSV file from its first bytes, then leaves the stream positioned after
 * any byte order mark.
 *
 * <p>Encoding: a UTF-8 byte order mark means UTF-8; a UTF-16 or UTF-32 mark fails the file; a declared encoding is
 * used as declared; otherwise the first {@link CsvOptions#sniffBytes()} bytes decide: UTF-8 when they are valid UTF-8
 * or hold more valid multi-byte UTF-8 characters than invalid bytes, else Windows-1252 (which also reads ISO-8859-1
 * exports right). A row holding bytes invalid in the encoding used is rejected with {@code INVALID_ENCODING} and the
 * advice to declare WINDOWS_1252, rather than landed garbled.
 *
 * <p>Separator: a declared one is used; otherwise the one among {@code , ; TAB} that occurs most often outside
 * quotes in the header row, ties in that order, comma when none occurs (a one-column file).
 */
final class FormatSniffer {

    private FormatSniffer() {
    }

    static DetectedFormat sniff(BufferedInputStream in, CsvOptions options) throws IOException {
        in.mark(options.sniffBytes() + 1);
        byte[] head = in.readNBytes(options.sniffBytes());
        boolean whole = in.read() < 0;
        in.reset();
        if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
            throw new ImportFileException(ImportErrorCode.UNSUPPORTED_ENCODING, 0,
                    "the file is UTF-16 (or UTF-32); save it as UTF-8 or Windows-1252 CSV");
        }
        boolean bom = startsWith(head, 0xEF, 0xBB, 0xBF);
        int start = 0;
        if (bom) {
            start = 3;
            in.skipNBytes(3);
        }
        CsvEncoding encoding = bom ? CsvEncoding.UTF_8 : options.encoding();
        boolean encodingDetected = options.encoding() == null;
        if (encoding == null) {
            encoding = isUtf8(head, start, whole) ? CsvEncoding.UTF_8 : CsvEncoding.WINDOWS_1252;
        }
        CsvSeparator separator = options.separator();
        boolean separatorDetected = separator == null;
        if (separator == null) {
            String text = new String(head, start, head.length - start, encoding.charset());
            separator = separatorOfHeader(text);
        }
        return new DetectedFormat(encoding, bom, separator, encodingDetected, separatorDetected);
    }

    /**
     * UTF-8 unless the window holds more bytes invalid in UTF-8 than valid multi-byte UTF-8 characters: a UTF-8
     * export with one damaged byte stays UTF-8 (that row is rejected), while Windows-1252 text, whose accented
     * letters are single bytes, almost never forms valid UTF-8 sequences.
     */
    private static boolean isUtf8(byte[] head, int start, boolean whole) {
        int valid = 0;
        int invalid = 0;
        int i = start;
        while (i < head.length) {
            int b = head[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 1) {
                i++;
                continue;
            }
            if (length > 0 && i + length > head.length && !whole) {
                break; // a character cut by the end of the window
            }
            boolean ok = length > 0 && i + length <= head.length;
            for (int k = 1; ok && k < length; k++) {
                ok = (head[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                valid++;
                i += length;
            } else {
                invalid++;
                i++;
            }
        }
        return invalid == 0 || valid > invalid;
    }

    static CsvSeparator separatorOfHeader(String text) {
        int[] counts = new int[CsvSeparator.values().length];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (CsvSeparator s : CsvSeparator.values()) {
                    if (s.character() == c) {
                        counts[s.ordinal()]++;
                    }
                }
            }
        }
        CsvSeparator best = CsvSeparator.COMMA;
        for (CsvSeparator s : CsvSeparator.values()) {
            if (counts[s.ordinal()] > counts[best.ordinal()]) {
                best = s;
            }
        }
        return best;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
