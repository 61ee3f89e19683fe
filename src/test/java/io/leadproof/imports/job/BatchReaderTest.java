package io.leadproof.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.ColumnRule;
import io.leadproof.imports.CsvImport;
import io.leadproof.imports.CsvOptions;
import io.leadproof.imports.ImportErrorCode;
import io.leadproof.imports.ImportFileException;
import io.leadproof.imports.ImportKind;

/** The reading thread of an import hands over whole batches in file order and ends with what stopped it (no Quarkus). */
class BatchReaderTest {

    static final ColumnMapping MAPPING = new ColumnMapping("m", ImportKind.LEADS,
            List.of(ColumnRule.field("Lead ID", "externalId"), ColumnRule.field("E-mail", "email")), null, null, null, null);
    static final ImportJobRow JOB = new ImportJobRow(UUID.randomUUID(), ImportKind.LEADS, "RUNNING", false, "m", "{}", null,
            null, 0, 0, 0, 0, 0, 0, 1, 0, null, null, "t", null, null, null);

    static List<BatchReader.Item> readAll(String csv, int cap) throws Exception {
        var file = CsvImport.leads(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults(), MAPPING, 1);
        var reader = new BatchReader(file, () -> new RowBatch(JOB, MAPPING), cap);
        Thread thread = Thread.ofPlatform().start(reader);
        var items = new ArrayList<BatchReader.Item>();
        BatchReader.Item item;
        do {
            item = reader.next(); // the writer's side: slower than the reader, which must wait, not drop
            items.add(item);
        } while (!(item instanceof BatchReader.End));
        thread.join();
        file.close();
        return items;
    }

    static String rows(int n) {
        var csv = new StringBuilder("Lead ID,E-mail\n");
        for (int i = 0; i < n; i++) {
            csv.append("L-").append(i).append(",p").append(i).append("@acme.example\n");
        }
        return csv.toString();
    }

    @Test
    void batches_come_whole_and_in_file_order_then_the_end() throws Exception {
        var items = readAll(rows(1_200), 500);
        assertThat(items).hasSize(4);
        var batches = items.subList(0, 3).stream().map(i -> ((BatchReader.Rows) i).batch()).toList();
        assertThat(batches).extracting(b -> b.values.size()).containsExactly(500, 500, 200);
        assertThat(batches).extracting(b -> b.lastRow).containsExactly(501L, 1001L, 1201L);
        assertThat(batches.get(1).rowNumbers.getFirst()).isEqualTo(502L);
        assertThat(items.get(3)).isEqualTo(new BatchReader.End(null, 1201));
    }

    @Test
    void a_file_level_problem_hands_over_the_rows_before_it_then_ends_with_it() throws Exception {
        var items = readAll(rows(3) + "L-3,\"never closed\n", 500);
        assertThat(items).hasSize(2);
        assertThat(((BatchReader.Rows) items.get(0)).batch().values).hasSize(3);
        var end = (BatchReader.End) items.get(1);
        assertThat(end.error()).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.code()).isEqualTo(ImportErrorCode.MALFORMED_CSV));
        assertThat(end.lastRow()).isEqualTo(4);
    }

    @Test
    void a_writer_that_gives_up_stops_the_reader() throws Exception {
        var file = CsvImport.leads(new ByteArrayInputStream(rows(50_000).getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults(), MAPPING, 1);
        var reader = new BatchReader(file, () -> new RowBatch(JOB, MAPPING), 100);
        Thread thread = Thread.ofPlatform().start(reader);
        assertThat(reader.next()).isInstanceOf(BatchReader.Rows.class);
        reader.stop();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(file.lastRowNumber()).isLessThan(50_001);
        file.close();
    }
}
