-- Who has signed in to a workspace, with which LeadProof roles (docs/security.md, "Sales reps are members").
-- A row is written the first time a token names the workspace for the user (and again when the roles in the token
-- change): the token is the proof that the identity provider counts the user as a member of the workspace's
-- organisation with those roles. salesRepUpsert accepts only members whose roles include sales.
create table workspace_member (
    workspace_id     text        not null references workspace,
    user_name        text        not null check (length(user_name) between 1 and 255),
    roles            text        not null check (roles ~ '^[a-z-]*( [a-z-]+)*$'),
    first_seen_at    timestamptz not null,
    roles_seen_at    timestamptz not null,
    primary key (workspace_id, user_name)
);

comment on table workspace_member is 'Users seen signed in to the workspace and their LeadProof roles (space-separated); see docs/security.md';
