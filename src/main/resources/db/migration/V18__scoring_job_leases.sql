-- Rescoring jobs are held under a lease (docs/architecture.md, "Background work"): the pod working a job renews
-- lease_expires_at every few seconds, independent of how long a chunk takes, and any pod may take the job over once
-- the lease has run out. This replaces "taken over 30 s after the last chunk's heartbeat", which made recovery from
-- a crashed pod wait 30 s whatever the job.
--
-- lease_owner: the pod process holding (or that last held) the lease; null when it gave the job back cleanly.
-- Jobs running under the old rule get a lease ending 30 s after their last heartbeat: the same deadline as before.
alter table scoring_job add column lease_owner text, add column lease_expires_at timestamptz;
update scoring_job set lease_expires_at = coalesce(heartbeat_at, now()) + interval '30 seconds' where state = 'RUNNING';

-- Its successor, claim_scoring_job(text, interval), lives in R__scoring_job_claims.sql.
drop function claim_scoring_job(interval);
