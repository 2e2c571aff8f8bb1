-- Ledgers as jsonb with a version (the ETag); each write bumps the version by one.
create table ledgers (
  id text primary key,
  unit text,
  version integer not null check (version > 0),
  data jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by text
);

-- Every history entry of every item, one row each. The application only inserts here.
create table ledger_history (
  ledger_id text not null references ledgers (id),
  item_id text not null,
  seq integer not null check (seq >= 0),
  entry jsonb not null,
  ledger_version integer not null,
  recorded_at timestamptz not null default now(),
  primary key (ledger_id, item_id, seq)
);

-- One row per write (accepted or refused), who, what, the outcome.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  user_id text not null,
  role text not null,
  action text not null,
  target text not null,
  outcome text not null,
  version integer,
  detail jsonb
);

-- Drafts of the elements, per user and key.
create table drafts (
  user_id text not null,
  key text not null,
  data jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, key)
);
