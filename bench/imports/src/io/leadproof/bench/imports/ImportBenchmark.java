package io.leadproof.bench.imports;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.leadproof.imports.AttributeType;
import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.ColumnRule;
import io.leadproof.imports.CsvImport;
import io.leadproof.imports.CsvOptions;
import io.leadproof.imports.CsvRow;
import io.leadproof.imports.CsvRowReader;
import io.leadproof.imports.ImportKind;
import io.leadproof.imports.RowOutcome;
import io.leadproof.lead.LeadInput;
import io.leadproof.quality.DomainLists;
import io.leadproof.quality.DuplicateKeys;
import io.leadproof.quality.EmailCheck;
import io.leadproof.quality.NameCheck;
import io.leadproof.quality.PhoneCheck;
import io.leadproof.quality.LeadQualityChecks;
import io.leadproof.quality.LeadQualityInput;
import io.leadproof.quality.PersonIdentity;

/**
 * Throughput of the pure part of a CSV lead import on one thread, over a generated file of N lead rows (default
 * 1,000,000): read; read + map; + the phone parsed to E.164 as the lead validation of the API path does; + every
 * data-quality check and the duplicate keys. Then the cost of resuming in the middle, and CPU microseconds per call
 * of each check. Usage: ImportBenchmark [rows] [repetitions] [file]. Prints one JSON line per measurement.
 */
public final class ImportBenchmark {

    static final String HEADER = "Lead ID;Email;First Name;Last Name;Phone;Company;Website;Country;Lead Source;Employees;Revenue;Created;Notes;Newsletter";
    static final String[] FIRST = {"Ada", "Wei", "Priya", "José", "Søren", "Ngozi", "Select", "Anna", "Mohammed", "Zoë"};
    static final String[] LAST = {"Lovelace", "Li", "Sharma", "García", "Kierkegaard", "Okonjo", "Müller", "Ng", "Nguyễn", "O'Brien"};
    static final String[] COUNTRIES = {"Germany", "DE", "India", "USA", "United Kingdom", "Select", "France", "España", "", "Brasil"};
    static final String[] PHONES = {"+49 30 901820", "030 901820", "+91 98765 43210", "+1 212 736 5000", "+44 20 7946 0018", "", "12345"};
    static final String[] SOURCES = {"Google", "Organic search", "paid-social", "Referral", "N/A", "EMAIL", "Event"};

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir"), "leadproof-import-bench-" + rows + ".csv");
        if (!Files.exists(file)) {
            generate(file, rows);
        }
        var checks = new LeadQualityChecks(DomainLists.bundled());
        var asOf = Instant.parse("2025-01-01T00:00:00Z");
        System.out.printf("{\"file\":\"%s\",\"rows\":%d,\"bytes\":%d,\"cores\":%d,\"maxHeapMb\":%d}%n", file, rows,
                Files.size(file), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        // the first pass warms the JIT and is reported as such
        for (int r = 0; r <= repetitions; r++) {
            String pass = r == 0 ? "warm-up" : "run " + r;
            measure(pass, "read", rows, () -> read(file));
            measure(pass, "read+map", rows, () -> map(file, 1, null, false, asOf));
            measure(pass, "read+map+phone to E.164", rows, () -> map(file, 1, null, true, asOf));
            measure(pass, "read+map+phone to E.164+checks+keys", rows, () -> map(file, 1, checks, true, asOf));
        }
        long resumeAt = rows / 2 + 1;
        measure("resume", "skip to row " + resumeAt, rows / 2, () -> skip(file, resumeAt));
        perCheck(checks);
    }

    /** CPU microseconds per call of each check on fixed real-looking values, after a warm-up round. */
    static void perCheck(LeadQualityChecks checks) {
        var lists = DomainLists.bundled();
        var email = new EmailCheck(lists);
        var phone = new PhoneCheck();
        var names = new NameCheck();
        var keys = new DuplicateKeys(lists);
        var lead = new PersonIdentity("L-1", "ada.lovelace@company7.com", "+4930901820", "Ada", "Lovelace", "Company 7; GmbH",
                "company7.com", "DE");
        var input = LeadQualityInput.fieldsOnly(lead, Instant.EPOCH);
        for (int round = 0; round < 2; round++) {
            String pass = round == 0 ? "warm-up" : "per check";
            perCall(pass, "email", () -> email.check(lead.email(), lead.companyDomain()));
            perCall(pass, "phone (E.164 string)", () -> phone.check(lead.phone(), lead.country()));
            perCall(pass, "phone parse + validate (what lead validation does)", () -> e164("030 901820", "DE"));
            perCall(pass, "names", () -> names.check(lead.firstName(), lead.lastName()));
            perCall(pass, "duplicate keys", () -> keys.keysOf(lead));
            perCall(pass, "all checks of a lead (assess)", () -> checks.assess(input));
        }
    }

    static void perCall(String pass, String what, Runnable call) {
        int calls = 200_000;
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        double micros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / calls;
        System.out.printf("{\"pass\":\"%s\",\"check\":\"%s\",\"cpuMicrosPerCall\":%.2f}%n", pass, what, micros);
    }

    interface Pass {
        long run() throws IOException;
    }

    /** Wall time, and the thread's CPU time, which a shared machine disturbs much less. */
    static void measure(String pass, String what, long rows, Pass body) throws IOException {
        System.gc();
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long result = body.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long usedMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf("{\"pass\":\"%s\",\"step\":\"%s\",\"wallSeconds\":%.2f,\"cpuSeconds\":%.2f,\"rowsPerWallSecond\":%.0f,"
                + "\"rowsPerCpuSecond\":%.0f,\"result\":%d,\"heapUsedMb\":%d}%n",
                pass, what, seconds, cpuSeconds, rows / seconds, rows / cpuSeconds, result, usedMb);
    }

    static long read(Path file) throws IOException {
        long fields = 0;
        try (var reader = CsvRowReader.open(open(file), CsvOptions.defaults())) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                fields += row.fields().size();
            }
        }
        return fields;
    }

    static long skip(Path file, long resumeAfterRow) throws IOException {
        try (var reader = CsvRowReader.open(open(file), CsvOptions.defaults(), resumeAfterRow)) {
            return reader.next().rowNumber();
        }
    }

    /** Returns the number of mapped rows; with checks, the number of leads that are not VALID is added × 10^9. */
    static long map(Path file, long resumeAfterRow, LeadQualityChecks checks, boolean phones, Instant asOf) throws IOException {
        long mapped = 0;
        long doubtful = 0;
        try (var rows = CsvImport.leads(open(file), CsvOptions.defaults(), mapping(), resumeAfterRow)) {
            RowOutcome<LeadInput> outcome;
            while ((outcome = rows.next()) != null) {
                if (outcome instanceof RowOutcome.Mapped<LeadInput> m) {
                    mapped++;
                    if (phones && checks == null) {
                        mapped += e164(m.value().phone(), m.value().country()) == null ? 0 : 1_000_000_000L;
                    }
                    if (checks != null) {
                        LeadInput in = m.value();
                        // the lead validation of the API path turns the phone into E.164 before anything is stored
                        var person = new PersonIdentity(in.externalId(), in.email(), e164(in.phone(), in.country()),
                                in.firstName(), in.lastName(), in.companyName(), in.companyDomain(), in.country());
                        if (checks.assess(LeadQualityInput.fieldsOnly(person, asOf)).status() != io.leadproof.quality.QualityStatus.VALID) {
                            doubtful++;
                        }
                        doubtful += checks.duplicateKeys().keysOf(person).isEmpty() ? 1 : 0;
                    }
                }
            }
        }
        return mapped + doubtful * 1_000_000_000L;
    }

    private static final PhoneNumberUtil PHONE_UTIL = PhoneNumberUtil.getInstance();

    /** What LeadInputParser does with a phone: E.164 when valid, else the row is rejected (here: no phone). */
    static String e164(String phone, String country) {
        if (phone == null) {
            return null;
        }
        try {
            var number = PHONE_UTIL.parse(phone, country == null ? "ZZ" : country);
            return PHONE_UTIL.isValidNumber(number) ? PHONE_UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    static ColumnMapping mapping() {
        return new ColumnMapping("bench", ImportKind.LEADS, List.of(
                ColumnRule.field("Lead ID", "externalId"), ColumnRule.field("Email", "email"),
                ColumnRule.field("First Name", "firstName"), ColumnRule.field("Last Name", "lastName"),
                ColumnRule.field("Phone", "phone"), ColumnRule.field("Company", "companyName"),
                ColumnRule.field("Website", "companyDomain"), ColumnRule.field("Country", "country"),
                ColumnRule.field("Lead Source", "source", Map.of("Google", "PAID_SEARCH", "Event", "EVENT")),
                ColumnRule.field("Employees", "employeeCount"), ColumnRule.field("Revenue", "annualRevenue"),
                ColumnRule.field("Created", "createdAt"), ColumnRule.attribute("Newsletter", "newsletter", AttributeType.BOOLEAN)),
                List.of("Select", "N/A", "-"), "dd.MM.yyyy", ",", "Europe/Berlin");
    }

    static void generate(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            for (int i = 0; i < rows; i++) {
                int company = i % 20_000;
                String domain = i % 11 == 0 ? "gmail.com" : "company" + company + ".com";
                out.write("L-" + i + ';' + FIRST[i % 10].toLowerCase() + '.' + i + '@' + domain + ';' + FIRST[i % 10] + ';'
                        + LAST[(i / 10) % 10] + ';' + PHONES[i % PHONES.length] + ";\"Company " + company + "; GmbH\";"
                        + "company" + company + ".com;" + COUNTRIES[i % 10] + ';' + SOURCES[i % SOURCES.length] + ';'
                        + (i % 7 == 0 ? "" : String.valueOf(10 + i % 5000)) + ';' + (i % 5 == 0 ? "N/A" : "1.234.567," + (i % 100)) + ';'
                        + (i % 3 == 0 ? "2024-03-0" + (1 + i % 9) : String.format("%02d.%02d.2024", 1 + i % 28, 1 + i % 12)) + ';'
                        + (i % 10 == 3 ? "\"Called twice;\nwants a demo\"" : "-") + ';' + (i % 2 == 0 ? "yes" : "no") + "\r\n");
            }
        }
    }

    private ImportBenchmark() {
    }
}
