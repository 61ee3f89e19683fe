package io.leadproof.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A CRM export with every kind of trouble: UTF-8 with BOM, ';' separator, decimal commas, dd.MM.yyyy dates, quoted
 * notes with line breaks and separators, country names in several languages, "Select" and "N/A" placeholders, a
 * source outside the enum that the mapping aliases, and exactly five bad rows among 1,000.
 */
final class MessyExport {

    static final int ROWS = 1000;
    static final String HEADER = "Lead ID;E-mail;First Name;Last Name;Company;Country;Lead Source;Employees;Revenue;Created;Notes;Tags;Newsletter";
    static final String[] COUNTRIES = {"India", "Deutschland", "USA", "UK", "United States", "DE", "France", "España", "Select", ""};
    static final String[] EXPECTED_COUNTRIES = {"IN", "DE", "US", "GB", "US", "DE", "FR", "ES", null, null};
    static final String[] SOURCES = {"Google", "Organic search", "paid-social", "Referral", "N/A", "EMAIL"};

    /** Spreadsheet row numbers (header = 1) of the bad rows: data row i is row i + 2. */
    static final long BAD_DATE_ROW = 42;
    static final long BAD_SOURCE_ROW = 137;
    static final long BAD_COUNTRY_ROW = 500;
    static final long TWO_BAD_CELLS_ROW = 777;
    static final long SHORT_ROW = 999;

    static final String EXPECTED_REPORT = String.join("\r\n",
            "row,column,code,message",
            "42,Created,INVALID_DATE,'31.02.2024' is not an ISO-8601 date or dd.MM.yyyy",
            "137,Lead Source,INVALID_ENUM,\"'Newspaper' is not a source; allowed: ORGANIC_SEARCH, PAID_SEARCH, PAID_SOCIAL, "
                    + "ORGANIC_SOCIAL, EMAIL, EVENT, REFERRAL, PARTNER, DIRECT, LIST_PURCHASE, OTHER\"",
            "500,Country,INVALID_COUNTRY,'Atlantis' is not a country name or ISO 3166 code",
            "777,Employees,INVALID_NUMBER,'many' is not a whole number",
            "777,Newsletter,INVALID_BOOLEAN,\"'maybe' is not a yes/no value; allowed: true, false, yes, no, y, n, 1, 0\"",
            "999,,COLUMN_COUNT,row has 12 fields but the header has 13 columns",
            "");

    static ColumnMapping mapping() {
        return new ColumnMapping("crm-export", ImportKind.LEADS, List.of(
                ColumnRule.field("Lead ID", "externalId"),
                ColumnRule.field("e-mail", "email"),
                ColumnRule.field("First Name", "firstName"),
                ColumnRule.field("Last Name", "lastName"),
                ColumnRule.field("Company", "companyName"),
                ColumnRule.field("Country", "country"),
                ColumnRule.field("Lead Source", "source", Map.of("Google", "PAID_SEARCH")),
                ColumnRule.field("Employees", "employeeCount"),
                ColumnRule.field("Revenue", "annualRevenue"),
                ColumnRule.field("Created", "createdAt"),
                ColumnRule.attribute("Newsletter", "newsletter", AttributeType.BOOLEAN)),
                List.of("Select", "N/A", "-"), "dd.MM.yyyy", ",", "Europe/Berlin");
    }

    static byte[] file() {
        var out = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < ROWS; i++) {
            long row = i + 2;
            String created = row == BAD_DATE_ROW ? "31.02.2024" : String.format("%02d.%02d.2024", 1 + i % 28, 1 + i % 12);
            String source = row == BAD_SOURCE_ROW ? "Newspaper" : SOURCES[i % SOURCES.length];
            String country = row == BAD_COUNTRY_ROW ? "Atlantis" : COUNTRIES[i % COUNTRIES.length];
            String employees = row == TWO_BAD_CELLS_ROW ? "many" : i % 7 == 0 ? "" : String.valueOf(10 + i);
            String newsletter = row == TWO_BAD_CELLS_ROW ? "maybe" : i % 2 == 0 ? "yes" : "no";
            String notes = i % 10 == 3 ? "\"Called twice;\nwants a demo\r\nnext \"\"Q3\"\"\"" : "-";
            out.append("L-").append(i).append(';')
                    .append("person").append(i).append("@company").append(i % 50).append(".com;")
                    .append(i % 9 == 0 ? "Select" : "Ana").append(';')
                    .append("Müller-").append(i).append(';')
                    .append("\"Company ").append(i % 50).append("; GmbH\";")
                    .append(country).append(';').append(source).append(';').append(employees).append(';')
                    .append(i % 5 == 0 ? "N/A" : "1.234.567," + (i % 100)).append(';')
                    .append(created).append(';').append(notes).append(";tag").append(i % 3);
            if (row != SHORT_ROW) {
                out.append(';').append(newsletter);
            }
            out.append("\r\n");
        }
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    static boolean isBad(long row) {
        return row == BAD_DATE_ROW || row == BAD_SOURCE_ROW || row == BAD_COUNTRY_ROW || row == TWO_BAD_CELLS_ROW || row == SHORT_ROW;
    }

    private MessyExport() {
    }
}
