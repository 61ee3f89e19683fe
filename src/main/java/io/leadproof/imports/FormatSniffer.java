package io.leadproof.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Detects the encoding and separator of a CSV file from its first bytes, then leaves the stream positioned after
 * any byte order mark.
 *
 * <p>Encoding: a UTF-8 byte order mark means UTF-8; a UTF-16 or UTF-32 mark fails the file; a declared encoding is
 * used as declared; otherwise the first {@link CsvOptions#sniffBytes()} bytes decide: valid UTF-8 means UTF-8,
 * anything else Windows-1252 (which decodes every byte, so ISO-8859-1 exports read right too). A detected UTF-8
 * file is then decoded strictly: a byte invalid in UTF-8 further on fails the import with its row and the advice to
 * declare Windows-1252, rather than landing garbled names.
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

    private static boolean isUtf8(byte[] head, int start, boolean whole) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head, start, head.length - start);
        CharBuffer chars = CharBuffer.allocate(head.length);
        var result = decoder.decode(bytes, chars, whole);
        // a multi-byte character cut by the end of the window is underflow, not an error
        return !result.isError();
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
