-- Per-user GraphQL cost budgets (leaky buckets), shared by every pod of the service. See docs/limits.md.
--
-- bucket_key is "<workspace id>/<user name>" (workspace ids cannot contain '/'); anonymous callers get
-- "/anonymous@<client address>". It is a rate-limit counter, not workspace data: nothing in it is shown to anyone
-- but the owner of the bucket, and only as numbers.
--
-- UNLOGGED: one row is updated per request, so WAL for it would be pure overhead. After a crash PostgreSQL empties
-- the table, which gives everybody a full bucket again: the safe direction for a fairness limit. Replicas do not
-- see it, which is fine because only the primary's copy is ever used.
create unlogged table api_cost_bucket (
    bucket_key   text             primary key,
    tokens       double precision not null,
    capacity     integer          not null,
    restore_rate double precision not null,
    last_cost    bigint           not null,
    granted      boolean          not null,
    updated_at   timestamptz      not null
);

comment on table api_cost_bucket is 'GraphQL cost budget per workspace user (leaky bucket); see docs/limits.md';
