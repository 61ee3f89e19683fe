package io.leadproof.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.leadproof.lead.LeadInput;

/**
 * Two writers share the batches of an import: rows of one company go to one writer, a batch waits for every earlier
 * batch that shares a key with it, and a batch that loses a deadlock is written again, once (no Quarkus).
 */
class ParallelWritersTest {

    static LeadInput lead(String externalId, String email, String company) {
        return new LeadInput(externalId, email, "Ana", "Smith", null, company, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    static RowBatch slice(LeadInput... rows) {
        var slice = new RowBatch(BatchReaderTest.JOB, BatchReaderTest.MAPPING);
        long row = 2;
        for (LeadInput r : rows) {
            slice.values.add(r);
            slice.rowNumbers.add(row++);
            slice.read++;
        }
        slice.rejected = 2;
        slice.blank = 1;
        slice.read += 3;
        slice.lastRow = row + 2;
        return slice;
    }

    @Test
    void a_slice_is_split_by_company_and_keeps_every_count() {
        var rows = new ArrayList<LeadInput>();
        for (int i = 0; i < 200; i++) {
            rows.add(lead("L-" + i, "p" + i + "@c" + (i % 20) + ".contoso.com", "Company " + (i % 20)));
        }
        var parts = ImportParts.split(slice(rows.toArray(LeadInput[]::new)), 1, 2);
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> assertThat(p.afterRow).isEqualTo(1));
        assertThat(parts.stream().mapToLong(p -> p.read).sum()).isEqualTo(203);
        assertThat(parts.get(0).rejected + parts.get(0).blank).isEqualTo(3);
        assertThat(parts.get(0).values).isNotEmpty();
        assertThat(parts.get(1).values).isNotEmpty();
        Map<String, Set<Integer>> partsOfCompany = new HashMap<>();
        for (RowBatch p : parts) {
            p.values.forEach(v -> partsOfCompany.computeIfAbsent(((LeadInput) v).companyName(), c -> new java.util.HashSet<>()).add(p.part));
            assertThat(p.rowNumbers).isSorted();
        }
        assertThat(partsOfCompany.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        // a resumed run splits the same way
        assertThat(ImportParts.split(slice(rows.toArray(LeadInput[]::new)), 1, 2).get(1).rowNumbers).isEqualTo(parts.get(1).rowNumbers);
    }

    @Test
    void rows_sharing_a_key_stay_in_one_part_in_file_order_whatever_their_company() {
        var rows = new ArrayList<LeadInput>();
        for (int i = 0; i < 100; i++) {
            int p = i % 50; // person p first at Alpha p, then at Beta p (which alone would route elsewhere)
            rows.add(lead("S-" + p, "s" + p + "@s" + p + ".contoso.com", (i < 50 ? "Alpha " : "Beta ") + p));
        }
        var parts = ImportParts.split(slice(rows.toArray(LeadInput[]::new)), 1, 2);
        for (RowBatch p : parts) {
            var ids = p.values.stream().map(v -> ((LeadInput) v).externalId()).toList();
            ids.stream().distinct().forEach(id -> assertThat(parts.stream().filter(q -> q != p)
                    .flatMap(q -> q.values.stream()).map(v -> ((LeadInput) v).externalId())).doesNotContain(id));
            assertThat(p.rowNumbers).isSorted();
        }
        assertThat(parts.get(0).values.size() + parts.get(1).values.size()).isEqualTo(100);
        assertThat(parts).allSatisfy(p -> assertThat(p.values).isNotEmpty());
    }

    @Test
    void a_row_tied_to_rows_of_both_parts_makes_the_slice_one_part() {
        var rows = new ArrayList<LeadInput>();
        for (int i = 0; i < 40; i++) {
            rows.add(lead("T-" + i, "t" + i + "@t" + i + ".contoso.com", "Gamma " + i)); // no shared key between them
        }
        var alone = ImportParts.split(slice(rows.toArray(LeadInput[]::new)), 1, 2);
        String inPart0 = ((LeadInput) alone.get(0).values.getFirst()).externalId();
        String inPart1 = ((LeadInput) alone.get(1).values.getFirst()).externalId();
        int n1 = Integer.parseInt(inPart1.substring(2));
        rows.add(lead(inPart0, "t" + n1 + "@t" + n1 + ".contoso.com", "Gamma 99")); // the id of a part-0 row, the email of a part-1 row
        var parts = ImportParts.split(slice(rows.toArray(LeadInput[]::new)), 1, 2);
        assertThat(parts.get(0).values).hasSize(41);
        assertThat(parts.get(1).values).isEmpty();
        assertThat(parts.get(1).afterRow).isEqualTo(1);
    }

    @Test
    void a_row_claims_its_external_id_email_and_duplicate_blocks() {
        assertThat(ImportParts.keysOf(lead("L-1", "Ana.Smith@Acme.contoso.com", "Acme GmbH")))
                .contains("x:L-1", "m:ana.smith@acme.contoso.com", "e:ana.smith@acme.contoso.com", "n:acme|s");
    }

    @Test
    void batches_sharing_a_key_are_written_in_file_order_and_never_at_once() {
        for (int groupRows : new int[] { 1, 9 }) {   // each batch alone; up to three batches of 3 rows in one transaction
            var gate = new KeyGate();
            Map<String, List<Integer>> order = new ConcurrentHashMap<>();
            Set<String> writing = ConcurrentHashMap.newKeySet();
            var overlaps = new AtomicInteger();
            var groups = new AtomicInteger();
            var writers = new ParallelWriters(2, "test", gate, groupRows, group -> {
                groups.incrementAndGet();
                @SuppressWarnings("unchecked")
                var keys = group.stream().flatMap(b -> ((List<String>) (List<?>) b.values).stream()).distinct().toList();
                keys.forEach(k -> {
                    if (!writing.add(k)) {
                        overlaps.incrementAndGet();
                    }
                });
                sleep(ThreadLocalRandom.current().nextInt(1, 5));
                group.forEach(b -> b.values.forEach(k -> order.computeIfAbsent((String) k,
                        x -> Collections.synchronizedList(new ArrayList<>())).add((int) b.lastRow)));
                keys.forEach(writing::remove);
            });
            for (int i = 0; i < 200; i++) {
                var batch = new RowBatch(BatchReaderTest.JOB, BatchReaderTest.MAPPING);
                batch.part = i % 2;
                batch.lastRow = i;
                var keys = List.of("k" + (i % 7), "j" + (i % 3), "own" + i);
                batch.values.addAll(keys);
                batch.ticket = gate.register(keys);
                writers.submit(batch);
            }
            writers.finish();
            assertThat(overlaps).hasValue(0);
            assertThat(order.get("k3")).hasSize(29).isSorted();
            assertThat(order.get("j1")).hasSize(67).isSorted();
            if (groupRows == 1) {
                assertThat(groups).hasValue(200);
            }
        }
    }

    @Test
    void a_writer_commits_its_queued_batches_together_while_their_turn_has_come_and_their_rows_fit() {
        var gate = new KeyGate();
        var started = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        List<List<Long>> groups = Collections.synchronizedList(new ArrayList<>());
        var writers = new ParallelWriters(1, "test", gate, 6, group -> {
            groups.add(group.stream().map(b -> b.lastRow).toList());
            started.countDown();
            await(release);   // the first batch is being written while the next ones queue up
        });
        writers.submit(batch(gate, 1, "a", "b"));
        await(started);
        writers.submit(batch(gate, 2, "a", "c"));   // shares "a" with batch 1: its turn comes with batch 1's group
        writers.submit(batch(gate, 3, "d", "e"));
        writers.submit(batch(gate, 4, "f", "g"));   // 2 + 2 + 2 rows: batch 4 would make 6 + 2 > 6
        release.countDown();
        writers.finish();
        assertThat(groups).containsExactly(List.of(1L), List.of(2L, 3L, 4L));
    }

    @Test
    void a_batch_whose_turn_has_not_come_ends_the_group() {
        var gate = new KeyGate();
        var other = gate.register(List.of("z"));   // another writer's batch, still being written
        var started = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        List<List<Long>> groups = Collections.synchronizedList(new ArrayList<>());
        var writers = new ParallelWriters(1, "test", gate, 100, group -> {
            groups.add(group.stream().map(b -> b.lastRow).toList());
            started.countDown();
            await(release);
        });
        writers.submit(batch(gate, 0, "y"));
        await(started);
        writers.submit(batch(gate, 1, "a"));
        writers.submit(batch(gate, 2, "b"));
        writers.submit(batch(gate, 3, "z"));   // waits for the other writer's batch
        writers.submit(batch(gate, 4, "c"));
        release.countDown();
        sleep(50);
        gate.end(other);
        writers.finish();
        assertThat(groups).containsExactly(List.of(0L), List.of(1L, 2L), List.of(3L, 4L));
    }

    private static RowBatch batch(KeyGate gate, long row, String... keys) {
        var batch = new RowBatch(BatchReaderTest.JOB, BatchReaderTest.MAPPING);
        batch.lastRow = row;
        batch.values.addAll(List.of(keys));
        batch.ticket = gate.register(List.of(keys));
        return batch;
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_batch_that_loses_a_deadlock_is_written_again_once() {
        var gate = new KeyGate();
        var attempts = new AtomicInteger();
        var landed = new AtomicInteger();
        var writers = new ParallelWriters(2, "test", gate, 1, group -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("tx", new SQLException("deadlock detected", "40P01"));
            }
            landed.incrementAndGet();
        });
        var batch = new RowBatch(BatchReaderTest.JOB, BatchReaderTest.MAPPING);
        batch.ticket = gate.register(List.of("x"));
        writers.submit(batch);
        writers.finish();
        assertThat(attempts).hasValue(2);
        assertThat(landed).hasValue(1);
    }

    @Test
    void any_other_failure_stops_the_writers_and_is_rethrown() {
        var gate = new KeyGate();
        var writers = new ParallelWriters(2, "test", gate, 1, group -> {
            throw new IllegalStateException("bad batch");
        });
        var batch = new RowBatch(BatchReaderTest.JOB, BatchReaderTest.MAPPING);
        batch.ticket = gate.register(List.of("x"));
        // the failure is rethrown by the next hand-over or by finish, whichever comes after the writer failed
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            writers.submit(batch);
            writers.finish();
        }).hasMessage("bad batch");
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
