-- Since V12 each part of a rescoring job keeps its own cursor (scoring_job_part.last_lead_id); the job's single
-- cursor is no longer read or written.
alter table scoring_job drop column last_lead_id;
