package io.leadproof.imports;

/** The field separators an import accepts. */
public enum CsvSeparator {
    COMMA(','),
    SEMICOLON(';'),
    TAB('\t');

    private final char character;

    CsvSeparator(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }
}
