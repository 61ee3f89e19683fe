-- Duplicate-detection keys as the first 8 bytes of their SHA-256 (big-endian, as QualityWrites.digest computes them)
-- instead of all 32: the primary key holds three entries a lead and is inserted into and read at random by every
-- write; a third smaller, more of it stays cached during a bulk import (docs/benchmarks.md, "v7"). A collision of two
-- keys only adds a candidate, which the matcher compares field by field. The stored keys are converted in place.
alter table lead_duplicate_key
    alter column key_digest type bigint using ('x' || encode(substr(key_digest, 1, 8), 'hex'))::bit(64)::bigint;
